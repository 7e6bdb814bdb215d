/**
 * Building and checking the body of `POST {endpoint}/consent-requests` from what a portal developer
 * wrote on `<request-consent-button>`, and resolving a `validTo` duration (for backends).
 */
import {
  consentRequestBodySchema,
  ISO_DURATION,
  type ConsentRequestBody,
  type ConsentRight,
  type RequestMessage,
  validate,
} from './schemas.js';

/** One right as a developer may write it: `action` as one string or several. */
export interface ConsentRightInput {
  resource: string;
  metadata?: Record<string, string>;
  action?: string | string[];
}

/** The button's inputs, as set through attributes or properties (JSON attributes already parsed). */
export interface ConsentRequestInput {
  id: string;
  resource?: string | undefined;
  metadata?: unknown;
  rights?: unknown;
  validTo?: string | undefined;
  requestMessage?: unknown;
  redirectUrl: string;
}

/** A request body, or the list of what is wrong with the inputs. */
export type BuildResult<Body = ConsentRequestBody> =
  { ok: true; body: Body } | { ok: false; problems: string[] };

function toRight(input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return input;
  const { resource, metadata, action } = input as Partial<ConsentRightInput>;
  const right: Record<string, unknown> = { resource };
  if (metadata !== undefined) right.metadata = metadata;
  if (action !== undefined) right.action = typeof action === 'string' ? [action] : action;
  return right;
}

/**
 * The request body, or the list of what is wrong in words a developer understands. `rights` wins over
 * `resource` + `metadata`; a `validTo` date-time must lie in the future.
 */
export function buildConsentRequestBody(
  input: ConsentRequestInput,
  now: number = Date.now(),
): BuildResult {
  const problems: string[] = [];
  let rights: unknown[];
  if (input.rights !== undefined) {
    rights = Array.isArray(input.rights) ? input.rights.map(toRight) : [input.rights];
  } else if (input.resource) {
    rights = [toRight({ resource: input.resource, metadata: input.metadata })];
  } else {
    rights = [];
    problems.push('Set "resource" (one right) or "rights" (several).');
  }
  const candidate: Record<string, unknown> = {
    id: input.id,
    rights,
    redirectUrl: input.redirectUrl,
  };
  if (input.validTo) candidate.validTo = input.validTo;
  if (input.requestMessage !== undefined) candidate.requestMessage = input.requestMessage;

  const parsed = validate(consentRequestBodySchema, candidate);
  if (!parsed.success) {
    for (const problem of parsed.problems) {
      if (problem.path === 'rights' && problems.length) continue;
      problems.push(`${problem.path}: ${problem.message}`);
    }
  } else if (
    parsed.data.validTo &&
    resolveValidTo(parsed.data.validTo, new Date(now)).getTime() <= now
  ) {
    problems.push('validTo: must lie in the future.');
  }
  return problems.length || !parsed.success
    ? { ok: false, problems }
    : { ok: true, body: parsed.data };
}

/**
 * The absolute end of a validity given as a date-time or an ISO 8601 duration (`P90D`, `P1Y`, `PT12H`)
 * counted from `now`. Months and years are calendar months and years in UTC.
 *
 * @throws RangeError when `value` is neither.
 */
export function resolveValidTo(value: string, now: Date = new Date()): Date {
  const match = ISO_DURATION.exec(value);
  if (!match) {
    const end = new Date(value);
    if (Number.isNaN(end.getTime()))
      throw new RangeError(`validTo "${value}" is not a date-time or duration.`);
    return end;
  }
  const n = (part: string | undefined): number => (part ? Number.parseFloat(part) : 0);
  const end = new Date(now.getTime());
  // Calendar arithmetic that stays in the target month: 31 January + P1M is 28 (or 29) February.
  const day = end.getUTCDate();
  end.setUTCDate(1);
  end.setUTCFullYear(end.getUTCFullYear() + n(match[1]), end.getUTCMonth() + n(match[2]));
  const daysInMonth = new Date(
    Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0),
  ).getUTCDate();
  end.setUTCDate(Math.min(day, daysInMonth));
  end.setUTCDate(end.getUTCDate() + 7 * n(match[3]) + n(match[4]));
  end.setTime(end.getTime() + ((n(match[6]) * 60 + n(match[7])) * 60 + n(match[8])) * 1000);
  return end;
}

export type { ConsentRequestBody, ConsentRight, RequestMessage };
