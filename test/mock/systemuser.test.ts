import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  SCOPE_SYSTEM_USER_REQUEST_READ as SU_READ,
  SCOPE_SYSTEM_USER_REQUEST_WRITE as SU_WRITE,
  startMockAltinn,
  type MockAltinn,
} from '../../src/mock/index.js';
import {
  ACCOUNTING_FIRM,
  BANK,
  OTHER_BANK,
  accessToken,
  browse,
  makeClient,
  postForm,
} from './helpers.js';

/** System-user requests (altinn-api.md 3.4) over real HTTP: the API, its traps, and the page. */

const SYSTEM = '991825827_regnskapssystemet';
const RETURN = 'http://localhost:5173/regnskapssystemet?state=abc';
const MANAGER = '21818297804';
const NOT_MANAGER = '12859040150';
const STRANGER = '03878540084';
const DAY = 24 * 3600 * 1000;

interface RequestView {
  id: string;
  status: string;
  externalRef: string;
  partyOrgNo: string;
  systemId: string;
  confirmUrl: string;
  escalated: boolean;
  timedOut: boolean;
  redirectUrl: string | null;
  rights?: unknown[];
  accessPackages: { urn: string }[];
}

let altinn: MockAltinn;
let clock = Date.parse('2026-06-01T10:00:00Z');
let token: string;
let base: string;

async function tokenFor(orgNumber: string, scopes: string[]): Promise<string> {
  return accessToken(altinn, await makeClient(altinn, { orgNumber, scopes }), scopes.join(' '));
}

function call(method: string, path: string, body?: unknown, bearer = token): Promise<Response> {
  return fetch(`${base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

function requestBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    systemId: SYSTEM,
    partyOrgNo: ACCOUNTING_FIRM,
    rights: [{ resource: [{ id: 'urn:altinn:resource', value: 'regnskap-innsyn' }] }],
    accessPackages: [{ urn: 'urn:altinn:accesspackage:regnskapsforer-lonn' }],
    redirectUrl: RETURN,
    ...overrides,
  };
}

async function create(overrides: Record<string, unknown> = {}, path = '/request/vendor') {
  const res = await call('POST', path, requestBody(overrides));
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()) as RequestView;
}

async function expectProblem(res: Response, status: number, code: string): Promise<void> {
  assert.equal(res.status, status);
  assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
  const body = (await res.json()) as { code: string; type: string };
  assert.equal(body.code, code);
  assert.equal(body.type, `urn:altinn:error:${code}`);
}

/** The page as the given person, with the page's own form. */
function answer(view: RequestView, action: string, user = MANAGER) {
  const url = `${view.confirmUrl}&user=${user}`;
  return browse(altinn, url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ action, user }).toString(),
  });
}

async function pageHtml(url: string): Promise<{ status: number; html: string }> {
  const res = await fetch(url);
  return { status: res.status, html: await res.text() };
}

before(async () => {
  altinn = await startMockAltinn({ port: 0, now: () => new Date(clock) });
  base = altinn.systemUserApiBaseUrl;
  token = await tokenFor(BANK, [SU_WRITE, SU_READ]);
});
after(() => altinn.close());
beforeEach(() => {
  altinn.reset();
  clock = Date.parse('2026-06-01T10:00:00Z');
});

describe('mock system-user request API', () => {
  it('creates a request: 201, Location, the vendor view, externalRef defaulting to partyOrgNo', async () => {
    const res = await call('POST', '/request/vendor', requestBody());
    assert.equal(res.status, 201);
    const view = (await res.json()) as RequestView;
    assert.equal(res.headers.get('location'), `${base}/request/${view.id}`);
    assert.equal(view.status, 'New');
    assert.equal(view.externalRef, ACCOUNTING_FIRM);
    assert.equal(view.escalated, false);
    assert.equal(view.timedOut, false);
    assert.equal(view.redirectUrl, RETURN);
    assert.equal(
      view.confirmUrl,
      `${altinn.url}/accessmanagement/ui/systemuser/request?id=${view.id}&DONTCHOOSEREPORTEE=true`,
    );
    assert.equal(altinn.systemUserRequests.get(view.id)?.status, 'New');
    assert.ok(altinn.stats.systemUserRequests > 0);
  });

  it('wants .request.write to create and delete, .request.read to read', async () => {
    assert.equal((await call('POST', '/request/vendor', requestBody(), 'nope')).status, 401);
    const readOnly = await tokenFor(BANK, [SU_READ]);
    const writeOnly = await tokenFor(BANK, [SU_WRITE]);
    assert.equal((await call('POST', '/request/vendor', requestBody(), readOnly)).status, 403);
    const view = await create();
    assert.equal(
      (await call('GET', `/request/vendor/${view.id}`, undefined, writeOnly)).status,
      403,
    );
    assert.equal(
      (await call('GET', `/request/vendor/${view.id}`, undefined, readOnly)).status,
      200,
    );
    assert.equal(
      (await call('DELETE', `/request/vendor/${view.id}`, undefined, readOnly)).status,
      403,
    );
    const byQuery = `/vendor/byquery?system-id=${SYSTEM}&orgno=${ACCOUNTING_FIRM}`;
    assert.equal((await call('GET', byQuery, undefined, readOnly)).status, 403);
  });

  it('reads by id, by external ref and by system; unknown is AUTH-00010, another vendor’s AUTH-00011', async () => {
    const view = await create({ externalRef: 'ref-1' });
    const byId = (await (await call('GET', `/request/vendor/${view.id}`)).json()) as RequestView;
    assert.deepEqual(byId, view);
    const byRef = await call(
      'GET',
      `/request/vendor/byexternalref/${SYSTEM}/${ACCOUNTING_FIRM}/ref-1`,
    );
    assert.equal(((await byRef.json()) as RequestView).id, view.id);
    await expectProblem(
      await call('GET', `/request/vendor/byexternalref/${SYSTEM}/${ACCOUNTING_FIRM}/other`),
      404,
      'AUTH-00010',
    );
    const list = (await (await call('GET', `/request/vendor/bysystem/${SYSTEM}`)).json()) as {
      links: { next: string | null };
      data: RequestView[];
    };
    assert.deepEqual(list.links, { next: null });
    assert.deepEqual(
      list.data.map((item) => item.id),
      [view.id],
    );
    await expectProblem(
      await call('GET', '/request/vendor/5b0c2a9e-1f7a-4c1e-9a43-9d2b8d7f0c11'),
      404,
      'AUTH-00010',
    );
    const otherVendor = await tokenFor(OTHER_BANK, [SU_WRITE, SU_READ]);
    await expectProblem(
      await call('GET', `/request/vendor/${view.id}`, undefined, otherVendor),
      404,
      'AUTH-00011',
    );
    await expectProblem(
      await call('GET', `/request/vendor/bysystem/${SYSTEM}`, undefined, otherVendor),
      404,
      'AUTH-00011',
    );
    await expectProblem(
      await call('POST', '/request/vendor', requestBody(), otherVendor),
      404,
      'AUTH-00011',
    );
  });

  it('soft-deletes with 202 whoever asks (no ownership check); then the triple is free again', async () => {
    const view = await create();
    const otherVendor = await tokenFor(OTHER_BANK, [SU_WRITE, SU_READ]);
    assert.equal(
      (await call('DELETE', `/request/vendor/${view.id}`, undefined, otherVendor)).status,
      202,
    );
    await expectProblem(await call('GET', `/request/vendor/${view.id}`), 404, 'AUTH-00010');
    await expectProblem(await call('DELETE', `/request/vendor/${view.id}`), 404, 'AUTH-00010');
    const again = await create();
    assert.notEqual(again.id, view.id);
  });

  it('springs the retry trap: the same triple answers 200 with the old request, whatever its status', async () => {
    const first = await create();
    const chain = await answer(first, 'reject');
    assert.equal(chain.final, RETURN);
    const retry = await call('POST', '/request/vendor', requestBody());
    assert.equal(retry.status, 200);
    const old = (await retry.json()) as RequestView;
    assert.equal(old.id, first.id);
    assert.equal(old.status, 'Rejected');
    const fresh = await create({ externalRef: 'a-new-ref' });
    assert.notEqual(fresh.id, first.id);
    assert.equal(fresh.status, 'New');
  });

  it('times out after 180 days on read only: status New, timedOut true, still the retry answer', async () => {
    const view = await create();
    clock += 180 * DAY - 1000;
    const early = (await (await call('GET', `/request/vendor/${view.id}`)).json()) as RequestView;
    assert.equal(early.timedOut, false);
    clock += 2000;
    const late = (await (await call('GET', `/request/vendor/${view.id}`)).json()) as RequestView;
    assert.equal(late.timedOut, true);
    assert.equal(late.status, 'New');
    const retry = await call('POST', '/request/vendor', requestBody());
    assert.equal(retry.status, 200);
    assert.equal(((await retry.json()) as RequestView).id, view.id);
    const { status, html } = await pageHtml(`${view.confirmUrl}&lang=en`);
    assert.equal(status, 200);
    assert.match(html, /data-notice="expired"/);
    assert.doesNotMatch(html, /data-action="approve"/);
    assert.equal((await answer(view, 'approve')).lastStatus, 409);
  });

  it('answers the problems a backend can meet', async () => {
    const post = (overrides: Record<string, unknown>) =>
      call(
        'POST',
        '/request/vendor',
        requestBody({ externalRef: crypto.randomUUID(), ...overrides }),
      );
    await expectProblem(await post({ partyOrgNo: '123456789' }), 400, 'AUTH-00000');
    await expectProblem(
      await post({
        rights: [{ resource: [{ id: 'urn:altinn:resource', value: 'skatteetaten-ressurs' }] }],
      }),
      400,
      'AUTH-00001',
    );
    await expectProblem(await post({ systemId: '991825827_ukjent' }), 404, 'AUTH-00011');
    await expectProblem(
      await post({ redirectUrl: 'https://evil.example/regnskapssystemet' }),
      400,
      'AUTH-00021',
    );
    await expectProblem(
      await post({ redirectUrl: 'http://localhost:5174/regnskapssystemet' }),
      400,
      'AUTH-00021',
    );
    await expectProblem(
      await post({ redirectUrl: 'https://localhost:5173/regnskapssystemet' }),
      400,
      'AUTH-00021',
    );
    await expectProblem(
      await post({ redirectUrl: 'http://localhost:5173/regnskapssystemet/x' }),
      400,
      'AUTH-00021',
    );
    assert.equal(
      (await post({ redirectUrl: 'http://localhost:5173/regnskapssystemet?any=query' })).status,
      201,
    );
    await expectProblem(await post({ rights: [], accessPackages: [] }), 400, 'AUTH-00059');
    await expectProblem(
      await post({ accessPackages: [{ urn: 'urn:altinn:accesspackage:hovedadministrator' }] }),
      400,
      'AUTH-00063',
    );
    const missing = await call('POST', '/request/vendor', { partyOrgNo: ACCOUNTING_FIRM });
    assert.equal(missing.status, 400);
    assert.equal(((await missing.json()) as { code: string }).code, 'STD-00000');

    altinn.registerSystem({
      id: `${BANK}_uten-adresser`,
      name: { nb: 'Uten', nn: 'Utan', en: 'Without' },
      rights: ['regnskap-innsyn'],
      accessPackages: [],
      allowedRedirectUrls: [],
    });
    await expectProblem(
      await post({ systemId: `${BANK}_uten-adresser`, accessPackages: [] }),
      400,
      'AUTH-00026',
    );
    assert.equal(
      (await post({ systemId: `${BANK}_uten-adresser`, accessPackages: [], redirectUrl: null }))
        .status,
      201,
    );
  });

  it('refuses a second system user for the triple with AUTH-00004, and confirms it by query', async () => {
    const view = await create();
    const byQuery = `/vendor/byquery?system-id=${SYSTEM}&orgno=${ACCOUNTING_FIRM}&external-ref=${ACCOUNTING_FIRM}`;
    assert.equal((await call('GET', byQuery)).status, 404);
    await answer(view, 'approve');
    const user = (await (await call('GET', byQuery)).json()) as Record<string, unknown>;
    assert.equal(user.systemId, SYSTEM);
    assert.equal(user.reporteeOrgNo, ACCOUNTING_FIRM);
    assert.equal(user.supplierOrgno, BANK);
    assert.equal(user.userType, 'Standard');
    assert.equal(user.isDeleted, false);
    assert.equal(altinn.systemUsers.size, 1);
    assert.equal((await call('DELETE', `/request/vendor/${view.id}`)).status, 202);
    await expectProblem(await call('POST', '/request/vendor', requestBody()), 400, 'AUTH-00004');
  });

  it('asks for assignable packages of a standard system user (AUTH-00064), packages for clients of an agent (AUTH-00065)', async () => {
    const systemId = `${BANK}_pakker`;
    const packages = ['regnskapsforer-lonn', 'ansettelsesforhold', 'hovedadministrator'];
    altinn.registerSystem({
      id: systemId,
      name: { nb: 'Pakker', nn: 'Pakkar', en: 'Packages' },
      rights: [],
      accessPackages: packages.map((name) => `urn:altinn:accesspackage:${name}`),
      allowedRedirectUrls: [RETURN],
    });
    const ask = (name: string, path = '/request/vendor') =>
      call('POST', path, {
        ...requestBody({ systemId, rights: [] }),
        accessPackages: [{ urn: `urn:altinn:accesspackage:${name}` }],
      });
    await expectProblem(await ask('hovedadministrator'), 400, 'AUTH-00064');
    await expectProblem(
      await ask('ansettelsesforhold', '/request/vendor/agent'),
      400,
      'AUTH-00065',
    );
    await expectProblem(
      await ask('hovedadministrator', '/request/vendor/agent'),
      400,
      'AUTH-00065',
    );
    assert.equal((await ask('ansettelsesforhold')).status, 201);
    assert.equal((await ask('regnskapsforer-lonn', '/request/vendor/agent')).status, 201);
  });

  it('serves agent requests on their own routes, with packages required and no rights', async () => {
    await expectProblem(
      await call('POST', '/request/vendor/agent', requestBody({ accessPackages: [] })),
      400,
      'AUTH-00058',
    );
    const agent = await create({}, '/request/vendor/agent');
    assert.equal(agent.rights, undefined);
    assert.match(agent.confirmUrl, /\/accessmanagement\/ui\/systemuser\/agentrequest\?id=/);
    assert.equal((await call('GET', `/request/vendor/agent/${agent.id}`)).status, 200);
    await expectProblem(await call('GET', `/request/vendor/${agent.id}`), 404, 'AUTH-00010');
    const list = await call('GET', `/request/vendor/agent/bysystem/${SYSTEM}`);
    assert.equal(((await list.json()) as { data: unknown[] }).data.length, 1);
    assert.equal((await pageHtml(agent.confirmUrl)).status, 200);
    assert.equal((await pageHtml(agent.confirmUrl.replace('agentrequest', 'request'))).status, 404);
  });
});

describe('mock system-user approval page', () => {
  for (const [lang, title, approve] of [
    ['nb', 'DEMOBANKEN ASA ber om en systembruker', 'Godkjenn'],
    ['nn', 'DEMOBANKEN ASA ber om ein systembrukar', 'Godkjenn'],
    ['en', 'DEMOBANKEN ASA asks for a system user', 'Approve'],
  ] as const) {
    it(`speaks ${lang}`, async () => {
      const view = await create();
      const { status, html } = await pageHtml(`${view.confirmUrl}&lang=${lang}`);
      assert.equal(status, 200);
      assert.match(html, new RegExp(`<html lang="${lang}">`));
      assert.ok(html.includes(title), title);
      assert.ok(html.includes(`>${approve}</button>`), approve);
      assert.ok(html.includes('FJELLTOPP REGNSKAP AS'));
    });
  }

  it('lets the access manager approve: logout, then redirectUrl with nothing appended', async () => {
    const view = await create();
    const chain = await answer(view, 'approve');
    assert.deepEqual(chain.locations, [`${altinn.url}/authentication/api/v1/logout`, RETURN]);
    assert.equal(altinn.systemUserRequests.get(view.id)?.status, 'Accepted');
    const read = (await (await call('GET', `/request/vendor/${view.id}`)).json()) as RequestView;
    assert.equal(read.status, 'Accepted');
    const { html } = await pageHtml(view.confirmUrl);
    assert.match(html, /data-notice="accepted"/);
    assert.doesNotMatch(html, /data-action="(approve|reject)"/);
    assert.equal((await answer(view, 'reject')).lastStatus, 409);
  });

  it('lets the access manager reject, and ends on Altinn without a redirectUrl', async () => {
    const view = await create({ redirectUrl: null });
    const chain = await answer(view, 'reject');
    assert.equal(chain.final, `${altinn.url}/`);
    assert.equal(altinn.systemUserRequests.get(view.id)?.status, 'Rejected');
    assert.match((await pageHtml(view.confirmUrl)).html, /data-notice="rejected"/);
  });

  it('lets another person of the organisation only escalate; the vendor never sees it', async () => {
    const view = await create();
    const asOther = await pageHtml(`${view.confirmUrl}&user=${NOT_MANAGER}`);
    assert.match(asOther.html, /data-role="other"/);
    assert.match(asOther.html, /data-action="escalate"/);
    assert.doesNotMatch(asOther.html, /data-action="approve"/);
    const refused = await answer(view, 'approve', NOT_MANAGER);
    assert.equal(refused.lastStatus, 403);
    const escalated = await answer(view, 'escalate', NOT_MANAGER);
    assert.equal(escalated.lastStatus, 200);
    assert.match(escalated.final, /notice=escalated/);
    assert.equal(altinn.systemUserRequests.get(view.id)?.escalated, true);
    const read = (await (await call('GET', `/request/vendor/${view.id}`)).json()) as RequestView;
    assert.equal(read.escalated, false);
    assert.equal(read.status, 'New');
    // "Close and log out" still sends the user back.
    assert.equal((await answer(view, 'logout', NOT_MANAGER)).final, RETURN);
    // The access manager then answers the escalated request.
    const manager = await pageHtml(view.confirmUrl);
    assert.match(manager.html, /data-notice="escalated"/);
    assert.match(manager.html, /data-action="approve"/);
    assert.equal((await answer(view, 'approve')).final, RETURN);
  });

  it('gives a person without a relation to the organisation nothing to answer', async () => {
    const view = await create();
    assert.equal((await answer(view, 'approve', STRANGER)).lastStatus, 403);
    assert.equal((await answer(view, 'escalate', STRANGER)).lastStatus, 409);
    assert.equal(altinn.systemUserRequests.get(view.id)?.status, 'New');
  });

  it('links to the other persons who may answer, and 404s unknown and deleted requests', async () => {
    const view = await create();
    const { html } = await pageHtml(view.confirmUrl);
    assert.ok(html.includes(`data-user="${NOT_MANAGER}"`));
    const pageUrl = `${altinn.url}/accessmanagement/ui/systemuser/request`;
    assert.equal(
      (await pageHtml(`${pageUrl}?id=5b0c2a9e-1f7a-4c1e-9a43-9d2b8d7f0c11`)).status,
      404,
    );
    assert.equal((await pageHtml(pageUrl)).status, 400);
    await call('DELETE', `/request/vendor/${view.id}`);
    assert.equal((await pageHtml(view.confirmUrl)).status, 404);
    assert.equal((await postForm(view.confirmUrl, { action: 'approve' })).status, 404);
  });
});
