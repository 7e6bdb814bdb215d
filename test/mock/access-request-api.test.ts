import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { MockAltinn } from '../../src/mock/index.js';
import {
  ACCESS_READ,
  ACCESS_WRITE,
  ALTINN3_REQUESTS,
  BANK,
  PERSON,
  PERSON_URN,
  READ,
  TAX_OFFICE,
  TESTFJORD,
  TESTFJORD_URN,
  WRITE,
  actOnPage,
  altinn3Status,
  createAltinn3,
  postAltinn3,
  startForAccess,
  type RequestDtoJson,
} from './helpers.js';

type Json = Record<string, unknown>;

/** A STD-00000 validation problem whose errors have exactly these codes (and paths, when given). */
async function expectValidation(
  res: Response,
  errors: [code: string, path?: string][],
): Promise<Json> {
  assert.equal(res.status, 400);
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const body = (await res.json()) as Json;
  assert.equal(body.code, 'STD-00000');
  const validationErrors = body.validationErrors as { code: string; paths: string[] }[];
  assert.deepEqual(
    validationErrors.map((error, index) =>
      errors[index]?.[1] === undefined ? [error.code] : [error.code, error.paths[0]],
    ),
    errors.map(([code, path]) => (path === undefined ? [code] : [code, path])),
  );
  return body;
}

function orgUrn(number: string): string {
  return `urn:altinn:organization:identifier-no:${number}`;
}

async function expectEmpty(res: Response, status: number): Promise<void> {
  assert.equal(res.status, status);
  assert.equal(await res.text(), '');
}

describe('mock Altinn 3 service owner delegation requests', () => {
  let altinn: MockAltinn;
  let token: string;
  let tokenFor: (orgNumber: string, scopes?: string[]) => Promise<string>;
  const clock = Date.UTC(2026, 5, 1, 12, 0, 0, 123);

  before(async () => {
    ({ altinn, token, tokenFor } = await startForAccess({ now: () => new Date(clock) }));
  });
  after(() => altinn.close());

  function withdraw(id: string, as = token): Promise<Response> {
    return fetch(`${altinn.url}${ALTINN3_REQUESTS}/${id}/withdraw`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${as}` },
    });
  }

  describe('authorisation', () => {
    it('answers 401 with an empty body without a token of the mock', async () => {
      await expectEmpty(await postAltinn3(altinn, undefined, '/resource', {}), 401);
      await expectEmpty(await postAltinn3(altinn, 'forged', '/package', {}), 401);
      await expectEmpty(
        await fetch(`${altinn.url}${ALTINN3_REQUESTS}/5b0c2a9e-1f7a-4c1e-9a43-9d2b8d7f0c11/status`),
        401,
      );
    });

    it('answers 403 with an empty body without the scope the route needs', async () => {
      const consentOnly = await tokenFor(BANK, [WRITE, READ]);
      const readOnly = await tokenFor(BANK, [ACCESS_READ]);
      const writeOnly = await tokenFor(BANK, [ACCESS_WRITE]);
      await expectEmpty(await postAltinn3(altinn, consentOnly, '/resource', {}), 403);
      await expectEmpty(await postAltinn3(altinn, readOnly, '/package', {}), 403);
      const created = await createAltinn3(altinn, writeOnly, { to: orgUrn(TAX_OFFICE) });
      await expectEmpty(
        await fetch(created.links.statusLink, {
          headers: { Authorization: `Bearer ${writeOnly}` },
        }),
        403,
      );
      await expectEmpty(await withdraw(created.id, readOnly), 403);
      assert.equal(await altinn3Status(altinn, readOnly, created.id), 'Draft');
    });
  });

  describe('POST resource', () => {
    it('answers 202 with a Draft RequestDto, its links and the three parties', async () => {
      const res = await postAltinn3(altinn, token, '/resource', {
        from: PERSON_URN,
        to: TESTFJORD_URN,
        resource: 'lonnsmodul-tilgang',
        rightKeys: ['read'],
      });
      assert.equal(res.status, 202);
      const dto = (await res.json()) as RequestDtoJson & Json;
      assert.match(dto.id, /^[0-9a-f-]{36}$/);
      assert.deepEqual(
        { ...dto, from: undefined, to: undefined, by: undefined },
        {
          id: dto.id,
          status: 'Draft',
          type: 'resource',
          lastUpdated: '2026-06-01T12:00:00.123+00:00',
          lastUpdatedBy: null,
          resource: { id: dto.resource?.id, referenceId: 'lonnsmodul-tilgang' },
          package: null,
          links: {
            detailsLink: `${altinn.url}/accessmanagement/ui/requests/resource?requestId=${dto.id}`,
            statusLink: `${altinn.url}${ALTINN3_REQUESTS}/${dto.id}/status`,
          },
          from: undefined,
          to: undefined,
          by: undefined,
        },
      );
      assert.match(dto.resource?.id ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-4/);
      assert.deepEqual(dto.from, {
        id: dto.from.id,
        name: 'Test Testesen',
        type: 'Person',
        variant: 'Person',
        organizationIdentifier: null,
        personIdentifier: PERSON,
      });
      assert.equal(dto.to.name, 'SPAREBANKEN TESTFJORD');
      assert.equal(dto.to.type, 'Organisasjon');
      assert.equal(dto.to.organizationIdentifier, TESTFJORD);
      assert.equal(dto.to.personIdentifier, null);
      assert.equal(dto.by.organizationIdentifier, BANK, 'by: the service owner (token consumer)');
      assert.equal(dto.by.variant, 'ASA');
      assert.notEqual(dto.from.id, dto.to.id);
      // Accepted and ignored, as by Altinn (`CreateResourceRequest` never passes it on).
      assert.ok(!('rightKeys' in (altinn.accessRequests.get(dto.id) ?? {})), 'rightKeys not kept');
      assert.equal(await altinn3Status(altinn, token, dto.id), 'Draft');
    });

    it('answers the existing Draft for the same parties and resource, a new one otherwise', async () => {
      const first = await createAltinn3(altinn, token, { resource: 'regnskap-innsyn' });
      const again = await createAltinn3(altinn, token, { resource: 'regnskap-innsyn' });
      assert.equal(again.id, first.id);
      const otherPerson = await createAltinn3(altinn, token, {
        resource: 'regnskap-innsyn',
        from: 'urn:altinn:person:identifier-no:12859040150',
      });
      assert.notEqual(otherPerson.id, first.id);
      assert.equal(await actOnPage(altinn, first.id, 'confirm'), true);
      const afterConfirm = await createAltinn3(altinn, token, { resource: 'regnskap-innsyn' });
      assert.notEqual(afterConfirm.id, first.id, 'a Pending request is no Draft to reuse');
    });

    it('binds property names case-insensitively', async () => {
      const res = await postAltinn3(altinn, token, '/resource', {
        From: PERSON_URN,
        TO: TESTFJORD_URN,
        Resource: 'regnskap-innsyn',
      });
      assert.equal(res.status, 202);
    });

    const refusals: [string, Json, [string, string?][]][] = [
      ['an unknown resource', { resource: 'finnes-ikke' }, [['AMSO.VLD-00003', 'resource']]],
      [
        'a resource that cannot be delegated',
        { resource: 'ikke-delegerbar-ressurs' },
        [['AM.VLD-00049', 'resource']],
      ],
      [
        "another service owner's resource",
        { resource: 'skatteetaten-ressurs' },
        [['AMSO.VLD-00006', 'resource']],
      ],
      [
        'a consent resource (owned by nobody)',
        { resource: 'samtykke-fullmakt' },
        [['AMSO.VLD-00006']],
      ],
      [
        'URNs with other prefixes',
        {
          from: 'urn:altinn:party:uuid:5b0c2a9e-1f7a-4c1e-9a43-9d2b8d7f0c11',
          to: `urn:altinn:organization:identifier-no:${TESTFJORD}:x`,
        },
        [
          ['AMSO.VLD-00001', '/from'],
          ['AMSO.VLD-00001', '/to'],
        ],
      ],
      [
        'parties not in the register',
        {
          from: 'urn:altinn:person:identifier-no:01010112345',
          to: 'urn:altinn:organization:identifier-no:999999999',
        },
        [
          ['AMSO.VLD-00002', '/from'],
          ['AMSO.VLD-00002', '/to'],
        ],
      ],
      ['a request to oneself', { from: TESTFJORD_URN }, [['AM.VLD-00045']]],
      ['a missing resource', { resource: undefined }, [['STD.VLD-00000', '/resource']]],
      ['a from that is no string', { from: 42 }, [['STD.VLD-00017', '/from']]],
    ];
    for (const [name, overrides, errors] of refusals) {
      it(`refuses ${name}`, async () => {
        const res = await postAltinn3(altinn, token, '/resource', {
          from: PERSON_URN,
          to: TESTFJORD_URN,
          resource: 'lonnsmodul-tilgang',
          ...overrides,
        });
        await expectValidation(res, errors);
      });
    }

    it('lets the tax office ask for its own resource', async () => {
      const taxToken = await tokenFor(TAX_OFFICE);
      const dto = await createAltinn3(altinn, taxToken, { resource: 'skatteetaten-ressurs' });
      assert.equal(dto.by.organizationIdentifier, TAX_OFFICE);
    });

    it('answers 415 for another media type and a JSON error for a broken body', async () => {
      const text = await fetch(`${altinn.url}${ALTINN3_REQUESTS}/resource`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/plain' },
        body: '{}',
      });
      assert.equal(text.status, 415);
      await expectValidation(await postAltinn3(altinn, token, '/resource', '{"from":'), [
        ['STD.VLD-00017', '/'],
      ]);
    });
  });

  describe('POST package', () => {
    it('finds a package by URN, by its last part and by id', async () => {
      const byUrn = await postAltinn3(altinn, token, '/package', {
        from: PERSON_URN,
        to: TESTFJORD_URN,
        package: 'urn:altinn:accesspackage:regnskapsforer-lonn',
      });
      assert.equal(byUrn.status, 202);
      const dto = (await byUrn.json()) as RequestDtoJson;
      assert.equal(dto.type, 'package');
      assert.equal(dto.resource, null);
      assert.deepEqual(dto.package, {
        id: '5eb07bdc-5c3c-4c85-add3-5405b214b8a3',
        referenceId: 'urn:altinn:accesspackage:regnskapsforer-lonn',
      });
      for (const value of ['regnskapsforer-lonn', '5eb07bdc-5c3c-4c85-add3-5405b214b8a3']) {
        const again = await postAltinn3(altinn, token, '/package', {
          from: PERSON_URN,
          to: TESTFJORD_URN,
          package: value,
        });
        assert.equal(((await again.json()) as RequestDtoJson).id, dto.id, value);
      }
    });

    it('reuses a Draft only for the same service owner (the assignment includes by)', async () => {
      const body = { from: PERSON_URN, to: TESTFJORD_URN, package: 'ansettelsesforhold' };
      const bank = (await (
        await postAltinn3(altinn, token, '/package', body)
      ).json()) as RequestDtoJson;
      const taxToken = await tokenFor(TAX_OFFICE);
      const tax = (await (
        await postAltinn3(altinn, taxToken, '/package', body)
      ).json()) as RequestDtoJson;
      assert.notEqual(tax.id, bank.id);
      assert.equal(tax.by.organizationIdentifier, TAX_OFFICE);
      const bankAgain = (await (
        await postAltinn3(altinn, token, '/package', body)
      ).json()) as RequestDtoJson;
      assert.equal(bankAgain.id, bank.id);
    });

    it('refuses an unknown package, one that cannot be assigned, and none', async () => {
      const post = (pkg: unknown, extra: Json = {}): Promise<Response> =>
        postAltinn3(altinn, token, '/package', {
          from: PERSON_URN,
          to: TESTFJORD_URN,
          package: pkg,
          ...extra,
        });
      await expectValidation(await post('urn:altinn:accesspackage:finnes-ikke'), [
        ['AM.VLD-00011', '/package'],
      ]);
      await expectValidation(await post('urn:altinn:accesspackage:hovedadministrator'), [
        ['AM.VLD-00048', '/package'],
      ]);
      await expectValidation(await post(''), [['AMSO.VLD-00001', '/package']]);
      await expectValidation(
        await post('urn:altinn:accesspackage:finnes-ikke', {
          to: 'urn:altinn:organization:identifier-no:999999999',
        }),
        [
          ['AMSO.VLD-00002', '/to'],
          ['AM.VLD-00011', '/package'],
        ],
      );
    });
  });

  describe('endpoints the product never calls', () => {
    it('serves neither the root POST nor _meta', async () => {
      const root = await postAltinn3(altinn, token, '', {
        from: TESTFJORD_URN,
        to: PERSON_URN,
        resource: { referenceId: 'regnskap-innsyn' },
      });
      assert.equal(root.status, 404);
      const meta = await fetch(`${altinn.url}${ALTINN3_REQUESTS}/_meta/urns/party`);
      assert.equal(meta.status, 404);
    });
  });

  describe('status and withdraw', () => {
    it('answers the status as a JSON string, and AM.VLD-00035 for an unknown id', async () => {
      const created = await createAltinn3(altinn, token, {
        from: 'urn:altinn:person:identifier-no:03878540084',
      });
      const res = await fetch(created.links.statusLink, {
        headers: { Authorization: `Bearer ${token}` },
      });
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      assert.equal(await res.text(), '"Draft"');
      const unknown = await fetch(
        `${altinn.url}${ALTINN3_REQUESTS}/5b0c2a9e-1f7a-4c1e-9a43-9d2b8d7f0c11/status`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
      await expectValidation(unknown, [['AM.VLD-00035']]);
      const bad = await fetch(`${altinn.url}${ALTINN3_REQUESTS}/nope/status`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      await expectValidation(bad, [['STD.VLD-00002', '/id']]);
      // the status route checks the scope, not who created the request
      const other = await tokenFor(TAX_OFFICE);
      assert.equal(await altinn3Status(altinn, other, created.id), 'Draft');
    });

    it('follows the lifecycle: Draft → Pending → Approved | Rejected', async () => {
      const approved = await createAltinn3(altinn, token, {
        resource: 'regnskap-innsyn',
        to: orgUrn('310456780'),
      });
      assert.equal(await actOnPage(altinn, approved.id, 'approve'), false, 'not from Draft');
      await actOnPage(altinn, approved.id, 'confirm');
      assert.equal(await altinn3Status(altinn, token, approved.id), 'Pending');
      assert.equal(await actOnPage(altinn, approved.id, 'approve'), true);
      assert.equal(await altinn3Status(altinn, token, approved.id), 'Approved');
      const rejected = await createAltinn3(altinn, token, {
        resource: 'regnskap-innsyn',
        to: orgUrn('312987651'),
      });
      await actOnPage(altinn, rejected.id, 'confirm');
      assert.equal(await actOnPage(altinn, rejected.id, 'reject'), true);
      assert.equal(await altinn3Status(altinn, token, rejected.id), 'Rejected');
    });

    it('withdraws from Draft and Pending with 200 "Withdrawn", else AM.VLD-00036', async () => {
      const draft = await createAltinn3(altinn, token, {
        resource: 'lonnsmodul-tilgang',
        to: orgUrn('310456780'),
      });
      const res = await withdraw(draft.id);
      assert.equal(res.status, 200);
      assert.equal(await res.json(), 'Withdrawn');
      assert.equal(await altinn3Status(altinn, token, draft.id), 'Withdrawn');
      await expectValidation(await withdraw(draft.id), [['AM.VLD-00036']]);

      const pending = await createAltinn3(altinn, token, {
        resource: 'lonnsmodul-tilgang',
        to: orgUrn('312987651'),
      });
      await actOnPage(altinn, pending.id, 'confirm');
      assert.equal(await (await withdraw(pending.id)).json(), 'Withdrawn');

      const approved = await createAltinn3(altinn, token, {
        resource: 'lonnsmodul-tilgang',
        from: 'urn:altinn:person:identifier-no:12859040150',
      });
      await actOnPage(altinn, approved.id, 'confirm');
      await actOnPage(altinn, approved.id, 'approve');
      const refused = await withdraw(approved.id);
      const body = await expectValidation(refused, [['AM.VLD-00036']]);
      assert.match(JSON.stringify(body), /from Approved to Withdrawn/);
      assert.equal(await altinn3Status(altinn, token, approved.id), 'Approved');
    });

    it('lets only the service owner that created it withdraw it (403, empty)', async () => {
      const created = await createAltinn3(altinn, token, {
        from: 'urn:altinn:person:identifier-no:12859040150',
        resource: 'regnskap-innsyn',
        to: orgUrn('310456780'),
      });
      await expectEmpty(await withdraw(created.id, await tokenFor(TAX_OFFICE)), 403);
      assert.equal(await altinn3Status(altinn, token, created.id), 'Draft');
      await expectValidation(await withdraw('5b0c2a9e-1f7a-4c1e-9a43-9d2b8d7f0c11'), [
        ['AM.VLD-00035'],
      ]);
    });

    it('has no GET of a whole request, and only the documented methods', async () => {
      const created = await createAltinn3(altinn, token, {
        resource: 'regnskap-innsyn',
        from: 'urn:altinn:person:identifier-no:03878540084',
      });
      const auth = { Authorization: `Bearer ${token}` };
      assert.equal(
        (await fetch(`${altinn.url}${ALTINN3_REQUESTS}/${created.id}`, { headers: auth })).status,
        404,
      );
      assert.equal(
        (await fetch(`${altinn.url}${ALTINN3_REQUESTS}/resource`, { headers: auth })).status,
        405,
      );
      assert.equal(
        (await fetch(`${created.links.statusLink}`, { method: 'POST', headers: auth })).status,
        405,
      );
      assert.equal(
        (await fetch(`${altinn.url}${ALTINN3_REQUESTS}/${created.id}/withdraw`, { headers: auth }))
          .status,
        405,
      );
    });
  });

  it('counts calls in stats', async () => {
    const before = altinn.stats.altinn3DelegationRequests;
    await createAltinn3(altinn, token, { resource: 'regnskap-innsyn' });
    await fetch(`${altinn.url}${ALTINN3_REQUESTS}/resource`);
    assert.equal(altinn.stats.altinn3DelegationRequests - before, 2);
    assert.equal(altinn.stats.altinn2DelegationRequests, 0);
  });
});
