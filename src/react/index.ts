/**
 * `altinn-request-elements/react`: the elements as React components (through @lit/react), with
 * their properties typed and their events as `on…` props.
 *
 * @example
 * <RequestConsentButton resource="standard-samtykke-for-dele-data" validTo="P90D"
 *   onAltinnRequestError={(event) => log(event.detail.code)}>Gi samtykke</RequestConsentButton>
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import {
  AccessRequestStatus as AccessRequestStatusElement,
  ConsentStatus as ConsentStatusElement,
  RequestAccessButton as RequestAccessButtonElement,
  RequestConsentButton as RequestConsentButtonElement,
  type AltinnRequestCreatedEvent,
  type AltinnRequestErrorEvent,
  type AltinnStatusChangeEvent,
} from '../index.js';
import { RequestSystemUserButton as RequestSystemUserButtonElement } from '../elements/request-system-user-button/request-system-user-button.js';
import {
  AltinnRequestList as AltinnRequestListElement,
  type AltinnRequestAgainEvent,
} from '../elements/altinn-request-list/altinn-request-list.js';
import { SystemUserRequestStatus as SystemUserRequestStatusElement } from '../elements/system-user-request-status/system-user-request-status.js';

const buttonEvents = {
  onAltinnRequestCreated: 'altinn-request-created' as EventName<AltinnRequestCreatedEvent>,
  onAltinnRequestError: 'altinn-request-error' as EventName<AltinnRequestErrorEvent>,
};

const statusEvents = {
  onAltinnStatusChange: 'altinn-status-change' as EventName<AltinnStatusChangeEvent>,
  onAltinnRequestError: 'altinn-request-error' as EventName<AltinnRequestErrorEvent>,
};

/** `<request-consent-button>` for React. */
export const RequestConsentButton = createComponent({
  tagName: 'request-consent-button',
  elementClass: RequestConsentButtonElement,
  react: React,
  events: buttonEvents,
  displayName: 'RequestConsentButton',
});

/** `<consent-status>` for React. */
export const ConsentStatus = createComponent({
  tagName: 'consent-status',
  elementClass: ConsentStatusElement,
  react: React,
  events: statusEvents,
  displayName: 'ConsentStatus',
});

/** `<request-access-button>` for React. */
export const RequestAccessButton = createComponent({
  tagName: 'request-access-button',
  elementClass: RequestAccessButtonElement,
  react: React,
  events: buttonEvents,
  displayName: 'RequestAccessButton',
});

/** `<access-request-status>` for React. */
export const AccessRequestStatus = createComponent({
  tagName: 'access-request-status',
  elementClass: AccessRequestStatusElement,
  react: React,
  events: statusEvents,
  displayName: 'AccessRequestStatus',
});

/** `<request-system-user-button>` for React. */
export const RequestSystemUserButton = createComponent({
  tagName: 'request-system-user-button',
  elementClass: RequestSystemUserButtonElement,
  react: React,
  events: buttonEvents,
  displayName: 'RequestSystemUserButton',
});

/** `<system-user-request-status>` for React. */
export const SystemUserRequestStatus = createComponent({
  tagName: 'system-user-request-status',
  elementClass: SystemUserRequestStatusElement,
  react: React,
  events: statusEvents,
  displayName: 'SystemUserRequestStatus',
});

/** `<altinn-request-list>` for React. */
export const AltinnRequestList = createComponent({
  tagName: 'altinn-request-list',
  elementClass: AltinnRequestListElement,
  react: React,
  events: {
    ...statusEvents,
    onAltinnRequestAgain: 'altinn-request-again' as EventName<AltinnRequestAgainEvent>,
  },
  displayName: 'AltinnRequestList',
});
