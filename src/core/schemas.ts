/**
 * Schemas of everything the backend may answer and of what the elements send (valibot: the browser
 * pays only for the rules it uses). Enum values are plain strings here on purpose: Altinn's letter
 * case varies, so `status.ts` compares them case-insensitively.
 */
import * as v from 'valibot';
import { isOrganizationNumber } from './organization-number.js';

const text = v.string();
const optionalText = v.nullish(v.string());
const nonEmpty = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

/** The normalised request view: `{ kind, id, status, url?, navigation?, validTo?, updatedAt? }`. */
export const requestViewSchema = v.looseObject({
  kind: v.optional(text),
  id: v.pipe(v.string(), v.minLength(1)),
  status: text,
  url: optionalText,
  navigation: optionalText,
  validTo: optionalText,
  updatedAt: optionalText,
});

/** One entry of an Altinn 3 consent request's `consentRequestEvents`. */
export const consentRequestEventSchema = v.looseObject({
  eventType: text,
  created: optionalText,
});

/**
 * An Altinn 3 consent request passed straight through (`ConsentRequestDetails`), in its GET and
 * create shape (`status`), its idempotent-create shape (`consentRequestStatus`), or with events only.
 */
export const consentRequestDetailsSchema = v.looseObject({
  id: v.pipe(v.string(), v.minLength(1)),
  status: optionalText,
  consentRequestStatus: optionalText,
  validTo: optionalText,
  consented: optionalText,
  consentRequestEvents: v.nullish(v.array(consentRequestEventSchema)),
  viewUri: optionalText,
});

/** An RFC 9457 problem details body; only the standard members are checked. */
export const problemDetailsSchema = v.looseObject({
  type: v.optional(text),
  title: v.optional(text),
  status: v.optional(v.number()),
  detail: v.optional(text),
  code: v.optional(text),
});

/**
 * Valibot's `object` and `record` take arrays and class instances as objects (and answer a copy): only
 * a plain object, as JSON makes, passes here.
 */
function plainObject<T extends v.GenericSchema>(schema: T) {
  return v.pipe(
    v.custom<v.InferInput<T>>(
      (value) =>
        typeof value === 'object' &&
        value !== null &&
        [Object.prototype, null].includes(Object.getPrototypeOf(value) as object | null),
      'expected an object',
    ),
    schema,
  );
}

const RESOURCE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;

/** A consent resource id as Altinn's resource registry names them, e.g. `standard-samtykke-for-dele-data`. */
export const resourceIdSchema = v.pipe(v.string(), v.regex(RESOURCE_ID));

/** Metadata of one right: keys and values are non-empty strings (Altinn refuses empty values, AM-00007). */
export const metadataSchema = plainObject(v.record(nonEmpty, nonEmpty));

/** One right asked for, as the elements send it. */
export const consentRightSchema = v.object({
  resource: resourceIdSchema,
  action: v.optional(v.pipe(v.array(nonEmpty), v.minLength(1))),
  metadata: v.optional(metadataSchema),
});

/** ISO 8601 duration such as `P90D` or `P1Y6M`, counted from the moment the request is created. */
export const ISO_DURATION =
  /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(?:\.\d+)?S)?)?$/;

/** ISO 8601 date-time with seconds and an offset (`Z` or `±hh:mm`), as Altinn writes `validTo`. */
export const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `validTo`: an ISO 8601 date-time with offset, or a duration from now. */
export const validToSchema = v.pipe(
  v.string(),
  v.check(
    (value) =>
      ISO_DURATION.test(value) || (ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))),
    'must be an ISO 8601 date-time with offset, or a duration such as P90D',
  ),
);

function isAbsoluteUrl(value: string): boolean {
  try {
    return new URL(value).protocol.length > 1;
  } catch {
    return false;
  }
}

const redirectUrlSchema = v.pipe(
  v.string(),
  v.maxLength(2048),
  v.check(isAbsoluteUrl, 'must be an absolute URL'),
);

const message = v.optional(v.pipe(v.string(), v.maxLength(4000)));

/** The message Altinn shows the user, per language. */
export const requestMessageSchema = plainObject(
  v.object({ nb: message, nn: message, en: message }),
);

/** The body of `POST {endpoint}/consent-requests`. */
export const consentRequestBodySchema = v.object({
  id: v.pipe(v.string(), v.regex(UUID)),
  rights: v.pipe(v.array(consentRightSchema), v.minLength(1), v.maxLength(50)),
  validTo: v.optional(validToSchema),
  requestMessage: v.optional(requestMessageSchema),
  redirectUrl: redirectUrlSchema,
});

/** An Altinn 2 service: its code and edition, as Altinn 2's delegation requests name them. */
export const altinn2ServiceSchema = v.object({
  serviceCode: v.pipe(v.string(), v.regex(/^\d{1,10}$/)),
  serviceEditionCode: v.pipe(v.number(), v.integer(), v.minValue(1)),
});

/**
 * The body of `POST {endpoint}/access-requests`: one thing to ask for (an Altinn 3 resource, an
 * access package, or Altinn 2 services), the organisation asked, and where Altinn 2 sends the user back.
 */
export const accessRequestBodySchema = v.pipe(
  v.object({
    resource: v.optional(resourceIdSchema),
    package: v.optional(v.pipe(v.string(), v.regex(RESOURCE_ID))),
    services: v.optional(v.pipe(v.array(altinn2ServiceSchema), v.minLength(1), v.maxLength(20))),
    org: v.optional(
      v.pipe(
        v.string(),
        v.check(
          (value: string) => isOrganizationNumber(value),
          'must be a valid organisation number',
        ),
      ),
    ),
    redirectUrl: redirectUrlSchema,
  }),
  v.check(
    (body) =>
      [body.resource, body.package, body.services].filter((item) => item !== undefined).length ===
      1,
    'name exactly one of resource, package or services',
  ),
);

/** One broken rule: where (`rights.0.resource`, or `body` for the whole) and what, in English. */
export interface Problem {
  path: string;
  message: string;
}

/** A schema's output, or every broken rule named. */
export type Validation<T> = { success: true; data: T } | { success: false; problems: Problem[] };

/** Checks `input` against `schema`, naming every broken rule in words a developer understands. */
export function validate<T>(schema: v.GenericSchema<unknown, T>, input: unknown): Validation<T> {
  const result = v.safeParse(schema, input);
  if (result.success) return { success: true, data: result.output };
  return {
    success: false,
    problems: result.issues.map((issue) => ({
      path: issue.path?.map((item) => String(item.key)).join('.') || 'body',
      message: describeIssue(issue),
    })),
  };
}

function describeIssue(issue: v.GenericIssue): string {
  switch (issue.type) {
    case 'min_length':
      return 'must not be empty';
    case 'max_length':
      return `too long (at most ${String(issue.requirement)})`;
    case 'regex':
      return 'has an invalid format';
    case 'integer':
    case 'min_value':
      return 'must be a positive whole number';
    case 'check':
    case 'custom':
      return issue.message;
    default:
      return `expected ${issue.expected ?? issue.type}`;
  }
}

export type ConsentRight = v.InferOutput<typeof consentRightSchema>;
export type RequestMessage = v.InferOutput<typeof requestMessageSchema>;
export type ConsentRequestBody = v.InferOutput<typeof consentRequestBodySchema>;
export type Altinn2Service = v.InferOutput<typeof altinn2ServiceSchema>;
export type AccessRequestBody = v.InferOutput<typeof accessRequestBodySchema>;
