import type { Messages } from './nb.js';

/** English. */
export const en: Messages = {
  consentButtonLabel: 'Give consent in Altinn',
  consentButtonBusy: 'Creating the consent request …',
  consentButtonNavigating: 'Taking you to Altinn …',
  consentButtonCreated: 'The consent request has been created.',
  retry: 'Try again',

  errorNetwork: 'We could not reach the service. Check your connection and try again.',
  errorTimeout: 'The service did not answer in time. Please try again.',
  errorInvalidResponse: 'We got an answer we did not understand. Please try again shortly.',
  errorServer: 'Something went wrong on our side. Please try again shortly.',
  errorRefused: 'The request was refused. Contact us if this keeps happening.',
  errorUnauthorized: 'You are not signed in, or you lack access. Sign in again and try again.',
  errorNotFound: 'We could not find the request.',
  errorTooManyRequests: 'Too many attempts in a short time. Wait a moment and try again.',
  errorUntrustedRedirect: 'The link we received does not lead to Altinn, so we did not open it.',
  errorInvalidInput: 'This button is not set up correctly. Contact us if this keeps happening.',
  errorAborted: 'The request was cancelled.',

  statusRegionLabel: 'Consent status',
  statusLoading: 'Getting the status from Altinn …',
  consentCreated: 'You have not answered the consent request yet.',
  consentPending: 'The consent request is waiting to be processed.',
  consentAccepted: 'You have given consent.',
  consentAcceptedUntil: 'You have given consent. It is valid until {date}.',
  consentRejected: 'You did not give consent.',
  consentRevoked: 'The consent has been withdrawn.',
  consentWithdrawn: 'The consent request has been cancelled.',
  consentExpired: 'The consent has expired.',
  consentUnknown: 'We could not determine the status of the consent.',
  continueInAltinn: 'Continue in Altinn',
  opensInNewWindow: '(opens in a new window)',
};
