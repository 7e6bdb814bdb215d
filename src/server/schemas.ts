/**
 * The one schema source of the backend (zod): the BFF contract v2 (what the elements send, the
 * request view, lists, the lookup, problem details), from which the OpenAPI document is generated
 * (`scripts/openapi.ts`), and what the server reads from Altinn. Types are inferred, never written
 * twice. Altinn's schemas are tolerant: unknown fields pass, and enum words are read in any case.
 */
import { z } from 'zod';
import { isOrganizationNumber } from '../core/organization-number.js';
import { REQUEST_STATUSES } from '../core/request-status.js';

// ---------------------------------------------------------------------------------------------
// Building blocks of the request bodies (the rules the elements' bodies are checked against)

const nonEmpty = z.string().min(1).max(200);

const RESOURCE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** ISO 8601 duration such as `P90D` or `P1Y6M`, counted from the moment the request is created. */
export const ISO_DURATION =
  /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(?:\.\d+)?S)?)?$/;

/** ISO 8601 date-time with an offset (`Z` or `±hh:mm`), as Altinn writes `validTo`. */
export const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A resource id as Altinn's resource registry names them, e.g. `standard-samtykke-for-dele-data`. */
export const resourceIdSchema = z
  .string()
  .regex(RESOURCE_ID)
  .meta({
    description: "A resource id in Altinn's resource registry.",
    examples: ['standard-samtykke-for-dele-data'],
  });

/** Metadata of one right: keys and values are non-empty strings (Altinn refuses empty values, AM-00007). */
export const metadataSchema = z
  .record(nonEmpty, nonEmpty)
  .meta({ examples: [{ inntektsaar: '2024' }] });

/** One right asked for, as the elements send it. */
export const consentRightSchema = z.object({
  resource: resourceIdSchema,
  action: z.array(nonEmpty).min(1).optional().meta({ description: 'Default `["consent"]`.' }),
  metadata: metadataSchema.optional(),
});

/** `validTo`: an ISO 8601 date-time with offset, or a duration from now. */
export const validToSchema = z
  .string()
  .refine(
    (value) =>
      ISO_DURATION.test(value) || (ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))),
    'must be an ISO 8601 date-time with offset, or a duration such as P90D',
  )
  .meta({
    description:
      'An ISO 8601 date-time with offset, or an ISO 8601 duration from now (`P90D`). The backend applies its default and maximum.',
    examples: ['P90D', '2027-01-31T23:59:59+01:00'],
  });

function isAbsoluteUrl(value: string): boolean {
  try {
    return new URL(value).protocol.length > 1;
  } catch {
    return false;
  }
}

const redirectUrlSchema = z
  .string()
  .max(2048)
  .refine(isAbsoluteUrl, 'must be an absolute URL')
  .meta({
    format: 'uri',
    description: "Where Altinn sends the user back, on the portal's origin.",
  });

const message = z.string().max(4000).optional();

/** The message Altinn shows the user, per language. */
export const requestMessageSchema = z.object({ nb: message, nn: message, en: message });

const organizationNumberSchema = z
  .string()
  .refine((value) => isOrganizationNumber(value), 'must be a valid organisation number')
  .meta({
    pattern: '^\\d{9}$',
    description: 'Nine digits, the last a valid mod-11 check digit.',
  });

/** Fields only the backend sets: the browser never decides who asks whom (refused with 400). */
function serverFieldsRefused(fields: readonly string[]) {
  return { not: { anyOf: fields.map((field) => ({ required: [field] })) } };
}

/** The body of `POST {endpoint}/consent-requests`. */
export const consentRequestBodySchema = z
  .object({
    id: z.string().regex(UUID).meta({
      format: 'uuid',
      description: 'Made by the element; the same on every retry.',
    }),
    rights: z.array(consentRightSchema).min(1).max(50),
    validTo: validToSchema.optional(),
    requestMessage: requestMessageSchema.optional(),
    redirectUrl: redirectUrlSchema,
    onBehalfOf: z.enum(['organization']).optional().meta({
      description:
        "Ask for consent on behalf of the organisation the person acts for (which one is the backend's session's).",
    }),
  })
  .meta(serverFieldsRefused(['from', 'to', 'coveredBy', 'requiredDelegator']));

/** An Altinn 2 service: its code and edition, as Altinn 2's delegation requests name them. */
export const altinn2ServiceSchema = z.object({
  serviceCode: z.string().regex(/^\d{1,10}$/),
  // An integer check that is not a type check, so the body's own rule still runs, as before.
  serviceEditionCode: z
    .number()
    .refine(Number.isInteger, 'must be a positive whole number')
    .refine((value) => value >= 1, 'must be a positive whole number')
    .meta({ type: 'integer', minimum: 1 }),
});

/**
 * The body of `POST {endpoint}/access-requests`: one thing to ask for (an Altinn 3 resource, an
 * access package, or Altinn 2 services), the organisation asked, and where Altinn 2 sends the user back.
 */
export const accessRequestBodySchema = z
  .object({
    resource: resourceIdSchema.optional(),
    package: z.string().regex(RESOURCE_ID).optional().meta({
      description: 'An Altinn 3 access package (urn or id).',
    }),
    services: z.array(altinn2ServiceSchema).min(1).max(20).optional(),
    org: organizationNumberSchema.optional(),
    redirectUrl: redirectUrlSchema,
  })
  .refine(
    (body) =>
      [body.resource, body.package, body.services].filter((item) => item !== undefined).length ===
      1,
    'name exactly one of resource, package or services',
  )
  .meta({
    description: 'Exactly one of `resource`, `package` or `services`.',
    oneOf: [{ required: ['resource'] }, { required: ['package'] }, { required: ['services'] }],
    ...serverFieldsRefused(['from', 'to', 'coveredBy', 'offeredBy']),
  });

/** A name of the backend's configured system-user integrations, e.g. `payroll`. */
export const integrationNameSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/);

/** The body of `POST {endpoint}/system-user-requests`: which configured integration, and the way back. */
export const systemUserRequestBodySchema = z
  .object({
    integration: integrationNameSchema.optional().meta({
      description: "The backend's configuration by name; default: its only one.",
    }),
    redirectUrl: redirectUrlSchema,
  })
  .meta(serverFieldsRefused(['systemId', 'partyOrgNo', 'rights', 'accessPackages']));

// ---------------------------------------------------------------------------------------------
// What the backend answers

export const requestKindSchema = z.enum(['consent', 'access', 'system-user']);

/** The normalised status: the only status words the browser sees (one list, the elements' own). */
export const requestStatusSchema = z
  .enum(REQUEST_STATUSES)
  .meta({ description: 'Lower case; an unknown word reads as `unknown`.' });

/** Statuses after which Altinn changes nothing more (accepted only ends polling; it may be revoked). */
export const FINAL_STATUSES = ['accepted', 'rejected', 'revoked', 'withdrawn', 'expired'] as const;

export const navigationSchema = z.enum(['redirect', 'new-window']);

/**
 * What was asked for, as the lists filter it: a consent's rights, an access request's resource,
 * package or services and organisation, a system-user request's integration.
 */
export const requestSubjectSchema = z.looseObject({
  resource: z.string().optional(),
  package: z.string().optional(),
  services: z.array(altinn2ServiceSchema).optional(),
  org: z.string().optional(),
  integration: z.string().optional(),
  rights: z.array(consentRightSchema).optional(),
});

const dateTime = z.iso.datetime({ offset: true });

/** The request view: every answer about a request is this. */
export const requestViewSchema = z.object({
  kind: requestKindSchema.optional(),
  id: z.string().min(1),
  status: requestStatusSchema,
  url: z.url().optional().meta({
    description:
      "Where the user acts in Altinn. The elements open it only if its origin is Altinn's.",
  }),
  navigation: navigationSchema.optional(),
  validTo: dateTime.optional(),
  createdAt: dateTime.optional(),
  updatedAt: dateTime.optional(),
  subject: requestSubjectSchema.optional(),
});

/** `GET {endpoint}/{kind}-requests?…`: the person's requests, newest first; `next` is the cursor of the next page. */
export const requestListSchema = z.object({
  items: z.array(requestViewSchema),
  next: z.string().optional().meta({ description: 'Pass as `cursor` for the next page.' }),
});

/** A request id as the browser holds it (a UUID, an Altinn guid, or a signed id). */
export const requestIdSchema = z.string().regex(/^[A-Za-z0-9._~-]{1,200}$/);

/** `POST {endpoint}/{kind}-requests/lookup`. */
export const lookupBodySchema = z.object({ ids: z.array(requestIdSchema).min(1).max(100) });

/** The caller's requests among the ids asked for (others left out, never told apart). */
export const lookupAnswerSchema = z.object({ items: z.array(requestViewSchema) });

/** `state` of a list: requests still moving, finished ones, or both. */
export const requestStateSchema = z.enum(['open', 'final', 'all']);

/** The query of `GET {endpoint}/{kind}-requests` (each kind reads the filters that fit it). */
export const listQuerySchema = z.object({
  resource: z.string().min(1).max(200).optional(),
  package: z.string().min(1).max(200).optional(),
  service: z
    .string()
    .regex(/^\d{1,10}$/)
    .optional()
    .meta({ description: 'An Altinn 2 service code.' }),
  org: organizationNumberSchema.optional(),
  integration: integrationNameSchema.optional(),
  state: requestStateSchema.default('all'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

/** An RFC 9457 problem details body, with the backend's stable `code`. */
export const problemDetailsSchema = z.looseObject({
  type: z.string().optional(),
  title: z.string(),
  status: z.number().int().min(400).max(599),
  detail: z.string().optional(),
  code: z.string().optional().meta({
    description:
      "Stable and machine-readable: the backend's own (`invalid-body`, `not-signed-in`, `cross-site-request`, `resource-not-allowed`, `redirect-not-allowed`, `validity-too-long`, `forbidden-field`, `not-found`, `idempotency-key-reused`, `altinn-unauthorized`, `altinn-unavailable`, `maskinporten-failed` …) or Altinn's (`AM-00005` …).",
  }),
  errors: z
    .array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() }))
    .optional(),
});

// ---------------------------------------------------------------------------------------------
// What the server reads from Altinn (../shared/altinn-api.md): tolerant readers

/**
 * An Altinn enum word in any letter case (Altinn writes `Accepted`, docs `accepted`), read as the
 * known lower-case word, or `other` for a word this version does not know.
 */
function anyCase<const Word extends string>(words: readonly Word[]) {
  return z.string().transform((word): Lowercase<Word> | 'other' => {
    const lower = word.toLowerCase();
    return (words as readonly string[]).includes(lower) ? (lower as Lowercase<Word>) : 'other';
  });
}

const nullableText = z.string().nullish();

/** An event of an Altinn 3 consent request. */
export const altinnConsentEventSchema = z.looseObject({
  eventType: anyCase(['created', 'rejected', 'accepted', 'revoked', 'deleted', 'expired', 'used']),
  created: nullableText,
});

/**
 * Altinn 3's consent request (`ConsentRequestDetails`): GET and create answer `status`; the
 * idempotent 200 of a repeated create answers the internal shape, `consentRequestStatus`, with no
 * synthetic `Expired` event; old deployments have only the events.
 */
export const altinnConsentRequestSchema = z.looseObject({
  id: z.string().min(1),
  status: anyCase(['created', 'rejected', 'accepted', 'revoked', 'deleted', 'expired']).nullish(),
  consentRequestStatus: anyCase([
    'created',
    'rejected',
    'accepted',
    'revoked',
    'deleted',
    'expired',
  ]).nullish(),
  validTo: nullableText,
  consented: nullableText,
  consentRequestEvents: z.array(altinnConsentEventSchema).nullish(),
  viewUri: nullableText,
});

const halLink = z.looseObject({ href: z.string() });

/** Altinn 2's delegation request (HAL), in its create and GET answer. */
export const altinn2DelegationRequestSchema = z.looseObject({
  Guid: z.string().min(1),
  RequestStatus: anyCase([
    'created',
    'unopened',
    'opened',
    'approved',
    'accepted',
    'rejected',
    'deleted',
    'none',
  ]),
  CoveredBy: nullableText,
  OfferedBy: nullableText,
  Created: nullableText,
  LastChanged: nullableText,
  _links: z.looseObject({ self: halLink.optional(), sendRequest: halLink.optional() }).optional(),
});

/** The status words of an Altinn 3 delegation request (`RequestDto.status`, and `GET /{id}/status`). */
export const altinn3RequestStatusSchema = anyCase([
  'none',
  'draft',
  'pending',
  'approved',
  'rejected',
  'withdrawn',
]);

const referenceSchema = z.looseObject({ id: nullableText, referenceId: nullableText });

/** Altinn 3's `RequestDto` (service owner delegation requests); `links` come only with the create answer. */
export const altinn3RequestSchema = z.looseObject({
  id: z.string().min(1),
  status: altinn3RequestStatusSchema,
  type: nullableText,
  lastUpdated: nullableText,
  resource: referenceSchema.nullish(),
  package: referenceSchema.nullish(),
  links: z.looseObject({ detailsLink: nullableText, statusLink: nullableText }).nullish(),
});

/** Altinn 3's system user request (`RequestSystemResponse`, standard or agent). */
export const systemUserRequestSchema = z.looseObject({
  id: z.string().min(1),
  systemId: z.string(),
  partyOrgNo: z.string(),
  externalRef: nullableText,
  integrationTitle: nullableText,
  status: anyCase(['new', 'accepted', 'rejected', 'denied', 'timedout']),
  confirmUrl: nullableText,
  redirectUrl: nullableText,
  created: nullableText,
  // Expiry is only this flag, computed on read; the status stays `New` (altinn-api.md §3.4).
  timedOut: z.boolean().nullish(),
  accessPackages: z.array(z.looseObject({ urn: z.string() })).nullish(),
});

// ---------------------------------------------------------------------------------------------
// Validation answers

/** One broken rule: where (`rights.0.resource`, or `body` for the whole) and what, in English. */
export interface ValidationProblem {
  path: string;
  message: string;
}

/** A schema's output, or every broken rule named. */
export type Validation<T> =
  { success: true; data: T } | { success: false; problems: ValidationProblem[] };

/** Checks `input` against `schema`, naming every broken rule in words a developer understands. */
export function validate<T>(schema: z.ZodType<T>, input: unknown): Validation<T> {
  const result = schema.safeParse(input);
  if (result.success) return { success: true, data: result.data };
  const problems = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || 'body',
    message: describeIssue(issue),
    code: issue.code,
  }));
  // A value of the wrong type is one problem: zod goes on to check its length too.
  const mistyped = new Set(problems.filter((p) => p.code === 'invalid_type').map((p) => p.path));
  return {
    success: false,
    problems: problems
      .filter((problem) => problem.code === 'invalid_type' || !mistyped.has(problem.path))
      .map(({ path, message }) => ({ path, message })),
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'number' ? 'must be a positive whole number' : 'must not be empty';
    case 'too_big':
      return `too long (at most ${String(issue.maximum)})`;
    case 'invalid_format':
      return 'has an invalid format';
    case 'invalid_type':
      return issue.expected === 'int'
        ? 'must be a positive whole number'
        : `expected ${issue.expected}`;
    case 'custom':
      return issue.message;
    default:
      return `expected ${issue.code.replace(/_/g, ' ')}`;
  }
}

export type RequestKind = z.infer<typeof requestKindSchema>;
export type RequestStatus = z.infer<typeof requestStatusSchema>;
export type RequestState = z.infer<typeof requestStateSchema>;
export type Navigation = z.infer<typeof navigationSchema>;
export type RequestSubject = z.infer<typeof requestSubjectSchema>;
export type RequestView = z.infer<typeof requestViewSchema>;
export type RequestList = z.infer<typeof requestListSchema>;
export type LookupBody = z.infer<typeof lookupBodySchema>;
export type LookupAnswer = z.infer<typeof lookupAnswerSchema>;
export type ListQuery = z.infer<typeof listQuerySchema>;
export type ProblemDetails = z.infer<typeof problemDetailsSchema>;
export type ConsentRight = z.infer<typeof consentRightSchema>;
export type RequestMessage = z.infer<typeof requestMessageSchema>;
export type ConsentRequestBody = z.infer<typeof consentRequestBodySchema>;
export type Altinn2Service = z.infer<typeof altinn2ServiceSchema>;
export type AccessRequestBody = z.infer<typeof accessRequestBodySchema>;
export type SystemUserRequestBody = z.infer<typeof systemUserRequestBodySchema>;
export type AltinnConsentRequest = z.infer<typeof altinnConsentRequestSchema>;
export type Altinn2DelegationRequest = z.infer<typeof altinn2DelegationRequestSchema>;
export type Altinn3Request = z.infer<typeof altinn3RequestSchema>;
export type Altinn3RequestStatus = z.infer<typeof altinn3RequestStatusSchema>;
export type SystemUserRequest = z.infer<typeof systemUserRequestSchema>;
