import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { SignJWT, generateKeyPair } from 'jose';
import defaults from '../../src/mock/defaults.json' with { type: 'json' };
import type { MockAltinn } from '../../src/mock/index.js';
import {
  ACCOUNTING_FIRM,
  BANK,
  BANK_URN,
  CONSENT_REQUESTS,
  OTHER_BANK,
  PERSON_URN,
  READ,
  WRITE,
  accessToken,
  consentBody,
  createConsent,
  getConsent,
  inDays,
  makeClient,
  postConsent,
  requestToken,
  right,
  signGrant,
  startWithBank,
} from './helpers.js';

const ORG = 'altinn:consentrequests.org';
/** An IT operations company the bank delegated its consent scopes to (altinn-api.md 2.9). */
const OPERATOR = '312987651';

type Json = Record<string, unknown>;

async function json(res: Response): Promise<Json> {
  return (await res.json()) as Json;
}

/** Asserts a single AltinnProblemDetails with `code` and HTTP `status`; returns it. */
async function expectProblem(res: Response, status: number, code: string): Promise<Json> {
  assert.equal(res.status, status);
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const body = await json(res);
  assert.equal(body.code, code);
  assert.equal(body.type, `urn:altinn:error:${code}`);
  assert.equal(body.status, status);
  assert.equal(typeof body.title, 'string');
  assert.equal(typeof body.detail, 'string');
  assert.match(body.traceId as string, /^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
  return body;
}

/** Asserts a STD-00000 validation problem whose errors have exactly these codes and paths. */
async function expectValidation(
  res: Response,
  errors: [code: string, path: string][],
): Promise<Json> {
  const body = await expectProblem(res, 400, 'STD-00000');
  const validationErrors = body.validationErrors as {
    code: string;
    paths: string[];
    detail: string;
  }[];
  assert.deepEqual(
    validationErrors.map((error) => [error.code, error.paths[0]]),
    errors,
  );
  return body;
}

async function expectEmpty(res: Response, status: number): Promise<void> {
  assert.equal(res.status, status);
  assert.equal(await res.text(), '');
}

describe('mock consent API', () => {
  let altinn: MockAltinn;
  let token: string;
  let clock = Date.now();

  before(async () => {
    ({ altinn, token } = await startWithBank({
      now: () => new Date(clock),
      resources: [
        ...defaults.resources,
        {
          id: 'kun-for-testfjord',
          consentTemplate: 'default',
          requesters: [OTHER_BANK],
        },
      ],
    }));
  });
  after(() => altinn.close());

  describe('create', () => {
    it('answers 201 with ConsentRequestDetails and a Location', async () => {
      const body = consentBody();
      const res = await postConsent(altinn, token, body);
      assert.equal(res.status, 201);
      assert.equal(
        res.headers.get('location'),
        `${altinn.url}${CONSENT_REQUESTS}/${body.id as string}`,
      );
      const created = await json(res);
      assert.deepEqual(Object.keys(created), [
        'id',
        'from',
        'to',
        'requiredDelegator',
        'handledBy',
        'validTo',
        'consentRights',
        'requestMessage',
        'status',
        'consented',
        'redirectUrl',
        'consentRequestEvents',
        'viewUri',
        'portalViewMode',
      ]);
      assert.equal(created.id, body.id);
      assert.equal(created.status, 'Created');
      assert.equal(created.portalViewMode, 'Hide');
      assert.equal(created.consented, null);
      assert.equal(
        created.viewUri,
        `${altinn.url}/accessmanagement/ui/consent/request?id=${body.id as string}`,
      );
      assert.match(
        created.validTo as string,
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?\+00:00$/,
      );
      const [event, ...others] = created.consentRequestEvents as Json[];
      assert.equal(others.length, 0);
      assert.equal(event?.eventType, 'Created');
      assert.equal(event?.performedBy, BANK_URN);
      assert.equal(event?.consentRequestID, body.id);
      assert.match(event?.consentEventID as string, /^[0-9a-f]{8}-[0-9a-f]{4}-7/);

      const read = await getConsent(altinn, token, body.id as string);
      assert.equal(read.status, 200);
      assert.deepEqual(await json(read), created);
    });

    it('answers the same id with the same parties by 200 in the internal model', async () => {
      const body = consentBody();
      assert.equal((await postConsent(altinn, token, body)).status, 201);
      const res = await postConsent(altinn, token, {
        ...body,
        requestMessage: { nb: 'Noe annet' },
      });
      assert.equal(res.status, 200);
      const existing = await json(res);
      assert.equal(existing.consentRequestStatus, 'Created');
      assert.equal('status' in existing, false);
      assert.equal(existing.templateId, 'default');
      assert.equal(existing.templateVersion, 1);
      assert.equal(existing.from, PERSON_URN);
      assert.deepEqual(
        existing.requestMessage,
        body.requestMessage,
        'the stored request, not the new body',
      );
      const [event] = existing.consentRequestEvents as Json[];
      assert.match(event?.performedBy as string, /^urn:altinn:party:uuid:[0-9a-f-]{36}$/);
      const [storedRight] = existing.consentRights as { resource: Json[] }[];
      assert.equal(storedRight?.resource[0]?.version, '1');
    });

    it('refuses the same id for other parties with AM-00016', async () => {
      const body = consentBody();
      assert.equal((await postConsent(altinn, token, body)).status, 201);
      const res = await postConsent(altinn, token, {
        ...body,
        from: 'urn:altinn:person:identifier-no:12859040150',
      });
      const problem = await expectProblem(res, 400, 'AM-00016');
      assert.equal(problem.requestId, body.id);
    });

    it('takes a trailing slash and property names in any case (metaData, ConsentRights)', async () => {
      const body = consentBody();
      delete body.consentRights;
      const res = await fetch(`${altinn.url}${CONSENT_REQUESTS}/`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({
          ...body,
          ConsentRights: [
            {
              Action: ['consent'],
              Resource: [{ Type: 'urn:altinn:resource', Value: 'standard-samtykke-for-dele-data' }],
              metaData: { InntektsAar: '2023' },
            },
          ],
          portalViewMode: 'show',
        }),
      });
      assert.equal(res.status, 201);
      const created = await json(res);
      assert.deepEqual((created.consentRights as Json[])[0]?.metadata, { InntektsAar: '2023' });
      assert.equal(created.portalViewMode, 'Show');
    });

    it('keeps microseconds of validTo and answers in UTC', async () => {
      const validTo = new Date(clock + 86_400_000)
        .toISOString()
        .replace(/\.\d+Z$/, '.2597103+02:00');
      const res = await postConsent(altinn, token, consentBody({ validTo }));
      assert.equal(res.status, 201);
      assert.match((await json(res)).validTo as string, /\.25971\+00:00$/);
    });
  });

  describe('authentication and authorisation', () => {
    it('answers 401 with an empty body without a token, or with one it did not issue', async () => {
      await expectEmpty(await postConsent(altinn, undefined, consentBody()), 401);
      await expectEmpty(await getConsent(altinn, 'not-a-token', randomUUID()), 401);
      const { privateKey } = await generateKeyPair('RS256');
      const forged = await new SignJWT({
        scope: `${WRITE} ${READ}`,
        consumer: { authority: 'iso6523-actorid-upis', ID: `0192:${BANK}` },
      })
        .setProtectedHeader({ alg: 'RS256' })
        .setIssuer(altinn.maskinportenAudience)
        .setIssuedAt()
        .setExpirationTime('2m')
        .sign(privateKey);
      await expectEmpty(await postConsent(altinn, forged, consentBody()), 401);
    });

    it('answers 403 with an empty body without the scope: write to create, read or write to read', async () => {
      const client = await makeClient(altinn, { scopes: [READ, WRITE, 'altinn:something.else'] });
      const readOnly = await accessToken(altinn, client, READ);
      const writeOnly = await accessToken(altinn, client, WRITE);
      const neither = await accessToken(altinn, client, 'altinn:something.else');
      await expectEmpty(await postConsent(altinn, readOnly, consentBody()), 403);
      const id = await createConsent(altinn, writeOnly);
      assert.equal((await getConsent(altinn, readOnly, id)).status, 200);
      assert.equal((await getConsent(altinn, writeOnly, id)).status, 200);
      await expectEmpty(await getConsent(altinn, neither, id), 403);
    });

    it("refuses a 'to' other than the token's organisation with an empty 403, as Forbid() does", async () => {
      const res = await postConsent(
        altinn,
        token,
        consentBody({ to: `urn:altinn:organization:identifier-no:${OTHER_BANK}` }),
      );
      await expectEmpty(res, 403);
    });

    it('lets a .org caller ask for another receiver, as handledBy, and not read it back', async () => {
      const owner = await makeClient(altinn, { orgNumber: ACCOUNTING_FIRM, scopes: [ORG] });
      const orgToken = await accessToken(altinn, owner, ORG);
      const body = consentBody();
      const res = await postConsent(altinn, orgToken, body);
      assert.equal(res.status, 201, await res.clone().text());
      assert.equal(
        (await json(res)).handledBy,
        `urn:altinn:organization:identifier-no:${ACCOUNTING_FIRM}`,
      );
      await expectProblem(await getConsent(altinn, orgToken, body.id as string), 403, 'AM-00000');
    });

    it('sets handledBy to the supplier when a client acts for the receiver (consumer_org)', async () => {
      const operator = await makeClient(altinn, { orgNumber: OPERATOR });
      const grant = await signGrant(altinn, operator, { claims: { consumer_org: BANK } });
      const tokenRes = await requestToken(altinn, grant);
      assert.equal(tokenRes.status, 200, await tokenRes.clone().text());
      const onBehalf = ((await tokenRes.json()) as { access_token: string }).access_token;
      const body = consentBody();
      const res = await postConsent(altinn, onBehalf, body);
      assert.equal(res.status, 201, await res.clone().text());
      const created = await json(res);
      assert.equal(created.to, BANK_URN);
      assert.equal(created.handledBy, `urn:altinn:organization:identifier-no:${OPERATOR}`);
      const events = created.consentRequestEvents as { performedBy: string }[];
      assert.equal(events[0]?.performedBy, BANK_URN, 'the consumer performs Created');
      // The consumer is the receiver: the same token reads the request back.
      assert.equal((await getConsent(altinn, onBehalf, body.id as string)).status, 200);
      // Without consumer_org, the operator is not the receiver.
      await expectEmpty(
        await postConsent(altinn, await accessToken(altinn, operator), consentBody()),
        403,
      );
    });

    it('refuses a resource the PDP does not let the caller request with an empty 403', async () => {
      await expectEmpty(
        await postConsent(
          altinn,
          token,
          consentBody({ consentRights: [right('kun-for-testfjord', null)] }),
        ),
        403,
      );
    });

    it('lets only the receiver read a request (403 AM-00000 for another org)', async () => {
      const id = await createConsent(altinn, token);
      const other = await accessToken(altinn, await makeClient(altinn, { orgNumber: OTHER_BANK }));
      await expectProblem(await getConsent(altinn, other, id), 403, 'AM-00000');
    });

    it('answers 404 AM-00001 for an unknown id, and an empty 404 for a non-GUID', async () => {
      await expectProblem(await getConsent(altinn, token, randomUUID()), 404, 'AM-00001');
      await expectEmpty(await getConsent(altinn, token, 'not-a-guid'), 404);
    });
  });

  describe('validation (altinn-api.md 2.3)', () => {
    it('AM-00003 for an unknown organisation, AM-00004 for an unknown person', async () => {
      const org = await expectProblem(
        await postConsent(
          altinn,
          token,
          consentBody({ from: 'urn:altinn:organization:identifier-no:123456785' }),
        ),
        400,
        'AM-00003',
      );
      assert.equal(org.orgnr, 'urn:altinn:organization:identifier-no:123456785');
      await expectProblem(
        await postConsent(
          altinn,
          token,
          consentBody({ from: 'urn:altinn:person:identifier-no:01010112345' }),
        ),
        400,
        'AM-00004',
      );
      await expectProblem(
        await postConsent(
          altinn,
          token,
          consentBody({ requiredDelegator: 'urn:altinn:person:identifier-no:01010112345' }),
        ),
        400,
        'AM-00004',
      );
    });

    it('AM-00005 for an unknown resource, a non-consent resource, or not exactly one resource', async () => {
      await expectProblem(
        await postConsent(altinn, token, consentBody({ consentRights: [right('finnes-ikke')] })),
        400,
        'AM-00005',
      );
      await expectProblem(
        await postConsent(
          altinn,
          token,
          consentBody({ consentRights: [right('ikke-samtykke-ressurs', null)] }),
        ),
        400,
        'AM-00005',
      );
      const twoResources = {
        ...right(),
        resource: [...right().resource, ...right('samtykke-skattegrunnlag').resource],
      };
      await expectProblem(
        await postConsent(altinn, token, consentBody({ consentRights: [twoResources] })),
        400,
        'AM-00005',
      );
    });

    it('AM-00006 for an unknown metadata key', async () => {
      const res = await postConsent(
        altinn,
        token,
        consentBody({
          consentRights: [right(undefined, { inntektsaar: '2024', kommune: 'Oslo' })],
        }),
      );
      assert.equal((await expectProblem(res, 400, 'AM-00006')).key, 'kommune');
    });

    it('AM-00007 for an empty metadata value', async () => {
      await expectProblem(
        await postConsent(
          altinn,
          token,
          consentBody({ consentRights: [right(undefined, { inntektsaar: '' })] }),
        ),
        400,
        'AM-00007',
      );
    });

    it('AM-00008 for a missing required metadata key', async () => {
      const res = await postConsent(
        altinn,
        token,
        consentBody({ consentRights: [right(undefined, null)] }),
      );
      assert.equal((await expectProblem(res, 400, 'AM-00008')).key, 'inntektsaar');
    });

    it('AM-00009 for rights whose resources use different templates', async () => {
      const res = await postConsent(
        altinn,
        token,
        consentBody({ consentRights: [right(), right('samtykke-fullmakt', null)] }),
      );
      await expectProblem(res, 400, 'AM-00009');
    });

    it('accepts several rights on resources with the same template', async () => {
      const res = await postConsent(
        altinn,
        token,
        consentBody({
          consentRights: [
            right(),
            right(undefined, { inntektsaar: '2023' }),
            right('samtykke-skattegrunnlag'),
          ],
        }),
      );
      assert.equal(res.status, 201);
    });

    it('AM.VLD-00022 when validTo has passed', async () => {
      await expectValidation(
        await postConsent(altinn, token, consentBody({ validTo: inDays(-1, clock) })),
        [['AM.VLD-00022', 'ValidTo']],
      );
    });

    it('AM.VLD-00023 for no rights', async () => {
      await expectValidation(await postConsent(altinn, token, consentBody({ consentRights: [] })), [
        ['AM.VLD-00023', 'Resource'],
      ]);
    });

    it('AM.VLD-00027 for a redirect URL that is not absolute; custom schemes pass', async () => {
      for (const redirectUrl of ['portal.example/cb', '/cb', 'https://', '']) {
        await expectValidation(await postConsent(altinn, token, consentBody({ redirectUrl })), [
          ['AM.VLD-00027', 'RedirectUrl'],
        ]);
      }
      for (const redirectUrl of ['bankapp://consent/done', 'http://localhost:5173/cb']) {
        assert.equal(
          (await postConsent(altinn, token, consentBody({ redirectUrl }))).status,
          201,
          redirectUrl,
        );
      }
    });

    it('collects validation errors into one STD-00000', async () => {
      const res = await postConsent(
        altinn,
        token,
        consentBody({ validTo: inDays(-1, clock), redirectUrl: 'nope' }),
      );
      await expectValidation(res, [
        ['AM.VLD-00022', 'ValidTo'],
        ['AM.VLD-00027', 'RedirectUrl'],
      ]);
    });

    it('STD.VLD-00000 for a right without action', async () => {
      const withoutAction = { resource: right().resource, metadata: { inntektsaar: '2024' } };
      await expectValidation(
        await postConsent(altinn, token, consentBody({ consentRights: [withoutAction] })),
        [['STD.VLD-00000', '/consentRight/0/action']],
      );
    });

    it('answers several problems at once with HTTP 500 STD-00001', async () => {
      const res = await postConsent(
        altinn,
        token,
        consentBody({ consentRights: [right(undefined, { kommune: 'Oslo' })] }),
      );
      const body = await expectProblem(res, 500, 'STD-00001');
      const problems = body.problems as Json[];
      assert.deepEqual(
        problems.map((inner) => [inner.code, inner.status, inner.key]),
        [
          ['AM-00006', 400, 'kommune'],
          ['AM-00008', 400, 'inntektsaar'],
        ],
      );
      assert.ok(
        problems.every((inner) => inner.traceId === body.traceId),
        'problems.every((inner) => inner.traceId === body.traceId)',
      );
    });

    it('answers a body that does not deserialize with STD.VLD-00017', async () => {
      await expectValidation(
        await postConsent(
          altinn,
          token,
          consentBody({ consentRights: [right(undefined, { inntektsaar: 2024 } as never)] }),
        ),
        [['STD.VLD-00017', '/consentRights/0/metadata/inntektsaar']],
      );
      const body = consentBody();
      delete body.from;
      const missing = await expectValidation(await postConsent(altinn, token, body), [
        ['STD.VLD-00017', '/'],
      ]);
      assert.match(JSON.stringify(missing), /'from'/);
      await expectValidation(await postConsent(altinn, token, '{"id":'), [['STD.VLD-00017', '/']]);
      await expectValidation(
        await postConsent(altinn, token, consentBody({ from: '21818297804' })),
        [['STD.VLD-00017', '/from']],
      );
    });
  });

  describe('status', () => {
    it('adds a synthetic Expired event once validTo has passed, leaving status as stored', async () => {
      const id = await createConsent(altinn, token, { validTo: inDays(1, clock) });
      const accepted = await fetch(`${altinn.url}/__mock/consentrequests/${id}/accept`, {
        method: 'POST',
      });
      assert.equal(accepted.status, 200);
      const fresh = await json(await getConsent(altinn, token, id));
      assert.deepEqual(
        (fresh.consentRequestEvents as Json[]).map((event) => event.eventType),
        ['Created', 'Accepted'],
      );

      const saved = clock;
      clock += 2 * 86_400_000;
      try {
        const expired = await json(await getConsent(altinn, token, id));
        assert.equal(expired.status, 'Accepted');
        const events = expired.consentRequestEvents as Json[];
        assert.deepEqual(
          events.map((event) => event.eventType),
          ['Created', 'Accepted', 'Expired'],
        );
        assert.equal(events[2]?.created, expired.validTo);
        assert.equal(events[2]?.performedBy, BANK_URN);
        assert.equal(altinn.consentRequests.get(id)?.events.length, 2, 'not stored');
      } finally {
        clock = saved;
      }
    });

    it('counts consent API calls in stats', async () => {
      const before = altinn.stats.consentRequests;
      await getConsent(altinn, token, randomUUID());
      await postConsent(altinn, undefined, consentBody());
      assert.equal(altinn.stats.consentRequests, before + 2);
    });
  });

  describe('events feed', () => {
    it('lists the receiver’s events older than five minutes, filtered by type', async () => {
      const client = await makeClient(altinn, { orgNumber: ACCOUNTING_FIRM });
      const firmToken = await accessToken(altinn, client);
      const id = await createConsent(altinn, firmToken, {
        to: `urn:altinn:organization:identifier-no:${ACCOUNTING_FIRM}`,
      });
      await fetch(`${altinn.url}/__mock/consentrequests/${id}/reject`, { method: 'POST' });
      const events = (query: string): Promise<Response> =>
        fetch(`${altinn.url}${CONSENT_REQUESTS}/events${query}`, {
          headers: { Authorization: `Bearer ${firmToken}` },
        });

      assert.deepEqual((await json(await events(''))).data, [], 'too recent');
      const saved = clock;
      clock += 6 * 60_000;
      try {
        const all = await json(await events(''));
        assert.deepEqual(all.links, { next: null });
        assert.deepEqual(
          (all.data as Json[]).map((item) => [item.consentRequestId, item.eventType]),
          [
            [id, 'Created'],
            [id, 'Rejected'],
          ],
        );
        const rejected = await json(await events('?eventType=rejected'));
        assert.deepEqual(
          (rejected.data as Json[]).map((item) => item.eventType),
          ['Rejected'],
        );
        await expectValidation(await events('?eventType=opened'), [
          ['AM.VLD-00052', '/$QUERY/eventType'],
        ]);
      } finally {
        clock = saved;
      }
    });
  });
});
