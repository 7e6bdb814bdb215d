/**
 * Building and checking the body of `POST {endpoint}/access-requests` from what a portal developer
 * wrote on `<request-access-button>`.
 */
import type { BuildResult } from './consent-request.js';
import { accessRequestBodySchema, validate, type AccessRequestBody } from './schemas.js';

/** The button's inputs, as set through attributes or properties. */
export interface AccessRequestInput {
  resource?: string | undefined;
  package?: string | undefined;
  serviceCode?: string | undefined;
  serviceEditionCode?: number | undefined;
  /** Several Altinn 2 services; wins over `serviceCode` + `serviceEditionCode`. */
  services?: unknown;
  org?: string | undefined;
  redirectUrl: string;
}

/** The request body, or what is wrong in words a developer understands. */
export function buildAccessRequestBody(input: AccessRequestInput): BuildResult<AccessRequestBody> {
  const candidate: Record<string, unknown> = { redirectUrl: input.redirectUrl };
  if (input.resource) candidate.resource = input.resource;
  if (input.package) candidate.package = input.package;
  if (input.services !== undefined) candidate.services = input.services;
  else if (input.serviceCode) {
    candidate.services = [
      { serviceCode: input.serviceCode, serviceEditionCode: input.serviceEditionCode ?? 1 },
    ];
  }
  if (input.org) candidate.org = input.org;
  const parsed = validate(accessRequestBodySchema, candidate);
  if (parsed.success) return { ok: true, body: parsed.data };
  return {
    ok: false,
    problems: parsed.problems.map((problem) => `${problem.path}: ${problem.message}`),
  };
}
