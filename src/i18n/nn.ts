import type { AccessMessages, CommonMessages, ConsentMessages } from './nb.js';

/** Nynorsk. What every element says. */
export const nnCommon: CommonMessages = {
  navigatingToAltinn: 'Sender deg til Altinn …',
  retry: 'Prøv igjen',
  errorNetwork: 'Vi fekk ikkje kontakt med tenesta. Sjekk nettsambandet og prøv igjen.',
  errorTimeout: 'Tenesta svarte ikkje i tide. Prøv igjen.',
  errorInvalidResponse: 'Vi fekk eit svar vi ikkje forstod. Prøv igjen om litt.',
  errorServer: 'Noko gjekk gale hos oss. Prøv igjen om litt.',
  errorRefused: 'Noko gjekk gale. Last inn sida på nytt og prøv igjen.',
  errorUnauthorized:
    'Du er ikkje logga inn, eller manglar tilgang. Logg inn på nytt og prøv igjen.',
  errorNotFound: 'Vi fann ikkje førespurnaden.',
  errorTooManyRequests: 'For mange forsøk på kort tid. Vent litt og prøv igjen.',
  errorUntrustedRedirect:
    'Noko gjekk gale, så vi kunne ikkje sende deg vidare til Altinn. Prøv igjen seinare.',
  errorInvalidInput: 'Denne knappen verkar ikkje på grunn av ein feil på nettsida.',
  errorAborted: 'Førespurnaden vart avbroten.',
  statusLoading: 'Hentar status frå Altinn …',
  continueInAltinn: 'Hald fram i Altinn',
  opensInNewWindow: '(blir opna i ny fane)',
  openedInNewWindow:
    'Altinn er opna i ei ny fane. Fullfør der; her ser du når førespurnaden er handsama.',
  popupBlocked: 'Nettlesaren stoppa den nye fana. Bruk lenka under for å halde fram i Altinn.',
  statusUpdatesAutomatically: 'Statusen blir oppdatert automatisk.',
};

/** Nynorsk. The consent elements' texts. */
export const nnConsent: ConsentMessages = {
  consentButtonLabel: 'Gi samtykke i Altinn',
  consentButtonBusy: 'Opprettar førespurnad om samtykke …',
  consentButtonCreated: 'Førespurnaden om samtykke er oppretta.',
  consentButtonAnswered: 'Du har alt svart på førespurnaden om samtykke.',
  consentButtonGranted: 'Du har alt gitt samtykke.',
  consentCreated: 'Du har ikkje svart på førespurnaden om samtykke enno.',
  consentPending: 'Førespurnaden om samtykke ventar på behandling.',
  consentAccepted: 'Du har gitt samtykke.',
  consentAcceptedUntil: 'Du har gitt samtykke. Samtykket gjeld til {date}.',
  consentRejected: 'Du takka nei til å gi samtykke.',
  consentRevoked: 'Samtykket er trekt tilbake og gjeld ikkje lenger.',
  consentWithdrawn: 'Førespurnaden om samtykke er avbroten, og du treng ikkje svare.',
  consentExpired: 'Samtykket har gått ut.',
  consentUnknown: 'Vi kunne ikkje fastslå statusen for samtykket.',
  consentAskedOn: 'Førespurnaden om samtykke vart laga {date}.',
};

/** Nynorsk. The access elements' texts. */
export const nnAccess: AccessMessages = {
  accessAskedOn: 'Du bad om tilgang {date}.',
  accessButtonLabel: 'Be om tilgang',
  accessButtonBusy: 'Opprettar førespurnad om tilgang …',
  accessButtonCreated: 'Førespurnaden om tilgang er oppretta.',
  accessButtonAnswered: 'Førespurnaden om tilgang er alt send.',
  accessButtonGranted: 'Du har alt tilgang.',
  accessCreated: 'Førespurnaden om tilgang er ikkje send enno.',
  accessPending: 'Førespurnaden om tilgang ventar på svar frå tilgangsstyraren i verksemda.',
  accessAccepted: 'Du har fått tilgang.',
  accessRejected: 'Førespurnaden om tilgang vart avslått.',
  accessRevoked: 'Tilgangen er fjerna.',
  accessWithdrawn: 'Førespurnaden om tilgang er trekt tilbake.',
  accessExpired: 'Førespurnaden om tilgang har gått ut.',
  accessUnknown: 'Vi kunne ikkje fastslå statusen for førespurnaden om tilgang.',
};
