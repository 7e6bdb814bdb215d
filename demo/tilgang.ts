/**
 * The business bank's page ("Demobanken Bedrift"): the user acts for an organisation, opens the
 * payroll module and lacks the right in Altinn, and asks for access, through Altinn 3 (a new tab; the
 * page follows the request) or Altinn 2 (there and back in this tab). For the demo, a link to the
 * mock Altinn's page where the organisation's access manager answers.
 */
import type { AccessRequestStatus } from '../src/index.js';
import { altinnOrigin, hideUntilRequest, startPortalPage, type PageTexts } from './portal.js';

const TEXTS: PageTexts = {
  nb: {
    title: 'Lønn – Demobanken Bedrift',
    logoTag: 'Bedrift',
    actingFor: 'Du representerer',
    orgNumber: 'org.nr.',
    heading: 'Lønn',
    noAccessTitle: 'Du mangler tilgang til lønnsmodulen for FJELLTOPP REGNSKAP AS.',
    noAccessText:
      'Tilgangen gis i Altinn av en tilgangsstyrer i virksomheten. Be om tilgang her, så får tilgangsstyreren forespørselen din.',
    moduleHeading: 'Lønnsmodulen',
    moduleGranted: 'Du har tilgang til lønnsmodulen for FJELLTOPP REGNSKAP AS.',
    moduleNextRun: 'Neste lønnskjøring',
    moduleNextRunDate: '20. desember 2026',
    moduleEmployees: 'Ansatte på lønnslisten',
    moduleState: 'Status',
    moduleStateReady: 'Klar til kontroll',
    altinn3Tag: 'Slik det gjøres nå',
    altinn3Intro:
      'Altinn åpnes i en ny fane. Der bekrefter du forespørselen, og her ser du når tilgangsstyreren i virksomheten har svart – siden oppdateres av seg selv.',
    altinn3Button: 'Be om tilgang til lønnsmodulen',
    altinn2Tag: 'Stengt i juni 2026',
    altinn2Intro:
      'Slik ba portaler om tilgang før Altinn 2 ble stengt i juni 2026: du sendes til Altinn i denne fanen, sender forespørselen der og kommer tilbake hit etterpå.',
    altinn2Button: 'Be om tilgang til lønnsmodulen i Altinn 2',
    statusHeading: 'Status for forespørselen',
    statusNone: 'Du har ikke bedt om tilgang ennå.',
    managerHeading: 'For demoen: svar som tilgangsstyrer',
    managerIntro:
      'Ellers svarer en tilgangsstyrer i FJELLTOPP REGNSKAP AS i sitt eget Altinn. I demoen gjør du det selv i den lokale etterligningen av Altinn: godkjenn eller avslå forespørselen, og se statusen over endre seg.',
    managerLink: 'Åpne tilgangsstyrerens side i Altinn',
    newTab: '(åpnes i ny fane)',
  },
  nn: {
    title: 'Løn – Demobanken Bedrift',
    logoTag: 'Bedrift',
    actingFor: 'Du representerer',
    orgNumber: 'org.nr.',
    heading: 'Løn',
    noAccessTitle: 'Du manglar tilgang til lønsmodulen for FJELLTOPP REGNSKAP AS.',
    noAccessText:
      'Tilgangen blir gitt i Altinn av ein tilgangsstyrar i verksemda. Be om tilgang her, så får tilgangsstyraren førespurnaden din.',
    moduleHeading: 'Lønsmodulen',
    moduleGranted: 'Du har tilgang til lønsmodulen for FJELLTOPP REGNSKAP AS.',
    moduleNextRun: 'Neste lønskøyring',
    moduleNextRunDate: '20. desember 2026',
    moduleEmployees: 'Tilsette på lønslista',
    moduleState: 'Status',
    moduleStateReady: 'Klar til kontroll',
    altinn3Tag: 'Slik det blir gjort no',
    altinn3Intro:
      'Altinn blir opna i ei ny fane. Der stadfestar du førespurnaden, og her ser du når tilgangsstyraren i verksemda har svart – sida blir oppdatert av seg sjølv.',
    altinn3Button: 'Be om tilgang til lønsmodulen',
    altinn2Tag: 'Stengd i juni 2026',
    altinn2Intro:
      'Slik bad portalar om tilgang før Altinn 2 vart stengd i juni 2026: du blir send til Altinn i denne fana, sender førespurnaden der og kjem tilbake hit etterpå.',
    altinn2Button: 'Be om tilgang til lønsmodulen i Altinn 2',
    statusHeading: 'Status for førespurnaden',
    statusNone: 'Du har ikkje bede om tilgang enno.',
    managerHeading: 'For demoen: svar som tilgangsstyrar',
    managerIntro:
      'Elles svarar ein tilgangsstyrar i FJELLTOPP REGNSKAP AS i sitt eige Altinn. I demoen gjer du det sjølv i den lokale etterlikninga av Altinn: godkjenn eller avslå førespurnaden, og sjå statusen over endre seg.',
    managerLink: 'Opne sida til tilgangsstyraren i Altinn',
    newTab: '(blir opna i ei ny fane)',
  },
  en: {
    title: 'Payroll – Demobanken Business',
    logoTag: 'Business',
    actingFor: 'You represent',
    orgNumber: 'org. no.',
    heading: 'Payroll',
    noAccessTitle: 'You do not have access to the payroll module for FJELLTOPP REGNSKAP AS.',
    noAccessText:
      'Access is given in Altinn by an access manager in the organisation. Request access here, and the access manager gets your request.',
    moduleHeading: 'The payroll module',
    moduleGranted: 'You have access to the payroll module for FJELLTOPP REGNSKAP AS.',
    moduleNextRun: 'Next payroll run',
    moduleNextRunDate: '20 December 2026',
    moduleEmployees: 'Employees on the payroll',
    moduleState: 'Status',
    moduleStateReady: 'Ready for review',
    altinn3Tag: 'The current way',
    altinn3Intro:
      'Altinn opens in a new tab. There you confirm the request, and here you see when the organisation’s access manager has answered – this page updates by itself.',
    altinn3Button: 'Request access to the payroll module',
    altinn2Tag: 'Closed in June 2026',
    altinn2Intro:
      'How portals requested access before Altinn 2 closed in June 2026: you are taken to Altinn in this tab, send the request there and come back here afterwards.',
    altinn2Button: 'Request access to the payroll module in Altinn 2',
    statusHeading: 'Request status',
    statusNone: 'You have not requested access yet.',
    managerHeading: 'For the demo: answer as the access manager',
    managerIntro:
      'Otherwise an access manager at FJELLTOPP REGNSKAP AS answers in their own Altinn. In the demo you do it yourself in the local mock of Altinn: approve or reject the request, and watch the status above change.',
    managerLink: 'Open the access manager’s page in Altinn',
    newTab: '(opens in a new tab)',
  },
};

// The access manager's page in the mock Altinn, for the organisation the buttons ask in, in the
// page's language. Only the demo has it: in real life the access manager answers in their own Altinn.
const origin = altinnOrigin();
const organization = document.querySelector('#altinn3-button')?.getAttribute('org');
const manager = document.querySelector<HTMLElement>('#manager');
const managerLink = document.querySelector<HTMLAnchorElement>('#manager-link');

startPortalPage(TEXTS, {
  eventLogKey: 'demobanken:events:tilgang',
  onLanguage: (lang) => {
    if (!origin || !organization || !manager || !managerLink) return;
    const url = new URL('/accessmanagement/ui/requests/received', origin);
    url.search = new URLSearchParams({ org: organization, lang }).toString();
    managerLink.href = url.href;
    manager.hidden = false;
  },
});

// In each panel, "No request yet" until its status element has a request to show.
for (const api of ['altinn3', 'altinn2']) {
  const status = document.querySelector<AccessRequestStatus>(`#${api}-status`);
  hideUntilRequest(
    status,
    document.querySelector<HTMLElement>(`#${api}-none`),
    status?.closest('section') ?? undefined,
  );
}

/**
 * While a request on this page is `accepted` (through either API), the payroll module instead of the
 * "no access" alert and the request buttons: as a status element learns it (`altinn-status-change`),
 * or when one already shows it before this script listens. Focus stays where it is (the status
 * element announces the change itself), unless it was in a part that is hidden now: then it moves to
 * the module's heading, not to the start of the page.
 */
function showModuleWhileGranted(statuses: readonly AccessRequestStatus[]): void {
  const module = document.querySelector<HTMLElement>('#payroll-module');
  const untilAccess = document.querySelectorAll<HTMLElement>('[data-until-access]');
  const known = new Map<EventTarget, string>();
  for (const status of statuses) {
    const shown = status.getAttribute('status');
    if (shown) known.set(status, shown);
  }
  const update = (): void => {
    const granted = [...known.values()].includes('accepted');
    const focused = [...untilAccess].some((part) => part.contains(document.activeElement));
    for (const part of untilAccess) part.hidden = granted;
    if (module) module.hidden = !granted;
    if (granted && focused) module?.querySelector<HTMLElement>('h2')?.focus();
  };
  document.addEventListener('altinn-status-change', (event) => {
    if (event.detail.kind !== 'access' || !event.target) return;
    known.set(event.target, event.detail.status);
    update();
  });
  update();
}

showModuleWhileGranted([
  ...document.querySelectorAll<AccessRequestStatus>('access-request-status'),
]);
