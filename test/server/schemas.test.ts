/**
 * The server's zod schemas: request bodies refused and accepted exactly as the elements' valibot
 * schemas do today (so one can replace the other), Altinn's answers read tolerantly, and the
 * OpenAPI document generated from them describing every route of the contract.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { openApiDocument } from '../../scripts/openapi.js';
import * as valibot from '../../src/core/schemas.js';
import {
  accessRequestBodySchema,
  altinn2DelegationRequestSchema,
  altinn3RequestSchema,
  altinnConsentRequestSchema,
  consentRequestBodySchema,
  listQuerySchema,
  lookupBodySchema,
  requestViewSchema,
  systemUserRequestSchema,
  validate,
} from '../../src/server/schemas.js';

const consentBody = {
  id: '6f0c3a52-1d7e-4a8b-9c2d-3e4f5a6b7c8d',
  rights: [{ resource: 'standard-samtykke-for-dele-data', metadata: { inntektsaar: '2024' } }],
  validTo: 'P90D',
  requestMessage: { nb: 'Vi ber om samtykke.' },
  redirectUrl: 'https://portal.example/samtykke',
};
const accessBody = {
  resource: 'lonn-modul',
  org: '991825827',
  redirectUrl: 'https://portal.example/',
};

/** Values a browser (or an attacker) may put in a field. */
const fieldValue = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(
    '',
    'P0D',
    'P',
    'PT',
    '2027-01-31T23:59:59+01:00',
    '2027-02-31T23:59:59Z',
    '2027-01-31T23:59:59',
    'javascript:alert(1)',
    '//evil.example',
    'https://portal.example/',
    '991825827',
    '991825828',
    'lonn-modul',
    '-lonn',
    ['x'],
    [],
    [{ serviceCode: '4751', serviceEditionCode: 1 }],
    [{ serviceCode: '4751', serviceEditionCode: 0 }],
    [{ serviceCode: 'x', serviceEditionCode: 1.5 }],
    [{ resource: 'r', action: [] }],
    [{ resource: 'r', metadata: { a: '' } }],
    { nb: 'x'.repeat(4001) },
    { nb: 'hei', de: 'hallo' },
  ),
);

function sameVerdict(zodSchema: Parameters<typeof validate>[0], valibotSchema: unknown) {
  return (body: unknown) => {
    const zod = validate(zodSchema, body);
    const old = valibot.validate(valibotSchema as Parameters<typeof valibot.validate>[0], body);
    assert.equal(zod.success, old.success, JSON.stringify(body));
    if (!zod.success && !old.success) {
      // Valibot takes an array for an object and names its missing keys (`rights.0.resource`);
      // zod names the array itself (`rights.0`). Every problem is still found at or above its field.
      const within = (outer: string, inner: string) =>
        inner === outer || inner.startsWith(`${outer}.`);
      const zodPaths = zod.problems.map((problem) => problem.path);
      const oldPaths = old.problems.map((problem) => problem.path);
      for (const path of oldPaths) {
        assert.ok(
          zodPaths.some((zodPath) => within(zodPath, path)),
          `${path} in ${JSON.stringify(body)}`,
        );
      }
      for (const path of zodPaths) {
        assert.ok(
          oldPaths.some((oldPath) => within(path, oldPath)),
          `${path} in ${JSON.stringify(body)}`,
        );
      }
    }
  };
}

describe('request bodies, as the elements’ schemas had them', () => {
  it('judges consent bodies with one field changed as before, naming the same fields', () => {
    const field = fc.constantFrom(
      'id',
      'rights',
      'validTo',
      'requestMessage',
      'redirectUrl',
      'extra',
    );
    fc.assert(
      fc.property(field, fieldValue, (name, value) =>
        sameVerdict(
          consentRequestBodySchema,
          valibot.consentRequestBodySchema,
        )({
          ...consentBody,
          [name]: value,
        }),
      ),
      { numRuns: 400 },
    );
  });

  it('judges access bodies with one field changed as before, naming the same fields', () => {
    const field = fc.constantFrom('resource', 'package', 'services', 'org', 'redirectUrl');
    fc.assert(
      fc.property(field, fieldValue, (name, value) =>
        sameVerdict(
          accessRequestBodySchema,
          valibot.accessRequestBodySchema,
        )({
          ...accessBody,
          [name]: value,
        }),
      ),
      { numRuns: 400 },
    );
  });

  it('says what is wrong in words, at the field', () => {
    const result = validate(consentRequestBodySchema, {
      ...consentBody,
      rights: [{ resource: 'standard-samtykke-for-dele-data', metadata: { inntektsaar: 2024 } }],
      validTo: 'soon',
    });
    assert.deepEqual(result, {
      success: false,
      problems: [
        { path: 'rights.0.metadata.inntektsaar', message: 'expected string' },
        {
          path: 'validTo',
          message: 'must be an ISO 8601 date-time with offset, or a duration such as P90D',
        },
      ],
    });
    assert.deepEqual(validate(accessRequestBodySchema, { ...accessBody, package: 'p' }), {
      success: false,
      problems: [{ path: 'body', message: 'name exactly one of resource, package or services' }],
    });
  });

  it('takes 1 to 100 well-formed ids in a lookup', () => {
    const ids = (count: number) => Array.from({ length: count }, (_, index) => `id-${index}`);
    assert.equal(validate(lookupBodySchema, { ids: ids(100) }).success, true);
    assert.equal(validate(lookupBodySchema, { ids: ids(101) }).success, false);
    assert.equal(validate(lookupBodySchema, { ids: [] }).success, false);
    assert.equal(validate(lookupBodySchema, { ids: ['a/../b'] }).success, false);
    assert.equal(validate(lookupBodySchema, { ids: ['abc.SIGNED_mac-1'] }).success, true);
  });

  it('reads a list query with defaults, and refuses a limit beyond 100', () => {
    assert.deepEqual(validate(listQuerySchema, { resource: 'r' }), {
      success: true,
      data: { resource: 'r', state: 'all', limit: 20 },
    });
    assert.equal(validate(listQuerySchema, { state: 'open', limit: '100' }).success, true);
    assert.equal(validate(listQuerySchema, { limit: '500' }).success, false);
    assert.equal(validate(listQuerySchema, { state: 'done' }).success, false);
  });
});

describe('what the server reads from Altinn', () => {
  it('reads enum words in any case, and keeps unknown fields', () => {
    const consent = altinnConsentRequestSchema.parse({
      id: 'c1',
      status: 'ACCEPTED',
      consentRequestEvents: [{ eventType: 'accepted', created: '2026-12-01T12:00:00Z' }],
      portalViewMode: 'Hide',
    });
    assert.equal(consent.status, 'accepted');
    assert.equal(consent.consentRequestEvents?.[0]?.eventType, 'accepted');
    assert.equal(consent['portalViewMode'], 'Hide');
    // A word this version does not know is kept apart, never taken for a known one.
    assert.equal(altinn3RequestSchema.parse({ id: 'r1', status: 'Escalated' }).status, 'other');
  });

  it('reads the internal shape of a repeated consent create', () => {
    const repeated = altinnConsentRequestSchema.parse({
      id: 'c1',
      consentRequestStatus: 'Created',
      templateId: 't',
      consentRequestEvents: null,
    });
    assert.equal(repeated.consentRequestStatus, 'created');
    assert.equal(repeated.status, undefined);
  });

  it('reads Altinn 2’s HAL and a system user request', () => {
    const altinn2 = altinn2DelegationRequestSchema.parse({
      Guid: '1a9e3a32-0000-4000-8000-000000000000',
      RequestStatus: 'Unopened',
      _links: { sendRequest: { href: 'https://tt02.altinn.no/ui/DelegationRequest/send/1' } },
    });
    assert.equal(altinn2.RequestStatus, 'unopened');
    assert.equal(
      altinn2._links?.sendRequest?.href,
      'https://tt02.altinn.no/ui/DelegationRequest/send/1',
    );
    const systemUser = systemUserRequestSchema.parse({
      id: 's1',
      systemId: '991825827_payroll',
      partyOrgNo: '974760673',
      status: 'New',
      timedOut: true,
      confirmUrl: 'https://am.ui.tt02.altinn.no/accessmanagement/ui/systemuser/request?id=s1',
    });
    assert.equal(systemUser.status, 'new');
    assert.equal(systemUser.timedOut, true);
    assert.equal(
      altinn3RequestSchema.safeParse({ status: 'Draft' }).success,
      false,
      'an id is needed',
    );
  });
});

describe('the generated OpenAPI document', () => {
  const document = openApiDocument() as {
    openapi: string;
    paths: Record<string, Record<string, unknown>>;
    components: { schemas: Record<string, unknown> };
  };

  it('describes every route of the contract', () => {
    assert.equal(document.openapi, '3.1.0');
    const routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    for (const kind of ['consent', 'access', 'system-user']) {
      for (const route of [
        `POST /${kind}-requests`,
        `GET /${kind}-requests`,
        `GET /${kind}-requests/{id}`,
        `POST /${kind}-requests/lookup`,
      ]) {
        assert.ok(routes.includes(route), route);
      }
    }
    assert.ok(routes.includes('DELETE /access-requests/{id}'));
  });

  it('describes the view the server answers', () => {
    const view = requestViewSchema.parse({
      kind: 'access',
      id: 'a1',
      status: 'pending',
      createdAt: '2026-12-01T12:00:00.000Z',
      updatedAt: '2026-12-01T12:00:00.000Z',
      subject: { resource: 'lonn-modul' },
    });
    assert.equal(view.subject?.resource, 'lonn-modul');
    const described = document.components.schemas['RequestView'] as {
      properties: Record<string, unknown>;
    };
    assert.deepEqual(
      Object.keys(described.properties).sort(),
      Object.keys(requestViewSchema.shape).sort(),
    );
  });
});
