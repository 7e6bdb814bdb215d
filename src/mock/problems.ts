import { json } from './http.js';
import { traceId } from './ids.js';

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

export interface ValidationErrorDescriptor {
  code: string;
  title: string;
}

/** AM problem codes (`Problems.cs`; titles as Altinn spells them). */
export const AM = {
  notAuthorized: { code: 'AM-00000', status: 403, title: 'Not authorized for consent' },
  notFound: { code: 'AM-00001', status: 404, title: 'Consent not found' },
  cannotAccept: {
    code: 'AM-00002',
    status: 400,
    title: 'Consent have wrong status to be consented',
  },
  unknownOrganization: {
    code: 'AM-00003',
    status: 400,
    title: 'Unknown organization. Could not be found',
  },
  unknownPerson: { code: 'AM-00004', status: 400, title: 'Unknown person. Could not be found' },
  invalidResource: { code: 'AM-00005', status: 400, title: 'Invalid consent resource' },
  unknownMetadata: { code: 'AM-00006', status: 400, title: 'Invalid consent metadata' },
  emptyMetadataValue: { code: 'AM-00007', status: 400, title: 'Missing metadata value' },
  missingMetadata: { code: 'AM-00008', status: 400, title: 'Missing metadata' },
  mixedTemplates: { code: 'AM-00009', status: 400, title: 'Invalid resource combination' },
  cannotRevoke: { code: 'AM-00010', status: 400, title: 'Consent cant be revoked.Wrong status' },
  revoked: { code: 'AM-00011', status: 400, title: 'Consent is revoked' },
  expired: { code: 'AM-00013', status: 400, title: 'Consent is expired' },
  notAccepted: { code: 'AM-00014', status: 400, title: 'Consent is not accepted' },
  cannotReject: { code: 'AM-00015', status: 400, title: 'Consent cant be rejected. Wrong status' },
  idExists: { code: 'AM-00016', status: 400, title: 'Consent with id already exist' },
} as const satisfies Record<string, ProblemDescriptor>;

/** Validation error codes (`ValidationErrors.cs`, `StdValidationErrors.cs`). */
export const VLD = {
  required: { code: 'STD.VLD-00000', title: 'The field is required.' },
  invalidValue: { code: 'STD.VLD-00002', title: 'The value provided is invalid.' },
  jsonError: {
    code: 'STD.VLD-00017',
    title:
      'The JSON value failed to deserialize. Check the JSON format and ensure that the property names match the expected model.',
  },
  timeNotInFuture: { code: 'AM.VLD-00022', title: 'The time need to be in the future' },
  emptyList: { code: 'AM.VLD-00023', title: 'The list cant be empty' },
  invalidRedirectUrl: { code: 'AM.VLD-00027', title: 'Redirect URL is not a valid URL' },
  // The events feed's codes: the numbers are Altinn's (altinn-api.md 2.7), the titles the mock's own.
  invalidPageSize: { code: 'AM.VLD-00050', title: 'The page size is invalid' },
  invalidTimeRange: {
    code: 'AM.VLD-00051',
    title: 'createdAfter must be earlier than createdBefore',
  },
  invalidEventType: { code: 'AM.VLD-00052', title: 'The event type is invalid' },
  invalidContinuationToken: { code: 'AM.VLD-00053', title: 'The continuation token is invalid' },
  // Access requests (altinn-api.md 3.2; codes and titles from Access Management's
  // `ValidationErrors.cs` and the service owner API's `ValidationErrorDescriptors.cs`).
  packageNotExists: { code: 'AM.VLD-00011', title: 'Package do not exists.' },
  requestNotFound: { code: 'AM.VLD-00035', title: 'Request do not exists.' },
  requestUnsupportedStatusUpdate: {
    code: 'AM.VLD-00036',
    title: 'Request does not support this status update.',
  },
  requestMissingResourceOrPackage: {
    code: 'AM.VLD-00038',
    title: 'Either Resource or Package must be included in request.',
  },
  requestFromSelfNotAllowed: {
    code: 'AM.VLD-00045',
    title: 'Self-targeted requests are not allowed.',
  },
  resourceAndPackageIsSpecified: {
    code: 'AM.VLD-00046',
    title: 'Either Resource or Package must be included in the request, but not both.',
  },
  packageIsNotAssignable: {
    code: 'AM.VLD-00048',
    title: 'One or more packages is not assignable.',
  },
  resourceIsNotDelegable: {
    code: 'AM.VLD-00049',
    title: 'One or more resources is not delegable.',
  },
  invalidUrn: { code: 'AMSO.VLD-00001', title: 'Invalid URN' },
  objectNotFound: { code: 'AMSO.VLD-00002', title: 'Object not found' },
  requestedResourceNotFound: { code: 'AMSO.VLD-00003', title: 'Requested resource was not found' },
  requestedPackageNotFound: { code: 'AMSO.VLD-00004', title: 'Requested package was not found' },
  // Altinn has the check (`RequestedResourceNotByServiceOwner`); its number and title are the mock's guess.
  requestedResourceNotOwned: {
    code: 'AMSO.VLD-00006',
    title: 'Requested resource is not owned by the service owner',
  },
} as const satisfies Record<string, ValidationErrorDescriptor>;

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
  extensions?: Record<string, string>;
}

/** One problem instance (`AltinnProblemDetails`). Extensions such as `key` are top-level members. */
export function problem(
  descriptor: ProblemDescriptor,
  detail: string,
  extensions: Record<string, string> = {},
): ProblemBody {
  return {
    type: `urn:altinn:error:${descriptor.code}`,
    title: descriptor.title,
    status: descriptor.status,
    detail,
    code: descriptor.code,
    traceId: traceId(),
    statusDescription: STATUS_DESCRIPTIONS[descriptor.status],
    ...extensions,
  };
}

/** `STD-00000` (400) carrying one or more validation errors. */
export function validationProblem(errors: ValidationError[]): ProblemBody {
  return {
    type: 'urn:altinn:error:STD-00000',
    title: 'Bad Request',
    status: 400,
    detail: 'One or more validation errors occurred.',
    code: 'STD-00000',
    traceId: traceId(),
    statusDescription: STATUS_DESCRIPTIONS[400],
    validationErrors: errors.map((error) => ({
      code: error.descriptor.code,
      title: error.descriptor.title,
      detail: error.detail ?? error.descriptor.title,
      paths: error.paths,
      ...error.extensions,
    })),
  };
}

/** `STD-00001`: several problems at once, which Altinn answers with HTTP 500. */
export function multipleProblems(problems: ProblemBody[]): ProblemBody {
  // One request, one trace: the inner problems carry the outer trace id.
  const trace = traceId();
  return {
    type: 'urn:altinn:error:STD-00001',
    title: 'Multiple problems occurred.',
    status: 500,
    detail: 'Multiple problems occurred.',
    code: 'STD-00001',
    traceId: trace,
    statusDescription: STATUS_DESCRIPTIONS[500],
    problems: problems.map((inner) => ({ ...inner, traceId: trace })),
  };
}

/** A problem as Altinn sends it: `application/problem+json`, with the problem's own status. */
export function problemResponse(body: ProblemBody): Response {
  return json(body.status, body, { 'Content-Type': 'application/problem+json; charset=utf-8' });
}

/** `STD-00000` (400) with `errors`, as a response. */
export function invalid(...errors: ValidationError[]): Response {
  return problemResponse(validationProblem(errors));
}

/** ASP.NET Core's own answer to a body of the wrong media type, not an Altinn problem. */
export function unsupportedMediaType(): Response {
  return json(
    415,
    {
      type: 'https://tools.ietf.org/html/rfc9110#section-15.5.16',
      title: 'Unsupported Media Type',
      status: 415,
    },
    { 'Content-Type': 'application/problem+json; charset=utf-8' },
  );
}

/**
 * Collects problems as Altinn's `MultipleProblemBuilder` does: none → no error; one → that
 * problem with its own status; several → `STD-00001` with HTTP 500.
 */
export class ProblemCollector {
  private readonly problems: ProblemBody[] = [];

  add(body: ProblemBody): void {
    this.problems.push(body);
  }

  build(): ProblemBody | undefined {
    if (this.problems.length === 0) return undefined;
    if (this.problems.length === 1) return this.problems[0];
    return multipleProblems(this.problems);
  }
}
