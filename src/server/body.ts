/**
 * Reading a request body the same way in every module: a JSON object, none of the fields only the
 * server may set, and the schema's rules, each broken one named in the answer.
 */
import type { GenericSchema } from 'valibot';
import { validate } from '../core/schemas.js';
import type { RouteContext } from './handler.js';
import { ProblemError } from './problem.js';

export interface BodyRules {
  /** The problem's title, e.g. "Invalid consent request". */
  title: string;
  /** Fields the browser must not send: the backend decides who asks whom. */
  serverFields: readonly string[];
}

export async function readValidBody<T>(
  context: RouteContext,
  schema: GenericSchema<unknown, T>,
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
