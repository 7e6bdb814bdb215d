import type { Messages } from './nb.js';

/** Nynorsk. */
export const nn: Messages = {
  consentButtonLabel: 'Gi samtykke i Altinn',
  consentButtonBusy: 'Opprettar førespurnad om samtykke …',
  navigatingToAltinn: 'Sender deg til Altinn …',
  consentButtonCreated: 'Førespurnaden om samtykke er oppretta.',
  retry: 'Prøv igjen',

  errorNetwork: 'Vi fekk ikkje kontakt med tenesta. Sjekk nettsambandet og prøv igjen.',
  errorTimeout: 'Tenesta svarte ikkje i tide. Prøv igjen.',
  errorInvalidResponse: 'Vi fekk eit svar vi ikkje forstod. Prøv igjen om litt.',
  errorServer: 'Noko gjekk gale hos oss. Prøv igjen om litt.',
  errorRefused: 'Førespurnaden vart avvist. Kontakt oss om feilen held fram.',
  errorUnauthorized:
    'Du er ikkje logga inn, eller manglar tilgang. Logg inn på nytt og prøv igjen.',
  errorNotFound: 'Vi fann ikkje førespurnaden.',
  errorTooManyRequests: 'For mange forsøk på kort tid. Vent litt og prøv igjen.',
  errorUntrustedRedirect: 'Lenka vi fekk, går ikkje til Altinn, så vi opna henne ikkje.',
  errorInvalidInput: 'Knappen er ikkje sett opp rett. Kontakt oss om feilen held fram.',
  errorAborted: 'Førespurnaden vart avbroten.',

  statusRegionLabel: 'Status for samtykke',
  statusLoading: 'Hentar status frå Altinn …',
  consentCreated: 'Du har ikkje svart på førespurnaden om samtykke enno.',
  consentPending: 'Førespurnaden om samtykke ventar på behandling.',
  consentAccepted: 'Du har gitt samtykke.',
  consentAcceptedUntil: 'Du har gitt samtykke. Samtykket gjeld til {date}.',
  consentRejected: 'Du har ikkje gitt samtykke.',
  consentRevoked: 'Samtykket er trekt tilbake.',
  consentWithdrawn: 'Førespurnaden om samtykke er trekt tilbake.',
  consentExpired: 'Samtykket har gått ut.',
  consentUnknown: 'Vi kunne ikkje fastslå statusen for samtykket.',
  continueInAltinn: 'Hald fram i Altinn',
  opensInNewWindow: '(blir opna i nytt vindauge)',
  openedInNewWindow:
    'Altinn er opna i ei ny fane. Fullfør der; her ser du når førespurnaden er handsama.',
  popupBlocked: 'Nettlesaren stoppa den nye fana. Opne Altinn med lenka under.',
  openAltinn: 'Opne Altinn',
  statusUpdatesAutomatically: 'Statusen blir oppdatert automatisk.',

  accessButtonLabel: 'Be om tilgang',
  accessButtonBusy: 'Opprettar førespurnad om tilgang …',
  accessButtonCreated: 'Førespurnaden om tilgang er oppretta.',
  accessCreated: 'Førespurnaden om tilgang er ikkje send enno.',
  accessPending: 'Førespurnaden om tilgang ventar på svar frå verksemda.',
  accessAccepted: 'Du har fått tilgang.',
  accessRejected: 'Førespurnaden om tilgang vart avslått.',
  accessRevoked: 'Tilgangen er fjerna.',
  accessWithdrawn: 'Førespurnaden om tilgang er trekt tilbake.',
  accessExpired: 'Førespurnaden om tilgang har gått ut.',
  accessUnknown: 'Vi kunne ikkje fastslå statusen for førespurnaden om tilgang.',
};
