/**
 * The bodies the buttons send, built from what a portal developer wrote, with a light check of the
 * mistakes a developer makes (nothing asked for, malformed JSON, a wrong organisation number, a
 * validity in the past). The backend validates every body in full; this only makes a set-up error
 * say what is wrong in the console instead of coming back as a 400.
 */
import { isOrganizationNumber } from './organization-number.js';

// The bodies' types, written by hand: the backend's zod schemas are the full rules (and the OpenAPI
// document), and the browser carries no schema library to infer them from.

/** One right asked for, as the body carries it. */
export interface ConsentRight {
  /** A consent resource id in Altinn's resource registry, e.g. `standard-samtykke-for-dele-data`. */
  resource: string;
  /** Default `["consent"]`. */
  action?: string[] | undefined;
  /** Non-empty strings by key, e.g. `{ inntektsaar: '2024' }`. */
  metadata?: Record<string, string> | undefined;
}

/** One right as a developer may write it on `<request-consent-button>`: `action` as one string or several. */
export interface ConsentRightInput {
  resource: string;
  metadata?: Record<string, string>;
  action?: string | string[];
}

/** The message Altinn shows the user, per language. */
export interface RequestMessage {
  nb?: string | undefined;
  nn?: string | undefined;
  en?: string | undefined;
}

/** The body of `POST {endpoint}/consent-requests`. */
export interface ConsentRequestBody {
  /** A UUID made by the element; the same on every retry. */
  id: string;
  rights: ConsentRight[];
  /** An ISO 8601 date-time with offset, or a duration from now such as `P90D`. */
  validTo?: string | undefined;
  requestMessage?: RequestMessage | undefined;
  /** Where Altinn sends the user back, on the portal's origin. */
  redirectUrl: string;
  /** Consent on behalf of the organisation the person acts for (the backend's session says which). */
  onBehalfOf?: 'organization' | undefined;
}

/** An Altinn 2 service: its code and edition, as Altinn 2's delegation requests name them. */
export interface Altinn2Service {
  /** Digits, e.g. `"4751"`. */
  serviceCode: string;
  /** A positive whole number. */
  serviceEditionCode: number;
}

/**
 * The body of `POST {endpoint}/access-requests`: exactly one of `resource`, `package` or `services`,
 * the organisation asked, and where Altinn 2 sends the user back.
 */
export interface AccessRequestBody {
  /** An Altinn 3 resource id. */
  resource?: string | undefined;
  /** An Altinn 3 access package (urn or id). */
  package?: string | undefined;
  /** Altinn 2 services. */
  services?: Altinn2Service[] | undefined;
  /** The organisation number asked. */
  org?: string | undefined;
  redirectUrl: string;
}

/** A body, or what is wrong with the inputs, each problem naming its field (`rights.0.metadata`). */
export type BodyResult<Body> = { ok: true; body: Body } | { ok: false; problems: string[] };

/** A plain object, as JSON makes (not an array, nor the marker of an attribute that failed to parse). */
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  [Object.prototype, null].includes(Object.getPrototypeOf(value) as object | null);

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** An ISO 8601 duration such as `P90D`. */
const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

function result<Body>(problems: string[], body: Body): BodyResult<Body> {
  return problems.length ? { ok: false, problems } : { ok: true, body };
}

/** The consent inputs, JSON attributes already parsed. */
export interface ConsentBodyInput {
  id: string;
  resource?: string | undefined;
  metadata?: unknown;
  rights?: unknown;
  validTo?: string | undefined;
  requestMessage?: unknown;
  redirectUrl: string;
  onBehalfOf?: string | undefined;
}

/**
 * The body of `POST {endpoint}/consent-requests`. `rights` wins over `resource` + `metadata`; a
 * `validTo` date-time must lie in the future.
 */
export function consentRequestBody(
  input: ConsentBodyInput,
  now: number = Date.now(),
): BodyResult<ConsentRequestBody> {
  const problems: string[] = [];
  const given =
    input.rights !== undefined
      ? input.rights
      : input.resource
        ? [{ resource: input.resource, metadata: input.metadata }]
        : undefined;
  if (given === undefined) problems.push('Set "resource" (one right) or "rights" (several).');
  const list = given === undefined ? [] : Array.isArray(given) ? given : [given];
  if (given !== undefined && !list.length) problems.push('rights: must not be empty');
  const rights = list.map((right: unknown, index) => {
    const at = `rights.${index}`;
    if (!isObject(right)) {
      problems.push(`${at}: expected an object { resource, metadata?, action? }`);
      return right;
    }
    const { resource, metadata, action } = right;
    if (!isText(resource)) problems.push(`${at}.resource: must be a resource id`);
    const built: Record<string, unknown> = { resource };
    if (metadata !== undefined) {
      if (!isObject(metadata) || !Object.values(metadata).every(isText)) {
        problems.push(`${at}.metadata: expected a JSON object of non-empty strings`);
      }
      built.metadata = metadata;
    }
    if (action !== undefined) built.action = typeof action === 'string' ? [action] : action;
    return built;
  });
  // `onBehalfOf` as given (JSON leaves it out when unset): the backend refuses all but "organization".
  const body = {
    id: input.id,
    rights,
    redirectUrl: input.redirectUrl,
    onBehalfOf: input.onBehalfOf,
  } as ConsentRequestBody;
  if (input.validTo) {
    const end = Date.parse(input.validTo);
    if (!DURATION.test(input.validTo) && !(end > now)) {
      problems.push('validTo: must be a date-time in the future, or a duration such as P90D');
    }
    body.validTo = input.validTo;
  }
  if (input.requestMessage !== undefined) {
    if (!isObject(input.requestMessage)) {
      problems.push('requestMessage: expected a JSON object { nb?, nn?, en? }');
    }
    body.requestMessage = input.requestMessage as ConsentRequestBody['requestMessage'];
  }
  return result(problems, body);
}

/** The access inputs, as set through attributes or properties. */
export interface AccessBodyInput {
  resource?: string | undefined;
  package?: string | undefined;
  serviceCode?: string | undefined;
  serviceEditionCode?: number | undefined;
  /** Several Altinn 2 services; wins over `serviceCode` + `serviceEditionCode`. */
  services?: unknown;
  org?: string | undefined;
  redirectUrl: string;
}

/** The body of `POST {endpoint}/access-requests`: exactly one thing asked for, and a valid `org`. */
export function accessRequestBody(input: AccessBodyInput): BodyResult<AccessRequestBody> {
  const problems: string[] = [];
  const body: AccessRequestBody = { redirectUrl: input.redirectUrl };
  if (input.resource) body.resource = input.resource;
  if (input.package) body.package = input.package;
  const services =
    input.services ??
    (input.serviceCode
      ? [{ serviceCode: input.serviceCode, serviceEditionCode: input.serviceEditionCode ?? 1 }]
      : undefined);
  if (services !== undefined) {
    // Sent as given once checked; the list below names what is wrong with it otherwise.
    body.services = services as Altinn2Service[];
    if (!Array.isArray(services) || !services.length) {
      problems.push('services: expected a non-empty list of { serviceCode, serviceEditionCode }');
    } else {
      services.forEach((service: unknown, index) => {
        const { serviceCode, serviceEditionCode } = isObject(service) ? service : {};
        if (typeof serviceCode !== 'string' || !/^\d{1,10}$/.test(serviceCode)) {
          problems.push(`services.${index}.serviceCode: must be digits, e.g. "4751"`);
        }
        if (!Number.isInteger(serviceEditionCode) || !((serviceEditionCode as number) > 0)) {
          problems.push(`services.${index}.serviceEditionCode: must be a positive whole number`);
        }
      });
    }
  }
  const named = ['resource', 'package', 'services'].filter((name) => name in body);
  if (named.length !== 1) {
    problems.push(
      `Name exactly one of resource, package or services (named: ${named.join(', ') || 'none'}).`,
    );
  }
  if (input.org) {
    body.org = input.org;
    if (!isOrganizationNumber(input.org)) {
      problems.push(`org: "${input.org}" is not an organisation number (9 digits, mod-11 check)`);
    }
  }
  return result(problems, body);
}

/**
 * The body of `POST {endpoint}/system-user-requests`: what is asked (the vendor's system, its rights,
 * standard or agent) is the backend's configuration, named by `integration`; the organisation asked
 * comes from the portal's session, never from the browser.
 */
export interface SystemUserRequestBody {
  /** One of the backend's configured integrations; none: the backend's only one. */
  integration?: string | undefined;
  redirectUrl: string;
}

/** The body of `POST {endpoint}/system-user-requests`. Nothing to check but the name's shape. */
export function systemUserRequestBody(
  input: SystemUserRequestBody,
): BodyResult<SystemUserRequestBody> {
  const body: SystemUserRequestBody = { redirectUrl: input.redirectUrl };
  const integration = input.integration?.trim();
  if (integration) body.integration = integration;
  return result(
    input.integration !== undefined && !integration ? ['integration: must not be empty'] : [],
    body,
  );
}
