/**
 * Reading a body the same way everywhere: a request's as a JSON object, none of the fields only the
 * server may set, and the schema's rules, each broken one named in the answer; and any body (also
 * Altinn's answers) within a size limit, with Web streams only.
 */
import type { z } from 'zod';
import { ProblemError } from './problem.js';
import { validate } from './schemas.js';
import type { RouteContext } from './types.js';

export interface BodyRules {
  /** The problem's title, e.g. "Invalid consent request". */
  title: string;
  /** Fields the browser must not send: the backend decides who asks whom. */
  serverFields: readonly string[];
}

export async function readValidBody<T>(
  context: RouteContext,
  schema: z.ZodType<T>,
  rules: BodyRules,
): Promise<T> {
  const body = await context.readJson();
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ProblemError({
      status: 400,
      code: 'invalid-body',
      title: rules.title,
      detail: 'The body must be a JSON object.',
    });
  }
  const forbidden = rules.serverFields.filter((field) => field in body);
  if (forbidden.length) {
    throw new ProblemError({
      status: 400,
      code: 'forbidden-field',
      title: 'Field set by the server',
      detail: `${forbidden.join(', ')}: set by the portal's backend, never by the browser.`,
    });
  }
  const parsed = validate(schema, body);
  if (!parsed.success) {
    const errors = parsed.problems;
    throw new ProblemError({
      status: 400,
      code: 'invalid-body',
      title: rules.title,
      detail: errors.map((error) => `${error.path}: ${error.message}`).join('; '),
      errors,
    });
  }
  return parsed.data;
}

/**
 * Reads a body of at most `limit` bytes with Web streams only (any Fetch runtime), stopping as soon
 * as it grows past the limit. Throws a 413 problem, or the stream's own error.
 */
export async function readLimited(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
  tooLarge: () => Error,
): Promise<Uint8Array> {
  const bytes = new Uint8Array(limit);
  let size = 0;
  if (!body) return bytes.subarray(0, 0);
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return bytes.subarray(0, size);
      if (size + value.byteLength > limit) throw tooLarge();
      bytes.set(value, size);
      size += value.byteLength;
    }
  } catch (error) {
    void reader.cancel().catch(() => undefined);
    throw error;
  }
}
