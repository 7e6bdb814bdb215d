/** Bokmål: the default language, and the source of the message keys every language must have. */
export const nb = {
  consentButtonLabel: 'Gi samtykke i Altinn',
  consentButtonBusy: 'Oppretter forespørsel om samtykke …',
  navigatingToAltinn: 'Sender deg til Altinn …',
  consentButtonCreated: 'Forespørselen om samtykke er opprettet.',
  consentButtonAnswered: 'Forespørselen om samtykke venter ikke lenger på svar fra deg.',
  retry: 'Prøv igjen',

  errorNetwork: 'Vi fikk ikke kontakt med tjenesten. Sjekk nettforbindelsen og prøv igjen.',
  errorTimeout: 'Tjenesten svarte ikke i tide. Prøv igjen.',
  errorInvalidResponse: 'Vi fikk et svar vi ikke forstod. Prøv igjen om litt.',
  errorServer: 'Noe gikk galt hos oss. Prøv igjen om litt.',
  errorRefused: 'Forespørselen ble avvist. Kontakt oss hvis feilen fortsetter.',
  errorUnauthorized:
    'Du er ikke logget inn, eller mangler tilgang. Logg inn på nytt og prøv igjen.',
  errorNotFound: 'Vi fant ikke forespørselen.',
  errorTooManyRequests: 'For mange forsøk på kort tid. Vent litt og prøv igjen.',
  errorUntrustedRedirect: 'Lenken vi fikk, går ikke til Altinn, så vi åpnet den ikke.',
  errorInvalidInput: 'Knappen er ikke satt opp riktig. Kontakt oss hvis feilen fortsetter.',
  errorAborted: 'Forespørselen ble avbrutt.',

  statusRegionLabel: 'Status for samtykke',
  statusLoading: 'Henter status fra Altinn …',
  consentCreated: 'Du har ikke svart på forespørselen om samtykke ennå.',
  consentPending: 'Forespørselen om samtykke venter på behandling.',
  consentAccepted: 'Du har gitt samtykke.',
  consentAcceptedUntil: 'Du har gitt samtykke. Samtykket gjelder til {date}.',
  consentRejected: 'Du har ikke gitt samtykke.',
  consentRevoked: 'Samtykket er trukket tilbake.',
  consentWithdrawn: 'Forespørselen om samtykke er trukket tilbake.',
  consentExpired: 'Samtykket har utløpt.',
  consentUnknown: 'Vi kunne ikke fastslå statusen for samtykket.',
  continueInAltinn: 'Fortsett i Altinn',
  opensInNewWindow: '(åpnes i nytt vindu)',
  openedInNewWindow:
    'Altinn er åpnet i en ny fane. Fullfør der; her ser du når forespørselen er behandlet.',
  popupBlocked: 'Nettleseren stoppet den nye fanen. Åpne Altinn med lenken under.',
  openAltinn: 'Åpne Altinn',
  consentAskedOn: 'Forespørselen om samtykke ble laget {date}.',
  accessAskedOn: 'Du ba om tilgang {date}.',
  statusUpdatesAutomatically: 'Statusen oppdateres automatisk.',

  accessButtonLabel: 'Be om tilgang',
  accessButtonBusy: 'Oppretter forespørsel om tilgang …',
  accessButtonCreated: 'Forespørselen om tilgang er opprettet.',
  accessButtonAnswered: 'Forespørselen om tilgang er allerede sendt.',
  accessCreated: 'Forespørselen om tilgang er ikke sendt ennå.',
  accessPending: 'Forespørselen om tilgang venter på svar fra virksomheten.',
  accessAccepted: 'Du har fått tilgang.',
  accessRejected: 'Forespørselen om tilgang ble avslått.',
  accessRevoked: 'Tilgangen er fjernet.',
  accessWithdrawn: 'Forespørselen om tilgang er trukket tilbake.',
  accessExpired: 'Forespørselen om tilgang har utløpt.',
  accessUnknown: 'Vi kunne ikke fastslå statusen for forespørselen om tilgang.',
};

/** The keys every language has, each a text (placeholders in braces, e.g. `{date}`). */
export type Messages = { readonly [K in keyof typeof nb]: string };
