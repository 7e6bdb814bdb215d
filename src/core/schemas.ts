/**
 * Schemas of everything the backend may answer and of what the elements send. Enum values are plain
 * strings here on purpose: Altinn's letter case varies, so `status.ts` compares them case-insensitively.
 */
import * as z from 'zod/mini';
import { isOrganizationNumber } from './organization-number.js';

const text = z.string();
const optionalText = z.optional(z.nullable(z.string()));

/** The normalised request view: `{ kind, id, status, url?, navigation?, validTo?, updatedAt? }`. */
export const requestViewSchema = z.looseObject({
  kind: z.optional(text),
  id: text.check(z.minLength(1)),
  status: text,
  url: optionalText,
  navigation: optionalText,
  validTo: optionalText,
  updatedAt: optionalText,
});

/** One entry of an Altinn 3 consent request's `consentRequestEvents`. */
export const consentRequestEventSchema = z.looseObject({
  eventType: text,
  created: optionalText,
});

/**
 * An Altinn 3 consent request passed straight through (`ConsentRequestDetails`), in its GET and
 * create shape (`status`), its idempotent-create shape (`consentRequestStatus`), or with events only.
 */
export const consentRequestDetailsSchema = z.looseObject({
  id: text.check(z.minLength(1)),
  status: optionalText,
  consentRequestStatus: optionalText,
  validTo: optionalText,
  consented: optionalText,
  consentRequestEvents: z.optional(z.nullable(z.array(consentRequestEventSchema))),
  viewUri: optionalText,
});

/** An RFC 9457 problem details body; only the standard members are checked. */
export const problemDetailsSchema = z.looseObject({
  type: z.optional(text),
  title: z.optional(text),
  status: z.optional(z.number()),
  detail: z.optional(text),
  code: z.optional(text),
});

const nonEmpty = text.check(z.minLength(1), z.maxLength(200));

/** A consent resource id as Altinn's resource registry names them, e.g. `standard-samtykke-for-dele-data`. */
export const resourceIdSchema = text.check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/));

/** Metadata of one right: keys and values are non-empty strings (Altinn refuses empty values, AM-00007). */
export const metadataSchema = z.record(nonEmpty, nonEmpty);

/** One right asked for, as the elements send it. */
export const consentRightSchema = z.object({
  resource: resourceIdSchema,
  action: z.optional(z.array(nonEmpty).check(z.minLength(1))),
  metadata: z.optional(metadataSchema),
});

/** ISO 8601 duration such as `P90D` or `P1Y6M`, counted from the moment the request is created. */
export const ISO_DURATION =
  /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(?:\.\d+)?S)?)?$/;

/** ISO 8601 date-time with seconds and an offset (`Z` or `±hh:mm`), as Altinn writes `validTo`. */
export const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/*
 * Formats are checked with regular expressions and refinements rather than zod's `uuid()`, `url()`,
 * `iso.datetime()` and `union()`: the same rules, for about 2.5 kB less gzip in the browser.
 */

/** `validTo`: an ISO 8601 date-time with offset, or a duration from now. */
export const validToSchema = text.check(
  z.refine(
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

/** The message Altinn shows the user, per language. */
export const requestMessageSchema = z.object({
  nb: z.optional(text.check(z.maxLength(4000))),
  nn: z.optional(text.check(z.maxLength(4000))),
  en: z.optional(text.check(z.maxLength(4000))),
});

/** The body of `POST {endpoint}/consent-requests`. */
export const consentRequestBodySchema = z.object({
  id: text.check(z.regex(UUID)),
  rights: z.array(consentRightSchema).check(z.minLength(1), z.maxLength(50)),
  validTo: z.optional(validToSchema),
  requestMessage: z.optional(requestMessageSchema),
  redirectUrl: text.check(z.maxLength(2048), z.refine(isAbsoluteUrl, 'must be an absolute URL')),
});

/** An Altinn 2 service: its code and edition, as Altinn 2's delegation requests name them. */
export const altinn2ServiceSchema = z.object({
  serviceCode: text.check(z.regex(/^\d{1,10}$/)),
  serviceEditionCode: z.int().check(z.positive()),
});

/**
 * The body of `POST {endpoint}/access-requests`: one thing to ask for (an Altinn 3 resource, an
 * access package, or Altinn 2 services), the organisation asked, and where Altinn 2 sends the user back.
 */
export const accessRequestBodySchema = z
  .object({
    resource: z.optional(resourceIdSchema),
    package: z.optional(text.check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/))),
    services: z.optional(z.array(altinn2ServiceSchema).check(z.minLength(1), z.maxLength(20))),
    org: z.optional(
      text.check(z.refine(isOrganizationNumber, 'must be a valid organisation number')),
    ),
    redirectUrl: text.check(z.maxLength(2048), z.refine(isAbsoluteUrl, 'must be an absolute URL')),
  })
  .check(
    z.refine(
      (body) =>
        [body.resource, body.package, body.services].filter((item) => item !== undefined).length ===
        1,
      'name exactly one of resource, package or services',
    ),
  );

export type ConsentRight = z.infer<typeof consentRightSchema>;
export type RequestMessage = z.infer<typeof requestMessageSchema>;
export type ConsentRequestBody = z.infer<typeof consentRequestBodySchema>;
export type Altinn2Service = z.infer<typeof altinn2ServiceSchema>;
export type AccessRequestBody = z.infer<typeof accessRequestBodySchema>;
