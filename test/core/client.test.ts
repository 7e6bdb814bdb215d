/**
 * The backend client against a fake backend over real HTTP: what it sends, and how every kind of answer
 * (and non-answer) becomes a request view or an error with a stable code.
 */
import { expect } from '@open-wc/testing';
import {
  AltinnRequestError,
  BackendClient,
  configure,
  resetConfig,
  type ConsentRequestBody,
} from '../../src/core/index.js';
import { consentRequestDetails } from '../support/altinn-fixtures.js';
import {
  ACCESS_REQUEST_ID,
  altinn3AccessView,
  consentView,
  consentViewUri,
  OTHER_REQUEST_ID,
} from '../support/fixtures.js';
import { fakeBackend, type FakeRoute } from '../support/fake-backend.js';

const ID = '3f1c9a52-8d4e-4b7a-9c61-2e5f0a7b8d93';
const VIEW_URI = consentViewUri('$id');

const consentRequestBody: ConsentRequestBody = {
  id: ID,
  rights: [{ resource: 'standard-samtykke-for-dele-data', metadata: { inntektsaar: '2024' } }],
  validTo: 'P90D',
  requestMessage: { nb: 'Vi trenger inntekten din for lånesøknaden.' },
  redirectUrl: `https://portal.example/loan?consentId=${ID}`,
};

const created: FakeRoute = {
  method: 'POST',
  path: '/consent-requests',
  status: 201,
  body: consentView({ id: '$id', url: VIEW_URI }),
};

/** The error a call failed with; fails the test when the call succeeds. */
async function failure(call: Promise<unknown>): Promise<AltinnRequestError> {
  let answer: unknown;
  try {
    answer = await call;
  } catch (error) {
    expect(error).to.be.instanceOf(AltinnRequestError);
    return error as AltinnRequestError;
  }
  throw new Error(`expected the call to fail, it answered ${JSON.stringify(answer)}`);
}

/** A client of a fresh scenario with `routes`, and the scenario itself. */
async function clientFor(routes: FakeRoute[]) {
  const backend = await fakeBackend(routes);
  configure({ endpoint: backend.endpoint });
  return { backend, client: new BackendClient() };
}

describe('BackendClient', () => {
  afterEach(() => {
    resetConfig();
    document.cookie = 'portal-session=; path=/; max-age=0';
  });

  describe('what it sends', () => {
    it('POSTs the body as JSON to {endpoint}/consent-requests', async () => {
      const { backend, client } = await clientFor([created]);
      await client.createRequest('consent', consentRequestBody);
      const [request, ...more] = await backend.requests();
      expect(more).to.be.empty;
      expect(request).to.deep.include({
        method: 'POST',
        path: '/consent-requests',
        query: '',
        body: consentRequestBody,
      });
      expect(request!.headers['content-type']).to.equal('application/json');
      expect(request!.headers.accept).to.contain('application/json');
      expect(request!.headers.accept).to.contain('application/problem+json');
    });

    it('sends the configured extra headers (object form)', async () => {
      const backend = await fakeBackend([created]);
      configure({
        endpoint: backend.endpoint,
        headers: { 'X-CSRF-Token': 'csrf-123', 'X-Portal': 'lan' },
      });
      await new BackendClient().createRequest('consent', consentRequestBody);
      const [request] = await backend.requests();
      expect(request!.headers['x-csrf-token']).to.equal('csrf-123');
      expect(request!.headers['x-portal']).to.equal('lan');
    });

    it('asks a headers function afresh for every call (a rotating CSRF token)', async () => {
      let issued = 0;
      const backend = await fakeBackend([created]);
      configure({
        endpoint: backend.endpoint,
        headers: () => ({ 'X-CSRF-Token': `token-${++issued}` }),
      });
      const client = new BackendClient();
      await client.createRequest('consent', consentRequestBody);
      await client.createRequest('consent', consentRequestBody);
      const tokens = (await backend.requests()).map((request) => request.headers['x-csrf-token']);
      expect(tokens).to.deep.equal(['token-1', 'token-2']);
    });

    it('awaits an async headers function returning Headers', async () => {
      const backend = await fakeBackend([created]);
      configure({
        endpoint: backend.endpoint,
        headers: async () => {
          await new Promise((resolve) => setTimeout(resolve, 10));
          return new Headers({ Authorization: 'Bearer portal-session-token' });
        },
      });
      await new BackendClient().createRequest('consent', consentRequestBody);
      const [request] = await backend.requests();
      expect(request!.headers.authorization).to.equal('Bearer portal-session-token');
    });

    it('keeps its own Content-Type over a configured one', async () => {
      const backend = await fakeBackend([created]);
      configure({ endpoint: backend.endpoint, headers: { 'Content-Type': 'text/plain' } });
      await new BackendClient().createRequest('consent', consentRequestBody);
      const [request] = await backend.requests();
      expect(request!.headers['content-type']).to.equal('application/json');
      expect(request!.body).to.deep.equal(consentRequestBody);
    });

    it('adds per-call headers such as Idempotency-Key', async () => {
      const { backend, client } = await clientFor([created]);
      await client.createRequest('consent', consentRequestBody, undefined, {
        headers: { 'Idempotency-Key': ID },
      });
      const [request] = await backend.requests();
      expect(request!.headers['idempotency-key']).to.equal(ID);
    });

    it('sends cookies with the default credentials (same-origin)', async () => {
      document.cookie = 'portal-session=abc; path=/';
      const { backend, client } = await clientFor([created]);
      await client.createRequest('consent', consentRequestBody);
      const [request] = await backend.requests();
      expect(request!.headers.cookie).to.contain('portal-session=abc');
    });

    it('follows configure({ credentials })', async () => {
      document.cookie = 'portal-session=abc; path=/';
      const backend = await fakeBackend([created]);
      configure({ endpoint: backend.endpoint, credentials: 'omit' });
      await new BackendClient().createRequest('consent', consentRequestBody);
      const [request] = await backend.requests();
      expect(request!.headers.cookie ?? '').to.not.contain('portal-session');
    });

    it('GETs {endpoint}/consent-requests/{id} with the id encoded, and no body', async () => {
      const { backend, client } = await clientFor([
        { method: 'GET', path: '/consent-requests/*', body: consentView({ id: '$id' }) },
      ]);
      const view = await client.getRequest('consent', 'a b/c?d');
      expect(view.id).to.equal('a b/c?d');
      const [request] = await backend.requests();
      expect(request).to.deep.include({
        method: 'GET',
        path: '/consent-requests/a%20b%2Fc%3Fd',
        query: '',
        body: null,
      });
      expect(request!.headers).to.not.have.property('content-type');
    });

    it('DELETEs {endpoint}/access-requests/{id} to withdraw, and believes only a view of that id', async () => {
      const { backend, client } = await clientFor([
        {
          method: 'DELETE',
          path: '/access-requests/*',
          body: altinn3AccessView({ id: '$id', status: 'withdrawn' }),
          times: 1,
        },
        {
          method: 'DELETE',
          path: '/access-requests/*',
          body: altinn3AccessView({ id: '11111111-2222-4333-8444-555555555555' }),
        },
      ]);
      const id = '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9';
      const view = await client.withdrawRequest('access', id);
      expect(view).to.include({ id, status: 'withdrawn' });
      const [request] = await backend.requests();
      expect(request).to.deep.include({ method: 'DELETE', path: `/access-requests/${id}` });
      expect((await failure(client.withdrawRequest('access', id))).code).to.equal(
        'invalid-response',
      );
    });

    it('joins an endpoint with trailing slashes without doubling them', async () => {
      const backend = await fakeBackend([created]);
      for (const endpoint of [`${backend.endpoint}/`, `${backend.endpoint}//`]) {
        await new BackendClient({ endpoint }).createRequest('consent', consentRequestBody);
      }
      const paths = (await backend.requests()).map((request) => request.path);
      expect(paths).to.deep.equal(['/consent-requests', '/consent-requests']);
    });

    it('lets constructor options win over configure()', async () => {
      const used = await fakeBackend([created]);
      const configured = await fakeBackend([created]);
      configure({ endpoint: configured.endpoint, headers: { 'X-From': 'configure' } });
      await new BackendClient({
        endpoint: used.endpoint,
        headers: { 'X-From': 'options' },
      }).createRequest('consent', consentRequestBody);
      expect(await configured.requests()).to.be.empty;
      const [request] = await used.requests();
      expect(request!.headers['x-from']).to.equal('options');
    });

    it('uses a configured fetch', async () => {
      const backend = await fakeBackend([created]);
      const seen: string[] = [];
      configure({
        endpoint: backend.endpoint,
        fetch: (input, init) => {
          seen.push(String(input));
          return fetch(input, init);
        },
      });
      await new BackendClient().createRequest('consent', consentRequestBody);
      expect(seen).to.deep.equal([`${backend.endpoint}/consent-requests`]);
    });
  });

  describe('answers', () => {
    it('reads the request view of a 201', async () => {
      const { client } = await clientFor([created]);
      const view = await client.createRequest('consent', consentRequestBody);
      expect(view).to.include({
        kind: 'consent',
        id: ID,
        status: 'created',
        url: consentViewUri(ID),
        navigation: 'redirect',
      });
      expect(Date.parse(view.validTo!)).to.be.greaterThan(Date.now());
    });

    it("refuses Altinn's own consent JSON: mapping it is the backend's work", async () => {
      const { client } = await clientFor([
        {
          method: 'POST',
          path: '/consent-requests',
          body: consentRequestDetails({ id: '$id', viewUri: VIEW_URI, status: 'Accepted' }),
        },
      ]);
      const error = await failure(client.createRequest('consent', consentRequestBody));
      expect(error.code).to.equal('invalid-response');
    });

    it('reads a status word in any letter case', async () => {
      const { client } = await clientFor([
        {
          method: 'GET',
          path: '/consent-requests/*',
          body: consentView({ id: '$id', status: 'Rejected' }),
        },
      ]);
      expect((await client.getRequest('consent', ID)).status).to.equal('rejected');
    });

    it('refuses a view about another request than the one asked for', async () => {
      const { client } = await clientFor([
        {
          method: 'GET',
          path: '/consent-requests/*',
          body: consentView({ id: OTHER_REQUEST_ID, status: 'accepted' }),
        },
      ]);
      expect((await failure(client.getRequest('consent', ID))).code).to.equal('invalid-response');
    });

    it("lists the person's requests: GET {endpoint}/{kind}-requests?…, newest first", async () => {
      const { backend, client } = await clientFor([
        {
          method: 'GET',
          path: '/access-requests',
          body: {
            items: [altinn3AccessView({ status: 'pending', createdAt: '2026-12-01T09:00:00Z' })],
            next: 'page-2',
          },
        },
      ]);
      const list = await client.listRequests('access', {
        resource: 'app_x',
        org: '991825827',
        state: 'all',
        limit: 1,
      });
      expect(list.next).to.equal('page-2');
      expect(list.items).to.have.length(1);
      expect(list.items[0]).to.include({
        kind: 'access',
        id: ACCESS_REQUEST_ID,
        status: 'pending',
        createdAt: '2026-12-01T09:00:00Z',
      });
      const [request] = await backend.requests();
      expect(request?.query).to.equal('resource=app_x&org=991825827&state=all&limit=1');
    });

    it('refuses a list with an item of another kind', async () => {
      const { client } = await clientFor([
        {
          method: 'GET',
          path: '/access-requests',
          body: { items: [consentView()] },
        },
      ]);
      const error = await failure(client.listRequests('access', { resource: 'app_x' }));
      expect(error.code).to.equal('invalid-response');
    });

    it('looks up many ids in one call, and refuses a view of an id not asked for', async () => {
      const { backend, client } = await clientFor([
        {
          method: 'POST',
          path: '/consent-requests/lookup',
          body: { items: [consentView({ id: ID, status: 'accepted' })] },
          times: 1,
        },
        {
          method: 'POST',
          path: '/consent-requests/lookup',
          body: { items: [consentView({ id: OTHER_REQUEST_ID, status: 'accepted' })] },
        },
      ]);
      const views = await client.lookupRequests('consent', [ID, ACCESS_REQUEST_ID]);
      expect(views.map((view) => view.id)).to.deep.equal([ID]);
      const [request] = await backend.requests();
      expect(request?.body).to.deep.equal({ ids: [ID, ACCESS_REQUEST_ID] });
      const error = await failure(client.lookupRequests('consent', [ID]));
      expect(error.code).to.equal('invalid-response');
    });

    it('answers a later route once an earlier one is used up (the fake backend itself)', async () => {
      const { client } = await clientFor([
        { method: 'GET', path: '/consent-requests/*', status: 503, times: 1 },
        { method: 'GET', path: '/consent-requests/*', body: consentView({ id: '$id' }) },
      ]);
      expect((await failure(client.getRequest('consent', ID))).httpStatus).to.equal(503);
      expect((await client.getRequest('consent', ID)).id).to.equal(ID);
    });
  });

  describe('errors', () => {
    it('500: http-5xx, retryable', async () => {
      const { client } = await clientFor([
        {
          method: 'POST',
          path: '/consent-requests',
          status: 500,
          body: { title: 'Internal Server Error', status: 500 },
        },
      ]);
      const error = await failure(client.createRequest('consent', consentRequestBody));
      expect(error).to.include({
        code: 'http-5xx',
        httpStatus: 500,
        retryable: true,
        kind: 'consent',
      });
    });

    it('500 with several problems (STD-00001): http-5xx, not retryable, problem kept', async () => {
      const problem = {
        type: 'urn:altinn:error:STD-00001',
        title: 'Multiple problems',
        status: 500,
        detail: 'Multiple problems occurred.',
        code: 'STD-00001',
        problems: [
          { code: 'AM-00006', title: 'Unknown metadata key', status: 400 },
          { code: 'AM-00007', title: 'Empty metadata value', status: 400 },
        ],
      };
      const { client } = await clientFor([
        { method: 'POST', path: '/consent-requests', status: 500, body: problem },
      ]);
      const error = await failure(client.createRequest('consent', consentRequestBody));
      expect(error).to.include({ code: 'http-5xx', httpStatus: 500, retryable: false });
      expect(error.problem).to.deep.equal(problem);
    });

    it('400 problem+json: http-4xx, not retryable, problem and its code kept', async () => {
      const problem = {
        type: 'urn:altinn:error:AM-00005',
        title: 'Invalid consent resource',
        status: 400,
        detail: 'The resource is not a consent resource.',
        code: 'AM-00005',
        traceId: '00-abc-def-01',
      };
      const { client } = await clientFor([
        { method: 'POST', path: '/consent-requests', status: 400, body: problem },
      ]);
      const error = await failure(client.createRequest('consent', consentRequestBody));
      expect(error).to.include({ code: 'http-4xx', httpStatus: 400, retryable: false });
      expect(error.problem?.code).to.equal('AM-00005');
      expect(error.problem).to.deep.equal(problem);
      expect(error.message).to.contain('The resource is not a consent resource.');
    });

    it('404: http-4xx, not retryable', async () => {
      const { client } = await clientFor([]);
      const error = await failure(client.getRequest('consent', ID));
      expect(error).to.include({ code: 'http-4xx', httpStatus: 404, retryable: false });
    });

    it('403 with an empty body (as Altinn denies): http-4xx without a problem', async () => {
      const { client } = await clientFor([
        { method: 'POST', path: '/consent-requests', status: 403 },
      ]);
      const error = await failure(client.createRequest('consent', consentRequestBody));
      expect(error).to.include({ code: 'http-4xx', httpStatus: 403, retryable: false });
      expect(error.problem).to.equal(undefined);
    });

    it('429 and 503: retryable', async () => {
      const { client } = await clientFor([
        { method: 'GET', path: '/consent-requests/*', status: 429, times: 1 },
        { method: 'GET', path: '/consent-requests/*', status: 503, raw: 'Service Unavailable' },
      ]);
      expect(await failure(client.getRequest('consent', ID))).to.include({
        code: 'http-4xx',
        httpStatus: 429,
        retryable: true,
      });
      expect(await failure(client.getRequest('consent', ID))).to.include({
        code: 'http-5xx',
        httpStatus: 503,
        retryable: true,
      });
    });

    it('no answer within the time-out: timeout, retryable, and soon', async () => {
      const backend = await fakeBackend([{ ...created, delayMs: 3000 }]);
      configure({ endpoint: backend.endpoint, timeout: 200 });
      const started = performance.now();
      const error = await failure(new BackendClient().createRequest('consent', consentRequestBody));
      expect(error).to.include({ code: 'timeout', retryable: true });
      expect(performance.now() - started).to.be.below(2000);
    });

    it('a dropped connection: network, retryable', async () => {
      const { client } = await clientFor([{ ...created, fail: 'network' }]);
      const error = await failure(client.createRequest('consent', consentRequestBody));
      expect(error).to.include({ code: 'network', retryable: true });
      expect(error.cause).to.be.instanceOf(TypeError);
    });

    it('2xx that is not JSON: invalid-response', async () => {
      const { client } = await clientFor([
        {
          method: 'POST',
          path: '/consent-requests',
          raw: '<!doctype html><title>Login</title>',
          contentType: 'text/html',
          times: 1,
        },
        {
          method: 'POST',
          path: '/consent-requests',
          raw: '{"id":',
          contentType: 'application/json',
        },
      ]);
      for (let i = 0; i < 2; i++) {
        const error = await failure(client.createRequest('consent', consentRequestBody));
        expect(error).to.include({ code: 'invalid-response', httpStatus: 200 });
      }
    });

    it('2xx JSON that is not a request: invalid-response', async () => {
      const answers: unknown[] = [
        { hello: 'world' },
        [],
        null,
        'created',
        { id: ID },
        { id: ID, status: 'created' },
        consentView({ id: ID, kind: 'access' }),
        consentView({ id: ID, status: 7 as unknown as string }),
        consentRequestDetails({ id: ID }),
      ];
      const { client } = await clientFor(
        answers.map((body) => ({ method: 'GET', path: '/consent-requests/*', body, times: 1 })),
      );
      for (const answer of answers) {
        const error = await failure(client.getRequest('consent', ID));
        expect(error.code, JSON.stringify(answer)).to.equal('invalid-response');
      }
    });

    it("the caller's AbortSignal: aborted", async () => {
      const { backend, client } = await clientFor([{ ...created, delayMs: 3000 }]);
      const controller = new AbortController();
      const call = client.createRequest('consent', consentRequestBody, undefined, {
        signal: controller.signal,
      });
      // Abort once the request has reached the backend, so the test aborts a call in flight.
      while ((await backend.requests()).length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const started = performance.now();
      controller.abort();
      const error = await failure(call);
      expect(error).to.include({ code: 'aborted' });
      expect(performance.now() - started).to.be.below(1000);
    });

    it('an AbortSignal aborted before the call: aborted, and nothing sent', async () => {
      const { backend, client } = await clientFor([created]);
      const error = await failure(
        client.createRequest('consent', consentRequestBody, undefined, {
          signal: AbortSignal.abort(),
        }),
      );
      expect(error.code).to.equal('aborted');
      expect(await backend.requests()).to.be.empty;
    });
  });
});

describe('BackendClient time-out edges', () => {
  afterEach(() => resetConfig());

  it('refuses a time-out that setTimeout would read as 0', () => {
    expect(() => configure({ timeout: Infinity })).to.throw(TypeError);
    expect(() => configure({ timeout: 2 ** 31 })).to.throw(TypeError);
    expect(() => configure({ timeout: 0 })).to.throw(TypeError);
    expect(() => configure({ timeout: 2 ** 31 - 1 })).not.to.throw();
  });

  it('times out a headers function that never settles', async () => {
    const backend = await fakeBackend([
      { method: 'GET', path: '/consent-requests/*', body: consentView({ id: '$id' }) },
    ]);
    configure({ headers: () => new Promise<HeadersInit>(() => {}), timeout: 200 });
    const client = new BackendClient({ endpoint: backend.endpoint });
    let caught: unknown;
    try {
      await client.getRequest('consent', '77ed8698-e619-4066-9eb4-5c1eb3f165a1');
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(AltinnRequestError);
    expect((caught as AltinnRequestError).code).to.equal('timeout');
    expect(await backend.requests()).to.deep.equal([]);
  });
});
