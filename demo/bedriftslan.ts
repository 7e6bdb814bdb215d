/**
 * The business loan ("Søknad om bedriftslån"): the signed-in person consents on behalf of the
 * organisation they act for (`on-behalf-of="organization"`; which organisation is the backend's
 * session's), and only they can answer in Altinn, as its access manager. Once accepted, the bank's
 * server fetches the organisation's tax base with the consent token.
 */
import { BUSINESS_CONSENT_TEXTS } from './consent-texts.js';
import { showIncomeOnAcceptance } from './income.js';
import { hideUntilRequest, startPortalPage } from './portal.js';

const onLanguage = showIncomeOnAcceptance(BUSINESS_CONSENT_TEXTS);
startPortalPage(BUSINESS_CONSENT_TEXTS, { onLanguage, eventLogKey: 'demobanken:business-events' });

hideUntilRequest(
  document.querySelector('consent-status'),
  document.querySelector<HTMLElement>('#status-none'),
);
