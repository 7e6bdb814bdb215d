/**
 * `<altinn-request-list>`'s own texts, in bokmål, nynorsk and English: the list's frame, its dates,
 * its row actions, and short status words (a row says its kind, so one word a status serves every
 * kind; the status elements' sentences are written to stand alone). The types make every language
 * name every key.
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
  confirm: 'Vil du trekke tilbake forespørselen?',
  confirmYes: 'Ja, trekk tilbake',
  cancel: 'Nei, behold den',
  manage: 'Se eller trekk samtykket i Altinn',
  again: 'Be om på nytt',
  created: 'Venter i Altinn',
  pending: 'Venter på svar',
  accepted: 'Godkjent',
  rejected: 'Avslått',
  revoked: 'Tilbakekalt',
  withdrawn: 'Trukket tilbake',
  expired: 'Utløpt',
  unknown: 'Ukjent status',
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
    confirm: 'Vil du trekkje tilbake førespurnaden?',
    confirmYes: 'Ja, trekk tilbake',
    cancel: 'Nei, behald han',
    manage: 'Sjå eller trekk samtykket i Altinn',
    again: 'Be om på nytt',
    created: 'Ventar i Altinn',
    pending: 'Ventar på svar',
    accepted: 'Godkjend',
    rejected: 'Avslått',
    revoked: 'Tilbakekalla',
    withdrawn: 'Trekt tilbake',
    expired: 'Gått ut',
    unknown: 'Ukjend status',
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
    confirm: 'Do you want to withdraw the request?',
    confirmYes: 'Yes, withdraw it',
    cancel: 'No, keep it',
    manage: 'See or withdraw the consent in Altinn',
    again: 'Ask again',
    created: 'Waiting in Altinn',
    pending: 'Waiting for an answer',
    accepted: 'Approved',
    rejected: 'Declined',
    revoked: 'Revoked',
    withdrawn: 'Withdrawn',
    expired: 'Expired',
    unknown: 'Unknown status',
  },
};
