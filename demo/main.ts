/**
 * The consent page ("Søknad om boliglån"): its texts (in `consent-texts.ts`), and the hint shown
 * until the consent has a status. The rest (the Altinn origin, the language switch, the event log)
 * is in `portal.ts`.
 */
import { CONSENT_TEXTS } from './consent-texts.js';
import { hideUntilRequest, startPortalPage } from './portal.js';

startPortalPage(CONSENT_TEXTS);

// "No request yet", until the status element has a request to show.
hideUntilRequest(
  document.querySelector('consent-status'),
  document.querySelector<HTMLElement>('#status-none'),
);
