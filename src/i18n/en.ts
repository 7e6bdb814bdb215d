import type { AccessMessages, CommonMessages, ConsentMessages } from './nb.js';

/** English. What every element says. */
export const enCommon: CommonMessages = {
  navigatingToAltinn: 'Taking you to Altinn …',
  retry: 'Try again',
  errorNetwork: 'We could not reach the service. Check your connection and try again.',
  errorTimeout: 'The service did not answer in time. Please try again.',
  errorInvalidResponse: 'We got an answer we did not understand. Please try again shortly.',
  errorServer: 'Something went wrong on our side. Please try again shortly.',
  errorRefused: 'Something went wrong. Reload the page and try again.',
  errorUnauthorized: 'You are not signed in, or you lack access. Sign in again and try again.',
  errorNotFound: 'We could not find the request.',
  errorTooManyRequests: 'Too many attempts in a short time. Wait a moment and try again.',
  errorUntrustedRedirect:
    'Something went wrong, so we could not take you to Altinn. Please try again later.',
  errorInvalidInput: 'This button does not work because of an error on this page.',
  errorAborted: 'The request was cancelled.',
  statusLoading: 'Getting the status from Altinn …',
  continueInAltinn: 'Continue in Altinn',
  opensInNewWindow: '(opens in a new tab)',
  openedInNewWindow:
    'Altinn has opened in a new tab. Finish there; this page shows when the request has been handled.',
  popupBlocked: 'Your browser blocked the new tab. Use the link below to continue in Altinn.',
  statusUpdatesAutomatically: 'The status updates automatically.',
};

/** English. The consent elements' texts. */
export const enConsent: ConsentMessages = {
  consentButtonLabel: 'Give consent in Altinn',
  consentButtonBusy: 'Creating the consent request …',
  consentButtonCreated: 'The consent request has been created.',
  consentButtonAnswered: 'You have already answered the consent request.',
  consentButtonGranted: 'You have already given consent.',
  consentCreated: 'You have not answered the consent request yet.',
  consentPending: 'The consent request is waiting to be processed.',
  consentAccepted: 'You have given consent.',
  consentAcceptedUntil: 'You have given consent. It is valid until {date}.',
  consentRejected: 'You declined to give consent.',
  consentRevoked: 'The consent has been withdrawn and no longer applies.',
  consentWithdrawn: 'The consent request was cancelled; you do not need to answer it.',
  consentExpired: 'The consent has expired.',
  consentUnknown: 'We could not determine the status of the consent.',
  consentAskedOn: 'The consent request was made on {date}.',
};

/** English. The access elements' texts. */
export const enAccess: AccessMessages = {
  accessAskedOn: 'You asked for access on {date}.',
  accessButtonLabel: 'Request access',
  accessButtonBusy: 'Creating the access request …',
  accessButtonCreated: 'The access request has been created.',
  accessButtonAnswered: 'The access request has already been sent.',
  accessButtonGranted: 'You already have access.',
  accessCreated: 'The access request has not been sent yet.',
  accessPending:
    "The access request is waiting for an answer from the organisation's access manager.",
  accessAccepted: 'You have been given access.',
  accessRejected: 'The access request was declined.',
  accessRevoked: 'The access has been removed.',
  accessWithdrawn: 'The access request has been withdrawn.',
  accessExpired: 'The access request has expired.',
  accessUnknown: 'We could not determine the status of the access request.',
};
