/**
 * Checks an answer of the handler against the OpenAPI description shipped in the package (generated
 * here in memory from the same zod schemas, as the build does), so the description and the code
 * cannot drift apart.
 */
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { openApiDocument } from '../../scripts/openapi.js';

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      {
        responses: Record<string, { $ref?: string; content?: Record<string, { schema: unknown }> }>;
      }
    >
  >;
  components: {
    responses: Record<string, { content: Record<string, { schema: unknown }> }>;
    schemas: Record<string, unknown>;
  };
}

const document = openApiDocument() as unknown as OpenApi;

const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
// Schemas refer to each other as `#/components/schemas/X`: register the document under its own id.
ajv.addSchema({ ...document, $id: 'openapi' }, 'openapi');

/** Asserts that `body` is what the description promises for `method path` answering `status`. */
export async function assertMatchesContract(
  method: string,
  path: string,
  status: number,
  body: unknown,
): Promise<void> {
  const operation = document.paths[path]?.[method];
  assert.ok(operation, `${method.toUpperCase()} ${path} is described`);
  const response = operation.responses[String(status)];
  assert.ok(response, `${method.toUpperCase()} ${path} describes status ${status}`);
  const ref = response.$ref?.replace('#/components/responses/', '');
  const content = ref ? document.components.responses[ref]?.content : response.content;
  assert.ok(content, `status ${status} has content`);
  const mediaType = Object.keys(content)[0] ?? '';
  const pointer = ref
    ? `openapi#/components/responses/${ref}/content/${mediaType.replace('/', '~1')}/schema`
    : undefined;
  assert.ok(pointer, 'inline response schemas are not used');
  const validate = ajv.getSchema(pointer);
  assert.ok(validate, `schema ${pointer}`);
  assert.ok(
    validate(body),
    `${method.toUpperCase()} ${path} ${status}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`,
  );
}
