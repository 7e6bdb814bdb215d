/**
 * The server's zod schemas: request bodies accepted and refused by the contract's rules (fuzzed one
 * field at a time, judged against the rules written out plainly here), each refusal named at its
 * field in words; Altinn's answers read tolerantly; and the OpenAPI document generated from them
 * describing every route of the contract.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { openApiDocument } from '../../scripts/openapi.js';
import { isOrganizationNumber } from '../../src/core/organization-number.js';
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

// The contract's rules for one field, written out plainly (not with zod), to judge the schemas by.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RESOURCE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;
const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(?:\.\d+)?S)?)?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown, max = 200): value is string =>
  typeof value === 'string' && value.length >= 1 && value.length <= max;
const isResourceId = (value: unknown) => typeof value === 'string' && RESOURCE_ID.test(value);
const isListOf = (value: unknown, min: number, max: number, each: (item: unknown) => boolean) =>
  Array.isArray(value) && value.length >= min && value.length <= max && value.every(each);
const isRedirectUrl = (value: unknown) =>
  typeof value === 'string' && value.length <= 2048 && URL.canParse(value);

const isRight = (value: unknown) =>
  isPlainObject(value) &&
  isResourceId(value.resource) &&
  (value.action === undefined || isListOf(value.action, 1, Infinity, (a) => isText(a))) &&
  (value.metadata === undefined ||
    (isPlainObject(value.metadata) &&
      Object.entries(value.metadata).every(([key, text]) => isText(key) && isText(text))));

const CONSENT_RULES: Record<string, (value: unknown) => boolean> = {
  id: (value) => typeof value === 'string' && UUID.test(value),
  rights: (value) => isListOf(value, 1, 50, isRight),
  validTo: (value) =>
    typeof value === 'string' &&
    (DURATION.test(value) || (DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)))),
  requestMessage: (value) =>
    isPlainObject(value) &&
    ['nb', 'nn', 'en'].every((lang) => value[lang] === undefined || isText(value[lang], 4000)),
  redirectUrl: isRedirectUrl,
  extra: () => true,
};

const isService = (value: unknown) =>
  isPlainObject(value) &&
  typeof value.serviceCode === 'string' &&
  /^\d{1,10}$/.test(value.serviceCode) &&
  Number.isInteger(value.serviceEditionCode) &&
  (value.serviceEditionCode as number) >= 1;

const ACCESS_RULES: Record<string, (value: unknown) => boolean> = {
  resource: isResourceId,
  package: isResourceId,
  services: (value) => isListOf(value, 1, 20, isService),
  org: (value) => typeof value === 'string' && isOrganizationNumber(value),
  redirectUrl: isRedirectUrl,
};

/** Every message a refusal may carry: the handler's `invalid-body` detail repeats them. */
const MESSAGES = [
  /^expected [a-z ]+$/,
  /^must not be empty$/,
  /^too long \(at most \d+\)$/,
  /^has an invalid format$/,
  /^must be a positive whole number$/,
  /^must be an absolute URL$/,
  /^must be a valid organisation number$/,
  /^must be an ISO 8601 date-time with offset, or a duration such as P90D$/,
  /^name exactly one of resource, package or services$/,
];

/**
 * Judges `body`, which is `base` with `name` set to `value`: accepted exactly when the rules say so,
 * the field carried on (an unknown one dropped), and every refusal named at that field (or at `body`, for the rule that
 * spans fields) in words the handler passes on.
 */
function judge(
  schema: Parameters<typeof validate>[0],
  rules: Record<string, (value: unknown) => boolean>,
  base: Record<string, unknown>,
  extraRule: (body: Record<string, unknown>) => boolean = () => true,
) {
  return (name: string, value: unknown) => {
    const body = { ...base, [name]: value };
    const label = JSON.stringify(body);
    const expected = rules[name]!(value) && extraRule(body);
    const result = validate(schema, body);
    assert.equal(result.success, expected, label);
    if (result.success) {
      // Objects come back without members the contract does not know; anything else as given.
      const carried = (result.data as Record<string, unknown>)[name];
      if (name === 'extra') assert.equal(carried, undefined, label);
      else if (typeof value === 'object') assert.notEqual(carried, undefined, label);
      else assert.equal(carried, value, label);
      return;
    }
    for (const problem of result.problems) {
      assert.ok(
        problem.path === name || problem.path.startsWith(`${name}.`) || problem.path === 'body',
        `${problem.path} in ${label}`,
      );
      assert.ok(
        MESSAGES.some((message) => message.test(problem.message)),
        `${problem.message} in ${label}`,
      );
    }
  };
}

describe('request bodies', () => {
  it('accepts and refuses consent bodies with one field changed by the rules, at that field', () => {
    const field = fc.constantFrom(
      'id',
      'rights',
      'validTo',
      'requestMessage',
      'redirectUrl',
      'extra',
    );
    fc.assert(
      fc.property(field, fieldValue, judge(consentRequestBodySchema, CONSENT_RULES, consentBody)),
      { numRuns: 400 },
    );
  });

  it('accepts and refuses access bodies with one field changed by the rules, at that field', () => {
    const field = fc.constantFrom('resource', 'package', 'services', 'org', 'redirectUrl');
    const exactlyOne = (body: Record<string, unknown>) =>
      ['resource', 'package', 'services'].filter((name) => body[name] !== undefined).length === 1;
    fc.assert(
      fc.property(
        field,
        fieldValue,
        judge(accessRequestBodySchema, ACCESS_RULES, accessBody, exactlyOne),
      ),
      { numRuns: 400 },
    );
  });

  it('accepts the bodies the elements send, and a validity the handler checks later', () => {
    assert.equal(validate(consentRequestBodySchema, consentBody).success, true);
    assert.equal(validate(accessRequestBodySchema, accessBody).success, true);
    for (const validTo of ['P0D', '2027-01-31T23:59:59+01:00', 'PT12H', 'P1Y6M']) {
      assert.equal(
        validate(consentRequestBodySchema, { ...consentBody, validTo }).success,
        true,
        validTo,
      );
    }
    const services = [{ serviceCode: '4751', serviceEditionCode: 1 }];
    assert.equal(
      validate(accessRequestBodySchema, { services, redirectUrl: accessBody.redirectUrl }).success,
      true,
    );
  });

  it('refuses what the elements must never send', () => {
    const refused: [string, Record<string, unknown>][] = [
      ['validTo', { validTo: '2027-01-31T23:59:59' }],
      ['validTo', { validTo: 'P' }],
      ['rights', { rights: [] }],
      ['rights.0.action', { rights: [{ resource: 'r', action: [] }] }],
      ['rights.0.metadata.a', { rights: [{ resource: 'r', metadata: { a: '' } }] }],
      ['requestMessage.nb', { requestMessage: { nb: 'x'.repeat(4001) } }],
      ['redirectUrl', { redirectUrl: '//evil.example' }],
      ['id', { id: 'not-a-uuid' }],
    ];
    for (const [path, change] of refused) {
      const result = validate(consentRequestBodySchema, { ...consentBody, ...change });
      assert.equal(result.success, false, JSON.stringify(change));
      if (!result.success) {
        assert.ok(
          result.problems.some((problem) => problem.path === path),
          `${path} in ${JSON.stringify(result.problems)}`,
        );
      }
    }
    for (const change of [
      { org: '991825828' },
      { resource: '-lonn' },
      { resource: undefined, services: [{ serviceCode: '4751', serviceEditionCode: 0 }] },
      { resource: undefined, services: [{ serviceCode: 'x', serviceEditionCode: 1.5 }] },
      { package: 'p' },
    ]) {
      assert.equal(
        validate(accessRequestBodySchema, { ...accessBody, ...change }).success,
        false,
        JSON.stringify(change),
      );
    }
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
