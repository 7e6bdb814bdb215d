/**
 * Altinn's own habits, kept by the backend: the consent page's URL as Altinn's clients open it
 * (`DONTCHOOSEREPORTEE=true`), and every `consentMetadata` key of a resource required before
 * Altinn is asked (altinn-api.md 2.3, 2.6).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { consentBody, RESOURCE, startPortal, type TestPortal } from './support.js';

describe('consent: Altinn’s habits', () => {
  let portal: TestPortal;
  before(async () => {
    portal = await startPortal({
      consent: {
        organization: '991825827',
        resources: [{ id: RESOURCE, metadata: ['inntektsaar'] }, 'samtykke-skattegrunnlag'],
      },
    });
  });
  after(() => portal.close());

  async function create(rights: unknown): Promise<Response> {
    return portal.call('POST', '/consent-requests', consentBody(portal.origin, { rights }));
  }

  it('sends the person to the consent page with DONTCHOOSEREPORTEE=true, once', async () => {
    const response = await create([{ resource: RESOURCE, metadata: { inntektsaar: '2024' } }]);
    assert.equal(response.status, 201);
    const view = (await response.json()) as { id: string; url: string };
    const url = new URL(view.url);
    assert.equal(url.origin, portal.mock.url);
    assert.equal(url.pathname, '/accessmanagement/ui/consent/request');
    assert.deepEqual(url.searchParams.getAll('id'), [view.id]);
    assert.deepEqual(url.searchParams.getAll('DONTCHOOSEREPORTEE'), ['true']);
    // Read again (from Altinn), the URL is the same.
    const read = await portal.call('GET', `/consent-requests/${view.id}`);
    assert.equal(((await read.json()) as { url: string }).url, view.url);
    // The mock's page takes it as Altinn's does: the request is shown.
    const page = await fetch(view.url);
    assert.equal(page.status, 200);
  });

  it('refuses a right without a key of its resource before asking Altinn', async () => {
    const before = portal.mock.stats.consentRequests;
    const response = await create([
      { resource: RESOURCE, metadata: { inntektsaar: '2024' } },
      { resource: RESOURCE },
    ]);
    assert.equal(response.status, 400);
    const problem = (await response.json()) as {
      code: string;
      detail: string;
      errors: { path: string }[];
    };
    assert.equal(problem.code, 'missing-metadata');
    assert.match(
      problem.detail,
      /rights\.1\.metadata: standard-samtykke-for-dele-data needs "inntektsaar"/,
    );
    assert.deepEqual(
      problem.errors.map((error) => error.path),
      ['rights.1.metadata.inntektsaar'],
    );
    assert.equal(portal.mock.stats.consentRequests, before);
  });

  it('refuses a key the resource does not have', async () => {
    const response = await create([
      { resource: RESOURCE, metadata: { inntektsaar: '2024', kommune: 'Oslo' } },
    ]);
    assert.equal(response.status, 400);
    const problem = (await response.json()) as { code: string; detail: string };
    assert.equal(problem.code, 'unknown-metadata');
    assert.match(problem.detail, /"kommune"/);
  });

  it('compares keys in any case, as Altinn does', async () => {
    const response = await create([{ resource: RESOURCE, metadata: { InntektsAar: '2024' } }]);
    assert.equal(response.status, 201, await response.text());
  });

  it('leaves a resource named without keys to Altinn’s own check (AM-00008 as a 400)', async () => {
    const response = await create([{ resource: 'samtykke-skattegrunnlag' }]);
    assert.equal(response.status, 400);
    assert.match(((await response.json()) as { code: string }).code, /AM-00008/);
  });
});
