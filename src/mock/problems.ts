import data from './problems.json' with { type: 'json' };
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

/**
 * The codes, as data in `problems.json`: AM (`Problems.cs`; titles as Altinn spells them), AUTH for
 * system-user requests (altinn-api.md 3.4, `Problem.cs`; the titles are the mock's), and the
 * validation errors (`ValidationErrors.cs`, `StdValidationErrors.cs`, and for access requests the
 * service owner API's `ValidationErrorDescriptors.cs`, altinn-api.md 3.2). The events feed's codes
 * AM.VLD-00051…53 have Altinn's numbers and the mock's titles; AMSO.VLD-00006 stands for Altinn's
 * check `RequestedResourceNotByServiceOwner`, its number and title the mock's guess.
 */
export const { AM, AUTH, VLD } = data;

/** A validation error's code and title. */
export type ValidationErrorDescriptor = Omit<ProblemDescriptor, 'status'>;

const STATUS_DESCRIPTIONS: Record<string, string> = data.statusDescriptions;

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
  return { descriptor, paths, detail };
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

/** One problem (`problem`) as a response. */
export function failure(
  descriptor: ProblemDescriptor,
  detail: string,
  extensions: Record<string, string> = {},
): Response {
  return problemResponse(problem(descriptor, detail, extensions));
}

/** `STD-00000` (400) with `errors`, as a response. */
export function invalid(...errors: ValidationError[]): Response {
  return problemResponse(validationProblem(errors));
}

const ASP_NET_PROBLEMS = {
  404: ['Not Found', '15.5.5'],
  415: ['Unsupported Media Type', '15.5.16'],
};

/** ASP.NET Core's own answer for a status (a route's 404, a body's 415), not an Altinn problem. */
export function aspNetProblem(status: keyof typeof ASP_NET_PROBLEMS): Response {
  const [title, section] = ASP_NET_PROBLEMS[status];
  const type = `https://tools.ietf.org/html/rfc9110#section-${section}`;
  return json(status, { type, title, status }, PROBLEM_JSON);
}

/** A JSON object body, or what ASP.NET answers instead (415, or STD.VLD-00017 for other JSON). */
export async function jsonObjectBody(request: Request): Promise<JsonObject | Response> {
  if (!isJsonBody(request)) return aspNetProblem(415);
  const body = await readJson(request);
  if ('value' in body && isObject(body.value)) return body.value;
  return invalid(invalidField(VLD.jsonError, ['/'], 'The request body must be a JSON object.'));
}
