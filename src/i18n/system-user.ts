/**
 * The system-user elements' own texts, in bokmål, nynorsk and English. Kept apart from the shared
 * messages so that a page with only the consent or access elements does not carry them, and split
 * by element so each carries only its own; the types make every language name every key.
 */
import type { Lang } from '../core/lang.js';

const nbButton = {
  label: 'Be om systembruker',
  busy: 'Oppretter forespørsel om systembruker …',
  created: 'Forespørselen om systembruker er opprettet.',
  answered: 'Du har allerede svart på forespørselen om systembruker.',
  granted: 'Systembrukeren er allerede godkjent.',
};

const nbStatus = {
  askedOn: 'Du ba om systembruker {date}.',
  created: 'Venter på godkjenning fra tilgangsstyrer i organisasjonen.',
  accepted: 'Systembrukeren er godkjent.',
  rejected: 'Forespørselen ble avslått.',
  withdrawn: 'Forespørselen er trukket.',
  expired: 'Forespørselen har utløpt.',
  revoked: 'Systembrukeren ble godkjent, men finnes ikke lenger i Altinn.',
  unknown: 'Vi kunne ikke fastslå statusen.',
};

/** The button's texts. */
export type SystemUserButtonTexts = { readonly [K in keyof typeof nbButton]: string };
/** The status element's texts. */
export type SystemUserStatusTexts = { readonly [K in keyof typeof nbStatus]: string };

/** `<request-system-user-button>`'s texts in every language. */
export const SYSTEM_USER_BUTTON_TEXTS: Readonly<Record<Lang, SystemUserButtonTexts>> = {
  nb: nbButton,
  nn: {
    label: 'Be om systembrukar',
    busy: 'Opprettar førespurnad om systembrukar …',
    created: 'Førespurnaden om systembrukar er oppretta.',
    answered: 'Du har alt svart på førespurnaden om systembrukar.',
    granted: 'Systembrukaren er alt godkjend.',
  },
  en: {
    label: 'Request a system user',
    busy: 'Creating the system user request …',
    created: 'The system user request has been created.',
    answered: 'You have already answered the system user request.',
    granted: 'The system user has already been approved.',
  },
};

/** `<system-user-request-status>`'s texts in every language. */
export const SYSTEM_USER_STATUS_TEXTS: Readonly<Record<Lang, SystemUserStatusTexts>> = {
  nb: nbStatus,
  nn: {
    askedOn: 'Du bad om systembrukar {date}.',
    created: 'Ventar på godkjenning frå tilgangsstyrar i organisasjonen.',
    accepted: 'Systembrukaren er godkjend.',
    rejected: 'Førespurnaden vart avslått.',
    withdrawn: 'Førespurnaden er trekt.',
    expired: 'Førespurnaden har gått ut.',
    revoked: 'Systembrukaren vart godkjend, men finst ikkje lenger i Altinn.',
    unknown: 'Vi kunne ikkje fastslå statusen.',
  },
  en: {
    askedOn: 'You asked for a system user on {date}.',
    created: "Waiting for approval by the organisation's access manager.",
    accepted: 'The system user is approved.',
    rejected: 'The request was declined.',
    withdrawn: 'The request was withdrawn.',
    expired: 'The request has expired.',
    revoked: 'The system user was approved, but no longer exists in Altinn.',
    unknown: 'We could not determine the status.',
  },
};
