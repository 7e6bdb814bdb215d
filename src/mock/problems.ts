import { isJsonBody, json, readJson } from './http.js';
import { traceId } from './ids.js';
import { isObject, type JsonObject } from './json-input.js';

/**
 * Altinn's error bodies (altinn-api.md 2.8, library Altinn.Authorization.ProblemDetails):
 * - one problem: `AltinnProblemDetails` `{ type: 'urn:altinn:error:AM-00005', title, status, detail, code, traceId, statusDescription, …extensions }`;
 * - validation errors: one problem `STD-00000` (400) with `validationErrors: [{ code, title, detail, paths }]`;
 * - several problems at once: `STD-00001` with HTTP **500** and `problems: [...]`.
 */

export interface ProblemDescriptor {
  code: string;
  status: number;
  title: string;
}

function descriptors<K extends string>(
  prefix: string,
  table: Record<K, [number, number, string]>,
): Record<K, ProblemDescriptor> {
  const entries = Object.entries<[number, number, string]>(table);
  return Object.fromEntries(
    entries.map(([name, [number, status, title]]) => [
      name,
      { code: `${prefix}${String(number).padStart(5, '0')}`, status, title },
    ]),
  ) as Record<K, ProblemDescriptor>;
}

/** AM problem codes (`Problems.cs`; titles as Altinn spells them). */
export const AM = descriptors('AM-', {
  notAuthorized: [0, 403, 'Not authorized for consent'],
  notFound: [1, 404, 'Consent not found'],
  cannotAccept: [2, 400, 'Consent have wrong status to be consented'],
  unknownOrganization: [3, 400, 'Unknown organization. Could not be found'],
  unknownPerson: [4, 400, 'Unknown person. Could not be found'],
  invalidResource: [5, 400, 'Invalid consent resource'],
  unknownMetadata: [6, 400, 'Invalid consent metadata'],
  emptyMetadataValue: [7, 400, 'Missing metadata value'],
  missingMetadata: [8, 400, 'Missing metadata'],
  mixedTemplates: [9, 400, 'Invalid resource combination'],
  cannotRevoke: [10, 400, 'Consent cant be revoked.Wrong status'],
  expired: [13, 400, 'Consent is expired'],
  cannotReject: [15, 400, 'Consent cant be rejected. Wrong status'],
  idExists: [16, 400, 'Consent with id already exist'],
});

/** System-user requests' codes (altinn-api.md 3.4, `Problem.cs`); the titles are the mock's. */
export const AUTH = descriptors('AUTH-', {
  unknownParty: [0, 400, 'The organisation number was not found'],
  rightsNotAllowed: [1, 400, 'One or more rights are not registered for the system'],
  systemUserExists: [4, 400, 'A system user already exists for this system and organisation'],
  requestNotFound: [10, 404, 'The Id does not refer to a Request in our system.'],
  systemNotFound: [11, 404, 'The system is not found, or not the vendor’s'],
  redirectUrlNotAllowed: [21, 400, 'The RedirectUrl is not registered for the system'],
  noRedirectUrls: [26, 400, 'The system has no registered redirect URLs'],
  packagesRequired: [58, 400, 'An agent request must name access packages'],
  nothingRequested: [59, 400, 'The request must name at least one right or access package'],
  packagesNotAllowed: [63, 400, 'One or more access packages are not registered for the system'],
  notAccessManager: [66, 403, 'Only the organisation’s access manager may approve or reject'],
});

/** A validation error's code and title (`ValidationErrors.cs`, `StdValidationErrors.cs`). */
export type ValidationErrorDescriptor = Omit<ProblemDescriptor, 'status'>;

const vld =
  (prefix: string) =>
  (number: number, title: string): ValidationErrorDescriptor => ({
    code: `${prefix}.VLD-${String(number).padStart(5, '0')}`,
    title,
  });
const [std, am, amso] = [vld('STD'), vld('AM'), vld('AMSO')];

export const VLD = {
  required: std(0, 'The field is required.'),
  invalidValue: std(2, 'The value provided is invalid.'),
  jsonError: std(
    17,
    'The JSON value failed to deserialize. Check the JSON format and ensure that the property names match the expected model.',
  ),
  timeNotInFuture: am(22, 'The time need to be in the future'),
  emptyList: am(23, 'The list cant be empty'),
  invalidRedirectUrl: am(27, 'Redirect URL is not a valid URL'),
  // The events feed's codes: the numbers are Altinn's (altinn-api.md 2.7), the titles the mock's own.
  invalidTimeRange: am(51, 'createdAfter must be earlier than createdBefore'),
  invalidEventType: am(52, 'The event type is invalid'),
  invalidContinuationToken: am(53, 'The continuation token is invalid'),
  // Access requests (altinn-api.md 3.2; Access Management's `ValidationErrors.cs` and the service
  // owner API's `ValidationErrorDescriptors.cs`).
  packageNotExists: am(11, 'Package do not exists.'),
  requestNotFound: am(35, 'Request do not exists.'),
  requestUnsupportedStatusUpdate: am(36, 'Request does not support this status update.'),
  requestFromSelfNotAllowed: am(45, 'Self-targeted requests are not allowed.'),
  packageIsNotAssignable: am(48, 'One or more packages is not assignable.'),
  resourceIsNotDelegable: am(49, 'One or more resources is not delegable.'),
  invalidUrn: amso(1, 'Invalid URN'),
  objectNotFound: amso(2, 'Object not found'),
  requestedResourceNotFound: amso(3, 'Requested resource was not found'),
  // Altinn has the check (`RequestedResourceNotByServiceOwner`); its number and title are the mock's guess.
  requestedResourceNotOwned: amso(6, 'Requested resource is not owned by the service owner'),
};

const STATUS_DESCRIPTIONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'An error occurred while processing your request.',
};

/** A problem body, ready to be sent as `application/problem+json`. */
export type ProblemBody = Record<string, unknown> & { status: number; code: string };

export interface ValidationError {
  descriptor: ValidationErrorDescriptor;
  paths: string[];
  detail?: string;
}

/** One validation error: what is wrong, where (`paths`), and the mock's own words for it. */
export function invalidField(
  descriptor: ValidationErrorDescriptor,
  paths: string[],
  detail?: string,
): ValidationError {
  return { descriptor, paths, ...(detail === undefined ? {} : { detail }) };
}

function body(code: string, status: number, title: string, detail: string): ProblemBody {
  const [type, statusDescription] = [`urn:altinn:error:${code}`, STATUS_DESCRIPTIONS[status]];
  return { type, title, status, detail, code, traceId: traceId(), statusDescription };
}

/** One problem instance (`AltinnProblemDetails`). Extensions such as `key` are top-level members. */
export function problem(
  descriptor: ProblemDescriptor,
  detail: string,
  extensions: Record<string, string> = {},
): ProblemBody {
  return { ...body(descriptor.code, descriptor.status, descriptor.title, detail), ...extensions };
}

/** `STD-00000` (400) carrying one or more validation errors. */
export function validationProblem(errors: ValidationError[]): ProblemBody {
  return {
    ...body('STD-00000', 400, 'Bad Request', 'One or more validation errors occurred.'),
    validationErrors: errors.map((error) => ({
      code: error.descriptor.code,
      title: error.descriptor.title,
      detail: error.detail ?? error.descriptor.title,
      paths: error.paths,
    })),
  };
}

/**
 * Problems as Altinn's `MultipleProblemBuilder` returns them: one → that problem with its own
 * status; several → `STD-00001` with HTTP 500, the inner problems carrying the outer trace id.
 */
export function combined(problems: ProblemBody[]): ProblemBody | undefined {
  if (problems.length <= 1) return problems[0];
  const title = 'Multiple problems occurred.';
  const outer = body('STD-00001', 500, title, title);
  return { ...outer, problems: problems.map((inner) => ({ ...inner, traceId: outer.traceId })) };
}

const PROBLEM_JSON = { 'Content-Type': 'application/problem+json; charset=utf-8' };

/** A problem as Altinn sends it: `application/problem+json`, with the problem's own status. */
export function problemResponse(problemBody: ProblemBody): Response {
  return json(problemBody.status, problemBody, PROBLEM_JSON);
}

/** `STD-00000` (400) with `errors`, as a response. */
export function invalid(...errors: ValidationError[]): Response {
  return problemResponse(validationProblem(errors));
}

/** ASP.NET Core's own answer to a body of the wrong media type, not an Altinn problem. */
export function unsupportedMediaType(): Response {
  const type = 'https://tools.ietf.org/html/rfc9110#section-15.5.16';
  return json(415, { type, title: 'Unsupported Media Type', status: 415 }, PROBLEM_JSON);
}

/** A JSON object body, or what ASP.NET answers instead (415, or STD.VLD-00017 for other JSON). */
export async function jsonObjectBody(request: Request): Promise<JsonObject | Response> {
  if (!isJsonBody(request)) return unsupportedMediaType();
  const body = await readJson(request);
  if ('value' in body && isObject(body.value)) return body.value;
  return invalid(invalidField(VLD.jsonError, ['/'], 'The request body must be a JSON object.'));
}
