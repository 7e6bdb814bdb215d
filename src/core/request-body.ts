/**
 * The bodies the buttons send, built from what a portal developer wrote, with a light check of the
 * mistakes a developer makes most (nothing asked for, malformed JSON, a wrong organisation number).
 * The backend validates every body in full; this only makes those set-up errors say what is wrong in
 * the console instead of coming back as a 400.
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

/**
 * A JSON input that is neither a list nor a plain object: JSON that could not be read (its string
 * says so), or a value of the wrong type.
 */
const malformed = (value: unknown): boolean =>
  value !== undefined &&
  !Array.isArray(value) &&
  Object.getPrototypeOf(value ?? 0) !== Object.prototype;

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
 * The body of `POST {endpoint}/consent-requests`. `rights` wins over `resource` + `metadata`. Checked
 * here: something is asked, each right names a resource, the JSON attributes are JSON. The rest
 * (metadata values, `validTo`, actions) is the backend's to check.
 */
export function consentRequestBody(input: ConsentBodyInput): BodyResult<ConsentRequestBody> {
  const problems: string[] = [];
  const { rights, metadata, requestMessage } = input;
  for (const [name, value] of Object.entries({ rights, metadata, requestMessage })) {
    if (malformed(value)) problems.push(`${name}: ${String(value)}`);
  }
  const given =
    rights !== undefined
      ? rights
      : input.resource
        ? [{ resource: input.resource, metadata }]
        : undefined;
  const list: unknown[] = given === undefined ? [] : Array.isArray(given) ? given : [given];
  if (!list.length) problems.push('Set "resource" (one right) or "rights" (several).');
  const body = {
    id: input.id,
    rights: list.map((right, index) => {
      const { resource, action } = (right ?? {}) as ConsentRightInput;
      if (!resource) problems.push(`rights.${index}.resource: must be a resource id`);
      return typeof action === 'string' ? { ...(right as object), action: [action] } : right;
    }),
    redirectUrl: input.redirectUrl,
    // As given (JSON leaves it out when unset): the backend refuses all but "organization".
    onBehalfOf: input.onBehalfOf,
    validTo: input.validTo || undefined,
    requestMessage,
  } as ConsentRequestBody;
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

/**
 * The body of `POST {endpoint}/access-requests`. Checked here: exactly one thing asked for, the
 * `services` attribute is JSON, `org` is an organisation number; the rest is the backend's to check.
 */
export function accessRequestBody(input: AccessBodyInput): BodyResult<AccessRequestBody> {
  const problems: string[] = [];
  const services =
    input.services ??
    (input.serviceCode
      ? [{ serviceCode: input.serviceCode, serviceEditionCode: input.serviceEditionCode ?? 1 }]
      : undefined);
  if (malformed(services)) problems.push(`services: ${String(services)}`);
  const body = {
    resource: input.resource || undefined,
    package: input.package || undefined,
    services: services as Altinn2Service[] | undefined,
    org: input.org || undefined,
    redirectUrl: input.redirectUrl,
  };
  const named = (['resource', 'package', 'services'] as const).filter((name) => body[name]);
  if (named.length !== 1) {
    problems.push(
      `Name exactly one of resource, package or services (named: ${named.join(', ') || 'none'}).`,
    );
  }
  if (body.org && !isOrganizationNumber(body.org)) {
    problems.push(`org: "${body.org}" is not an organisation number (9 digits, mod-11 check)`);
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
