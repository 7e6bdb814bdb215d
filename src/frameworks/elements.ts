/**
 * What each element takes in a framework's template, independent of the framework: its properties
 * (camelCase, typed from the element classes), its attributes whose names differ from a property's
 * (kebab-case, as strings), and the events it dispatches. `react-jsx.ts`, `vue.ts` and `svelte.ts`
 * map these onto each framework's own shape. Types only: nothing here exists at run time.
 *
 * Frameworks set a name the element has as a property (`validTo`, `rights`, `disabled`, …) as a
 * property, and any other name (`valid-to`) as an attribute, which is always a string. So objects and
 * arrays (`rights`, `metadata`, `requestMessage`, `services`) are typed as properties only, as
 * objects: the elements also read a JSON string set there, but a typed object catches mistakes.
 */
import type { AccessRequestStatus } from '../elements/access-request-status/access-request-status.component.js';
import type { ConsentStatus } from '../elements/consent-status/consent-status.component.js';
import type { RequestAccessButton } from '../elements/request-access-button/request-access-button.component.js';
import type { RequestConsentButton } from '../elements/request-consent-button/request-consent-button.component.js';
import type { RequestSystemUserButton } from '../elements/request-system-user-button/request-system-user-button.component.js';
import type { SystemUserRequestStatus } from '../elements/system-user-request-status/system-user-request-status.component.js';
import type { AltinnRequestList } from '../elements/altinn-request-list/altinn-request-list.component.js';
import type { AltinnRequestAgainEvent } from '../elements/altinn-request-list/altinn-request-again.js';
import type { AltinnRequestCreatedEvent } from '../events/altinn-request-created.js';
import type { AltinnRequestErrorEvent } from '../events/altinn-request-error.js';
import type { AltinnStatusChangeEvent } from '../events/altinn-status-change.js';

/** A number in an attribute: a number, or a string of one. */
type NumberAttribute = number | `${number}`;

/** The settable properties `Keys` of the element `E`, all optional. */
type Settable<E, Keys extends keyof E> = { [K in Keys]?: E[K] };

/** What every element takes: `endpoint` (the backend) and `lang` (`nb`, `nn`, `en`). */
export type CommonProps<E extends HTMLElement & { endpoint: string | undefined }> = Settable<
  E,
  'endpoint'
> & {
  /** `nb`, `nn` or `en` (`no`, `nb-NO`, `nn-NO` are understood). Default: the page's language. */
  lang?: string;
};

/** `<request-consent-button>`'s properties. */
export type RequestConsentButtonProperties = CommonProps<RequestConsentButton> &
  Settable<
    RequestConsentButton,
    | 'resource'
    | 'metadata'
    | 'rights'
    | 'validTo'
    | 'requestMessage'
    | 'returnUrl'
    | 'disabled'
    | 'alwaysNew'
  >;

/** The attributes of every button whose names differ from its properties'. */
type ButtonAttributes = {
  /** As `returnUrl`. */
  'return-url'?: string;
  /**
   * As `alwaysNew`, present or absent: any value turns it on (`"false"` too), so bind a value that
   * may be false to the property `alwaysNew`.
   */
  'always-new'?: true | '';
};

/** `<request-consent-button>`'s attributes whose names differ from its properties'. */
export type RequestConsentButtonAttributes = ButtonAttributes & {
  /** As `validTo`: an ISO 8601 date-time, or a duration from now such as `P90D`. */
  'valid-to'?: string;
  /** As `requestMessage`, as JSON: `{"nb":"…","en":"…"}`. */
  'request-message'?: string;
};

/** `<consent-status>`'s properties. */
export type ConsentStatusProperties = CommonProps<ConsentStatus> &
  Settable<ConsentStatus, 'requestId'>;

/** `<consent-status>`'s attributes whose names differ from its properties'. */
export type ConsentStatusAttributes = {
  /** As `requestId`. */
  'request-id'?: string;
};

/** `<request-access-button>`'s properties. */
export type RequestAccessButtonProperties = CommonProps<RequestAccessButton> &
  Settable<
    RequestAccessButton,
    | 'resource'
    | 'package'
    | 'serviceCode'
    | 'serviceEditionCode'
    | 'services'
    | 'org'
    | 'target'
    | 'returnUrl'
    | 'disabled'
    | 'alwaysNew'
  >;

/** `<request-access-button>`'s attributes whose names differ from its properties'. */
export type RequestAccessButtonAttributes = ButtonAttributes & {
  /** As `serviceCode`: an Altinn 2 service code. */
  'service-code'?: string;
  /** As `serviceEditionCode`. */
  'service-edition-code'?: NumberAttribute;
};

/** `<access-request-status>`'s properties. */
export type AccessRequestStatusProperties = CommonProps<AccessRequestStatus> &
  Settable<AccessRequestStatus, 'requestId' | 'pollInterval' | 'maxPollInterval'>;

/** `<access-request-status>`'s attributes whose names differ from its properties'. */
export type AccessRequestStatusAttributes = {
  /** As `requestId`. */
  'request-id'?: string;
  /** As `pollInterval`, in milliseconds. */
  'poll-interval'?: NumberAttribute;
  /** As `maxPollInterval`, in milliseconds. */
  'max-poll-interval'?: NumberAttribute;
};

/** `<request-system-user-button>`'s properties. */
export type RequestSystemUserButtonProperties = CommonProps<RequestSystemUserButton> &
  Settable<RequestSystemUserButton, 'integration' | 'returnUrl' | 'disabled' | 'alwaysNew'>;

/** `<request-system-user-button>`'s attributes whose names differ from its properties'. */
export type RequestSystemUserButtonAttributes = ButtonAttributes;

/** `<system-user-request-status>`'s properties. */
export type SystemUserRequestStatusProperties = CommonProps<SystemUserRequestStatus> &
  Settable<
    SystemUserRequestStatus,
    'requestId' | 'integration' | 'pollInterval' | 'maxPollInterval'
  >;

/** `<system-user-request-status>`'s attributes whose names differ from its properties'. */
export type SystemUserRequestStatusAttributes = AccessRequestStatusAttributes;

/** `<altinn-request-list>`'s properties. */
export type AltinnRequestListProperties = CommonProps<AltinnRequestList> &
  Settable<
    AltinnRequestList,
    | 'kinds'
    | 'state'
    | 'pageSize'
    | 'requestUrl'
    | 'consentOverviewUrl'
    | 'pollInterval'
    | 'maxPollInterval'
  >;

/** `<altinn-request-list>`'s attributes whose names differ from its properties'. */
export type AltinnRequestListAttributes = {
  /** As `pageSize`: rows read per kind and page. */
  'page-size'?: NumberAttribute;
  /** As `requestUrl`: where "Be om på nytt" goes. */
  'request-url'?: string;
  /** As `consentOverviewUrl`: Altinn's page of the person's consents. */
  'consent-overview-url'?: string;
  /** As `pollInterval`, in milliseconds. */
  'poll-interval'?: NumberAttribute;
  /** As `maxPollInterval`, in milliseconds. */
  'max-poll-interval'?: NumberAttribute;
};

/** What `<altinn-request-list>` takes: its properties, and its kebab-case attributes. */
export type AltinnRequestListProps = AltinnRequestListProperties & AltinnRequestListAttributes;

/** The events of `<altinn-request-list>`, by name. */
export interface RequestListEvents extends RequestStatusEvents {
  'altinn-request-again': AltinnRequestAgainEvent;
}

/** What `<request-consent-button>` takes: its properties, and its kebab-case attributes. */
export type RequestConsentButtonProps = RequestConsentButtonProperties &
  RequestConsentButtonAttributes;
/** What `<consent-status>` takes: its properties, and its kebab-case attributes. */
export type ConsentStatusProps = ConsentStatusProperties & ConsentStatusAttributes;
/** What `<request-access-button>` takes: its properties, and its kebab-case attributes. */
export type RequestAccessButtonProps = RequestAccessButtonProperties &
  RequestAccessButtonAttributes;
/** What `<access-request-status>` takes: its properties, and its kebab-case attributes. */
export type AccessRequestStatusProps = AccessRequestStatusProperties &
  AccessRequestStatusAttributes;

/** What `<request-system-user-button>` takes: its properties, and its kebab-case attributes. */
export type RequestSystemUserButtonProps = RequestSystemUserButtonProperties &
  RequestSystemUserButtonAttributes;
/** What `<system-user-request-status>` takes: its properties, and its kebab-case attributes. */
export type SystemUserRequestStatusProps = SystemUserRequestStatusProperties &
  SystemUserRequestStatusAttributes;

/** The events of every button, by name. */
export interface RequestButtonEvents {
  'altinn-request-created': AltinnRequestCreatedEvent;
  'altinn-request-error': AltinnRequestErrorEvent;
}

/** The events of every status element, by name. */
export interface RequestStatusEvents {
  'altinn-status-change': AltinnStatusChangeEvent;
  'altinn-request-error': AltinnRequestErrorEvent;
}

/**
 * Every element of this library by tag: its class, its properties, everything it takes (properties
 * and kebab-case attributes), and the events it dispatches.
 */
export interface AltinnRequestElements {
  'request-consent-button': {
    element: RequestConsentButton;
    properties: RequestConsentButtonProperties;
    props: RequestConsentButtonProps;
    events: RequestButtonEvents;
  };
  'consent-status': {
    element: ConsentStatus;
    properties: ConsentStatusProperties;
    props: ConsentStatusProps;
    events: RequestStatusEvents;
  };
  'request-access-button': {
    element: RequestAccessButton;
    properties: RequestAccessButtonProperties;
    props: RequestAccessButtonProps;
    events: RequestButtonEvents;
  };
  'access-request-status': {
    element: AccessRequestStatus;
    properties: AccessRequestStatusProperties;
    props: AccessRequestStatusProps;
    events: RequestStatusEvents;
  };
  'request-system-user-button': {
    element: RequestSystemUserButton;
    properties: RequestSystemUserButtonProperties;
    props: RequestSystemUserButtonProps;
    events: RequestButtonEvents;
  };
  'system-user-request-status': {
    element: SystemUserRequestStatus;
    properties: SystemUserRequestStatusProperties;
    props: SystemUserRequestStatusProps;
    events: RequestStatusEvents;
  };
  'altinn-request-list': {
    element: AltinnRequestList;
    properties: AltinnRequestListProperties;
    props: AltinnRequestListProps;
    events: RequestListEvents;
  };
}

/** The tags of this library's elements. */
export type AltinnRequestTag = keyof AltinnRequestElements;
