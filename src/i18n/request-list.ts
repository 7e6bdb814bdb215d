/**
 * `<altinn-request-list>`'s own texts, in bokmål, nynorsk and English. The status words are the
 * shared ones (src/i18n/nb.ts …); these are the list's frame, its dates and its row actions. The
 * types make every language name every key.
 */
import type { Lang } from '../core/lang.js';

const nb = {
  label: 'Mine samtykker og forespørsler',
  empty: 'Du har ingen forespørsler her ennå.',
  noList: 'Oversikten over forespørslene dine er ikke tilgjengelig.',
  more: 'Vis flere',
  consent: 'Samtykke',
  access: 'Tilgang',
  'system-user': 'Systembruker',
  asked: 'Spurt',
  answered: 'Besvart',
  validTo: 'Gjelder til',
  withdraw: 'Trekk tilbake forespørselen',
  confirm: 'Vil du trekke tilbake forespørselen om {what}?',
  confirmYes: 'Ja, trekk tilbake',
  cancel: 'Nei, behold den',
  manage: 'Se eller trekk samtykket i Altinn',
  again: 'Be om på nytt',
};

/** The list's texts. */
export type RequestListTexts = { readonly [K in keyof typeof nb]: string };

/** `<altinn-request-list>`'s texts in every language. */
export const REQUEST_LIST_TEXTS: Readonly<Record<Lang, RequestListTexts>> = {
  nb,
  nn: {
    label: 'Samtykka og førespurnadene mine',
    empty: 'Du har ingen førespurnader her enno.',
    noList: 'Oversikta over førespurnadene dine er ikkje tilgjengeleg.',
    more: 'Vis fleire',
    consent: 'Samtykke',
    access: 'Tilgang',
    'system-user': 'Systembrukar',
    asked: 'Spurt',
    answered: 'Svart',
    validTo: 'Gjeld til',
    withdraw: 'Trekk tilbake førespurnaden',
    confirm: 'Vil du trekkje tilbake førespurnaden om {what}?',
    confirmYes: 'Ja, trekk tilbake',
    cancel: 'Nei, behald han',
    manage: 'Sjå eller trekk samtykket i Altinn',
    again: 'Be om på nytt',
  },
  en: {
    label: 'My consents and requests',
    empty: 'You have no requests here yet.',
    noList: 'The overview of your requests is not available.',
    more: 'Show more',
    consent: 'Consent',
    access: 'Access',
    'system-user': 'System user',
    asked: 'Asked',
    answered: 'Answered',
    validTo: 'Valid until',
    withdraw: 'Withdraw the request',
    confirm: 'Do you want to withdraw the request for {what}?',
    confirmYes: 'Yes, withdraw it',
    cancel: 'No, keep it',
    manage: 'See or withdraw the consent in Altinn',
    again: 'Ask again',
  },
};
