/**
 * The consent page ("Søknad om boliglån"): its texts (in `consent-texts.ts`), the hint shown
 * until the consent has a status, and the income the bank's server fetches with the consent token
 * once the consent is accepted (`income.ts`). The rest (the Altinn origin, the language switch, the
 * event log) is in `portal.ts`.
 */
import { CONSENT_TEXTS } from './consent-texts.js';
import { showIncomeOnAcceptance } from './income.js';
import { hideUntilRequest, startPortalPage } from './portal.js';

const onLanguage = showIncomeOnAcceptance(CONSENT_TEXTS);
startPortalPage(CONSENT_TEXTS, { onLanguage });

// "No request yet", until the status element has a request to show.
hideUntilRequest(
  document.querySelector('consent-status'),
  document.querySelector<HTMLElement>('#status-none'),
);
