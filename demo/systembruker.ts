/**
 * The bank's accounting system ("Regnskapssystemet"), as a vendor's portal: the signed-in person
 * asks the organisation they act for to create a system user for it in Altinn, the organisation's
 * access manager approves on Altinn's page (here the mock's), and Altinn sends the person back to
 * this page, where the status element shows what the backend confirmed.
 */
import '../src/elements/request-system-user-button/request-system-user-button.js';
import '../src/elements/system-user-request-status/system-user-request-status.js';
import { hideUntilRequest, startPortalPage, type PageTexts } from './portal.js';

const TEXTS: PageTexts = {
  nb: {
    title: 'Regnskapssystemet – Demobanken Bedrift',
    logoTag: 'Bedrift',
    actingFor: 'Du representerer',
    orgNumber: 'org.nr.',
    heading: 'Regnskapssystemet',
    askHeading: 'Koble Regnskapssystemet til Altinn',
    askIntro:
      'For å hente og sende regnskapsdata for FJELLTOPP REGNSKAP AS trenger Regnskapssystemet en systembruker i Altinn. Tilgangsstyreren i virksomheten godkjenner den i Altinn; du sendes dit i denne fanen og kommer tilbake hit etterpå.',
    askButton: 'Be om systembruker for Regnskapssystemet',
    statusHeading: 'Status for forespørselen',
    statusNone: 'Du har ikke bedt om systembruker ennå.',
    helperHeading: 'For demoen: hvem som svarer i Altinn',
    helperManager:
      'På Altinns side er du logget inn som Test Testesen, tilgangsstyrer i FJELLTOPP REGNSKAP AS: du kan godkjenne eller avslå.',
    helperOther:
      'Velg Ola Nordmann der for å se hva en person uten rollen som tilgangsstyrer kan: bare sende forespørselen videre til tilgangsstyreren. Altinn forteller ikke Regnskapssystemet om det, så her står det at forespørselen venter på tilgangsstyreren.',
  },
  nn: {
    title: 'Rekneskapssystemet – Demobanken Bedrift',
    logoTag: 'Bedrift',
    actingFor: 'Du representerer',
    orgNumber: 'org.nr.',
    heading: 'Rekneskapssystemet',
    askHeading: 'Kople Rekneskapssystemet til Altinn',
    askIntro:
      'For å hente og sende rekneskapsdata for FJELLTOPP REGNSKAP AS treng Rekneskapssystemet ein systembrukar i Altinn. Tilgangsstyraren i verksemda godkjenner han i Altinn; du blir send dit i denne fana og kjem tilbake hit etterpå.',
    askButton: 'Be om systembrukar for Rekneskapssystemet',
    statusHeading: 'Status for førespurnaden',
    statusNone: 'Du har ikkje bede om systembrukar enno.',
    helperHeading: 'For demoen: kven som svarar i Altinn',
    helperManager:
      'På sida til Altinn er du logga inn som Test Testesen, tilgangsstyrar i FJELLTOPP REGNSKAP AS: du kan godkjenne eller avslå.',
    helperOther:
      'Vel Ola Nordmann der for å sjå kva ein person utan rolla som tilgangsstyrar kan: berre sende førespurnaden vidare til tilgangsstyraren. Altinn fortel ikkje Rekneskapssystemet om det, så her står det at førespurnaden ventar på tilgangsstyraren.',
  },
  en: {
    title: 'The accounting system – Demobanken Business',
    logoTag: 'Business',
    actingFor: 'You represent',
    orgNumber: 'org. no.',
    heading: 'The accounting system',
    askHeading: 'Connect the accounting system to Altinn',
    askIntro:
      'To fetch and send accounting data for FJELLTOPP REGNSKAP AS, the accounting system needs a system user in Altinn. The organisation’s access manager approves it in Altinn; you are taken there in this tab and come back here afterwards.',
    askButton: 'Request a system user for the accounting system',
    statusHeading: 'Request status',
    statusNone: 'You have not requested a system user yet.',
    helperHeading: 'For the demo: who answers in Altinn',
    helperManager:
      'On Altinn’s page you are logged in as Test Testesen, access manager of FJELLTOPP REGNSKAP AS: you can approve or reject.',
    helperOther:
      'Choose Ola Nordmann there to see what a person without the access manager role can do: only forward the request to the access manager. Altinn does not tell the accounting system, so this page says that the request waits for the access manager.',
  },
};

startPortalPage(TEXTS, { eventLogKey: 'demobanken:events:systembruker' });

// "No request yet" until the status element has a request to show.
const status = document.querySelector('system-user-request-status');
hideUntilRequest(
  status,
  document.querySelector<HTMLElement>('#system-user-none'),
  status?.closest('section') ?? undefined,
);
