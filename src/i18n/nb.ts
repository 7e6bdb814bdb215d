/**
 * Bokmål: the default language, and the source of the message keys every language must have. The
 * texts are split by what shows them (every element, the consent elements, the access elements), so
 * that an element carries only the texts it can show.
 */

/** What every element says. */
export const nbCommon = {
  navigatingToAltinn: 'Sender deg til Altinn …',
  retry: 'Prøv igjen',
  errorNetwork: 'Vi fikk ikke kontakt med tjenesten. Sjekk nettforbindelsen og prøv igjen.',
  errorTimeout: 'Tjenesten svarte ikke i tide. Prøv igjen.',
  errorInvalidResponse: 'Vi fikk et svar vi ikke forstod. Prøv igjen om litt.',
  errorServer: 'Noe gikk galt hos oss. Prøv igjen om litt.',
  errorRefused: 'Noe gikk galt. Last inn siden på nytt og prøv igjen.',
  errorUnauthorized:
    'Du er ikke logget inn, eller mangler tilgang. Logg inn på nytt og prøv igjen.',
  errorNotFound: 'Vi fant ikke forespørselen.',
  errorTooManyRequests: 'For mange forsøk på kort tid. Vent litt og prøv igjen.',
  errorUntrustedRedirect:
    'Noe gikk galt, så vi kunne ikke sende deg videre til Altinn. Prøv igjen senere.',
  errorInvalidInput: 'Denne knappen virker ikke på grunn av en feil på nettsiden.',
  errorAborted: 'Forespørselen ble avbrutt.',
  statusLoading: 'Henter status fra Altinn …',
  continueInAltinn: 'Fortsett i Altinn',
  opensInNewWindow: '(åpnes i ny fane)',
  openedInNewWindow:
    'Altinn er åpnet i en ny fane. Fullfør der; her ser du når forespørselen er behandlet.',
  popupBlocked: 'Nettleseren stoppet den nye fanen. Bruk lenken under for å fortsette i Altinn.',
  statusUpdatesAutomatically: 'Statusen oppdateres automatisk.',
};

/** The consent elements' texts. */
export const nbConsent = {
  consentButtonLabel: 'Gi samtykke i Altinn',
  consentButtonBusy: 'Oppretter forespørsel om samtykke …',
  consentButtonCreated: 'Forespørselen om samtykke er opprettet.',
  consentButtonAnswered: 'Du har allerede svart på forespørselen om samtykke.',
  consentButtonGranted: 'Du har allerede gitt samtykke.',
  consentCreated: 'Du har ikke svart på forespørselen om samtykke ennå.',
  consentPending: 'Forespørselen om samtykke venter på behandling.',
  consentAccepted: 'Du har gitt samtykke.',
  consentAcceptedUntil: 'Du har gitt samtykke. Samtykket gjelder til {date}.',
  consentRejected: 'Du takket nei til å gi samtykke.',
  consentRevoked: 'Samtykket er trukket tilbake og gjelder ikke lenger.',
  consentWithdrawn: 'Forespørselen om samtykke er avbrutt, og du trenger ikke svare.',
  consentExpired: 'Samtykket har utløpt.',
  consentUnknown: 'Vi kunne ikke fastslå statusen for samtykket.',
  consentAskedOn: 'Forespørselen om samtykke ble laget {date}.',
};

/** The access elements' texts. */
export const nbAccess = {
  accessAskedOn: 'Du ba om tilgang {date}.',
  accessButtonLabel: 'Be om tilgang',
  accessButtonBusy: 'Oppretter forespørsel om tilgang …',
  accessButtonCreated: 'Forespørselen om tilgang er opprettet.',
  accessButtonAnswered: 'Forespørselen om tilgang er allerede sendt.',
  accessButtonGranted: 'Du har allerede tilgang.',
  accessCreated: 'Forespørselen om tilgang er ikke sendt ennå.',
  accessPending: 'Forespørselen om tilgang venter på svar fra tilgangsstyrer i virksomheten.',
  accessAccepted: 'Du har fått tilgang.',
  accessRejected: 'Forespørselen om tilgang ble avslått.',
  accessRevoked: 'Tilgangen er fjernet.',
  accessWithdrawn: 'Forespørselen om tilgang er trukket tilbake.',
  accessExpired: 'Forespørselen om tilgang har utløpt.',
  accessUnknown: 'Vi kunne ikke fastslå statusen for forespørselen om tilgang.',
};

/** The keys each language has, each a text (placeholders in braces, e.g. `{date}`). */
export type CommonMessages = { readonly [K in keyof typeof nbCommon]: string };
export type ConsentMessages = { readonly [K in keyof typeof nbConsent]: string };
export type AccessMessages = { readonly [K in keyof typeof nbAccess]: string };
/** Every text of one language. */
export type Messages = CommonMessages & ConsentMessages & AccessMessages;
