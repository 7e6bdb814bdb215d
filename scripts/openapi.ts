/**
 * The OpenAPI 3.1 document of the backend (BFF) contract, generated from the zod schemas the server
 * validates with (`src/server/schemas.ts`), so the document and the code cannot drift apart. Only the
 * paths are written here. `npm run build` writes it to `dist/server/openapi.json`
 * (`tsx scripts/openapi.ts <file>`); the tests generate it in memory.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import {
  accessRequestBodySchema,
  consentRequestBodySchema,
  consentRightSchema,
  listQuerySchema,
  lookupAnswerSchema,
  lookupBodySchema,
  problemDetailsSchema,
  requestListSchema,
  requestStatusSchema,
  requestSubjectSchema,
  requestViewSchema,
  systemUserRequestBodySchema,
} from '../src/server/schemas.js';

type JsonObject = Record<string, unknown>;

/** Named schemas: each becomes `#/components/schemas/<name>`, and others refer to it there. */
const components = {
  ConsentRight: consentRightSchema,
  ConsentRequestBody: consentRequestBodySchema,
  AccessRequestBody: accessRequestBodySchema,
  SystemUserRequestBody: systemUserRequestBodySchema,
  RequestStatus: requestStatusSchema,
  RequestSubject: requestSubjectSchema,
  RequestView: requestViewSchema,
  RequestList: requestListSchema,
  LookupBody: lookupBodySchema,
  LookupAnswer: lookupAnswerSchema,
  Problem: problemDetailsSchema,
};

function componentSchemas(): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(components)) registry.add(schema, { id });
  // `input`: what a client may send (bodies strip unknown fields, they do not refuse them).
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'input',
    uri: (id) => `#/components/schemas/${id}`,
  });
  // Inside an OpenAPI document, a component is a plain schema: no `$schema`, no `$id` of its own.
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => [id, withoutKeys(schema, '$schema', '$id')]),
  );
}

function withoutKeys(schema: object, ...keys: string[]): JsonObject {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => !keys.includes(key)));
}

function parameterSchema(schema: z.ZodType): JsonObject {
  return withoutKeys(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }), '$schema');
}

const ref = (name: string) => ({ $ref: `#/components/responses/${name}` });
const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [String(status), ref('Problem')]));
const jsonBody = (schema: string) => ({
  required: true,
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } },
});
const idParameter = (description: string, format?: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  description,
  schema: { type: 'string', ...(format ? { format } : {}) },
});
const refresh = {
  name: 'refresh',
  in: 'query',
  required: false,
  description:
    'With `true`, an open request is read from Altinn now unless it was read in the last quarter second (the elements send it when the user comes back from Altinn and on a retry); otherwise Altinn is read at most every 2 seconds per request.',
  schema: { type: 'boolean' },
};
const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'The same on every retry of one request: a repeat answers the first request again, from any instance; the same key with another body answers 422 `idempotency-key-reused`.',
  schema: { type: 'string', format: 'uuid' },
};

type ListFilter = Exclude<keyof typeof listQuerySchema.shape, 'state' | 'limit' | 'cursor'>;

function listOperation(kind: string, operationId: string, filters: readonly ListFilter[]) {
  const names = [...filters, 'state', 'limit', 'cursor'] as const;
  return {
    operationId,
    summary: `The signed-in person's ${kind} requests, newest first`,
    description:
      'Filtered by what was asked and by `state` (`open`: still moving; `final`: finished; default `all`), a page of `limit` (1–100, default 20) at a time; `next` is the cursor of the next page, absent on the last.',
    parameters: names.map((name) => ({
      name,
      in: 'query',
      required: false,
      schema: parameterSchema(listQuerySchema.shape[name]),
    })),
    responses: { '200': ref('RequestList'), ...problems(400, 401) },
  };
}

function lookupOperation(kind: string, operationId: string) {
  return {
    operationId,
    summary: `Several of the signed-in person's ${kind} requests at once`,
    description:
      "1 to 100 ids; only the caller's requests come back (others are left out, never told apart). More than 100 ids, or a malformed one, is a 400.",
    requestBody: jsonBody('LookupBody'),
    responses: { '200': ref('LookupAnswer'), ...problems(400, 401, 403, 413, 415) },
  };
}

/** The whole document. */
export function openApiDocument(): JsonObject {
  return {
    openapi: '3.1.0',
    info: {
      title: 'altinn-request-elements backend',
      version: '2.0.0',
      summary: 'The portal backend that the altinn-request-elements web components call.',
      description:
        "The browser never calls Altinn. It calls the portal's own backend, which holds the Maskinporten credentials and knows who is signed in. This document describes that backend, so it can be written in any language; `altinn-request-elements/server` implements it for Fetch-API runtimes. Who asks and who is asked are decided by the backend from its own session: a `from`, `to` or `coveredBy` in a body is refused. Every answer about a request is the normalised request view (Altinn's vocabularies stay on the server), or a list of views. Every answer is `Cache-Control: no-store`. Generated from the server's zod schemas.",
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [
      { url: '/api/altinn', description: "The default mount path (the elements' `endpoint`)." },
    ],
    paths: {
      '/consent-requests': {
        post: {
          operationId: 'createConsentRequest',
          summary: 'Create an Altinn 3 consent request for the signed-in person',
          description:
            "Creates the request in Altinn with `from` = the signed-in person and `to` = the portal's organisation. The `id` is made by the element and reused on retry: an id that already exists answers 200 with the same request.",
          requestBody: jsonBody('ConsentRequestBody'),
          responses: {
            '201': ref('ConsentRequest'),
            '200': ref('ConsentRequest'),
            ...problems(400, 401, 403, 413, 415, 502, 504),
          },
        },
        get: listOperation('consent', 'listConsentRequests', ['resource']),
      },
      '/consent-requests/lookup': { post: lookupOperation('consent', 'lookupConsentRequests') },
      '/consent-requests/{id}': {
        get: {
          operationId: 'getConsentRequest',
          summary: "The current state of one of the signed-in person's consent requests",
          description: "Another person's request, or an unknown id, answers 404.",
          parameters: [idParameter('The consent request id.', 'uuid'), refresh],
          responses: { '200': ref('ConsentRequest'), ...problems(401, 404, 502, 504) },
        },
      },
      '/access-requests': {
        post: {
          operationId: 'createAccessRequest',
          summary: 'Create an access request ("Be om tilgang") on the signed-in person\'s behalf',
          description:
            "Creates the request in Altinn 3 (service owner delegation requests; the user confirms it on Altinn's page in a new tab, and the page polls) or Altinn 2 (`delegationRequests`; the user sends it on Altinn's page and comes back with `DelegationRequestId`). The person is the signed-in one; the organisation asked is `org`, checked against the session.",
          parameters: [idempotencyKey],
          requestBody: jsonBody('AccessRequestBody'),
          responses: {
            '201': ref('AccessRequest'),
            ...problems(400, 401, 403, 409, 413, 415, 422, 502, 504),
          },
        },
        get: listOperation('access', 'listAccessRequests', [
          'resource',
          'package',
          'service',
          'org',
        ]),
      },
      '/access-requests/lookup': { post: lookupOperation('access', 'lookupAccessRequests') },
      '/access-requests/{id}': {
        get: {
          operationId: 'getAccessRequest',
          summary: "The current state of one of the signed-in person's access requests",
          description:
            "Another person's request, or an unknown id, answers 404. The elements poll this while the status is `created` or `pending`.",
          parameters: [
            idParameter(
              'The id the create call answered (opaque: Altinn 3 ids are signed for the person).',
            ),
            refresh,
          ],
          responses: { '200': ref('AccessRequest'), ...problems(401, 404, 502, 504) },
        },
        delete: {
          operationId: 'withdrawAccessRequest',
          summary: "Withdraw one of the signed-in person's access requests",
          description:
            'A final request (`accepted`, `rejected` …) keeps its status: 409 `request-final`.',
          parameters: [idParameter('The access request id.')],
          responses: { '200': ref('AccessRequest'), ...problems(400, 401, 404, 409, 502, 504) },
        },
      },
      '/system-user-requests': {
        post: {
          operationId: 'createSystemUserRequest',
          summary:
            "Ask the signed-in person's organisation to create a system user for the vendor's system",
          description:
            "What is asked (system, rights, access packages) is the backend's configuration, chosen by `integration`. Altinn sends the user back to `redirectUrl` with nothing appended.",
          parameters: [idempotencyKey],
          requestBody: jsonBody('SystemUserRequestBody'),
          responses: {
            '201': ref('SystemUserRequest'),
            ...problems(400, 401, 403, 409, 413, 415, 422, 502, 504),
          },
        },
        get: listOperation('system user', 'listSystemUserRequests', ['integration']),
      },
      '/system-user-requests/lookup': {
        post: lookupOperation('system user', 'lookupSystemUserRequests'),
      },
      '/system-user-requests/{id}': {
        get: {
          operationId: 'getSystemUserRequest',
          summary: "The current state of one of the signed-in person's system user requests",
          parameters: [idParameter('The system user request id.'), refresh],
          responses: { '200': ref('SystemUserRequest'), ...problems(401, 404, 502, 504) },
        },
      },
    },
    components: {
      responses: {
        ConsentRequest: viewResponse('The consent request.'),
        AccessRequest: viewResponse('The access request.'),
        SystemUserRequest: viewResponse('The system user request.'),
        RequestList: schemaResponse('A page of the person’s requests.', 'RequestList'),
        LookupAnswer: schemaResponse('The caller’s requests among the ids.', 'LookupAnswer'),
        Problem: {
          description: 'What went wrong, as RFC 9457 problem details.',
          content: {
            'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
          },
        },
      },
      schemas: componentSchemas(),
    },
  };
}

function viewResponse(description: string) {
  return schemaResponse(description, 'RequestView');
}

function schemaResponse(description: string, schema: string) {
  return {
    description,
    content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } },
  };
}

// `tsx scripts/openapi.ts <file>` writes the document (the build's step).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2] ?? 'dist/server/openapi.json';
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
  console.log(`OpenAPI document written to ${file}`);
}
