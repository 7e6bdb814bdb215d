/**
 * The fake backend itself: element and client tests trust what it records and answers, so its own
 * rules are checked here, with plain `fetch`.
 */
import { expect } from '@open-wc/testing';
import { fakeBackend } from './fake-backend.js';

describe('fake backend (test support)', () => {
  it('records method, path, query, lower-case headers and the parsed JSON body', async () => {
    const backend = await fakeBackend([{ method: 'post', path: '/things', status: 201, body: {} }]);
    const response = await fetch(`${backend.endpoint}/things?a=1&b=two`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Trace': 'T-1' },
      body: JSON.stringify({ id: 'x', n: [1, 2] }),
    });
    expect(response.status).to.equal(201);
    const [request, ...more] = await backend.requests();
    expect(more).to.be.empty;
    expect(request).to.deep.include({
      method: 'POST',
      path: '/things',
      query: 'a=1&b=two',
      body: { id: 'x', n: [1, 2] },
    });
    expect(request!.headers['x-trace']).to.equal('T-1');
  });

  it('records a body that is not JSON as text, and no body as null', async () => {
    const backend = await fakeBackend([]);
    await fetch(`${backend.endpoint}/a`, { method: 'PUT', body: 'plain words' });
    await fetch(`${backend.endpoint}/b`);
    const requests = await backend.requests();
    expect(requests.map((request) => request.body)).to.deep.equal(['plain words', null]);
  });

  it('answers an unmatched call with a 404 problem', async () => {
    const backend = await fakeBackend([{ method: 'GET', path: '/x', body: {} }]);
    const response = await fetch(`${backend.endpoint}/y`);
    expect(response.status).to.equal(404);
    expect(response.headers.get('content-type')).to.contain('application/problem+json');
    expect(await response.json()).to.deep.equal({ title: 'No fake route', status: 404 });
    expect(await backend.requests()).to.have.length(1);
  });

  it('matches /* to exactly one more segment, and the method', async () => {
    const backend = await fakeBackend([{ method: 'GET', path: '/items/*', body: { ok: true } }]);
    const status = async (path: string, method = 'GET') =>
      (await fetch(`${backend.endpoint}${path}`, { method })).status;
    expect(await status('/items/42')).to.equal(200);
    expect(await status('/items/')).to.equal(404);
    expect(await status('/items')).to.equal(404);
    expect(await status('/items/42/more')).to.equal(404);
    expect(await status('/items/42', 'DELETE')).to.equal(404);
  });

  it('uses a route only `times` times, then the next one', async () => {
    const backend = await fakeBackend([
      { method: 'GET', path: '/s', status: 503, times: 2 },
      { method: 'GET', path: '/s', body: { n: 3 } },
    ]);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${backend.endpoint}/s`)).status);
    expect(statuses).to.deep.equal([503, 503, 200, 200]);
  });

  it('replaces $id with the body id, else the last path segment, in every string', async () => {
    const body = { id: '$id', nested: [{ url: 'https://x.example/?id=$id' }], n: 1, empty: null };
    const backend = await fakeBackend([
      { method: 'POST', path: '/r', body },
      { method: 'GET', path: '/r/*', body },
    ]);
    const posted = await fetch(`${backend.endpoint}/r`, {
      method: 'POST',
      body: JSON.stringify({ id: 'from-body' }),
    });
    expect(await posted.json()).to.deep.equal({
      id: 'from-body',
      nested: [{ url: 'https://x.example/?id=from-body' }],
      n: 1,
      empty: null,
    });
    const got = await fetch(`${backend.endpoint}/r/a%20b`);
    expect((await got.json()).id).to.equal('a b');
  });

  it('sends JSON, problem+json from 400 up, raw text and extra headers', async () => {
    const backend = await fakeBackend([
      { method: 'GET', path: '/json', body: { a: 1 } },
      { method: 'GET', path: '/problem', status: 400, body: { title: 'Bad', status: 400 } },
      { method: 'GET', path: '/raw', raw: '<p>x</p>', contentType: 'text/html' },
      { method: 'GET', path: '/text', raw: 'hello', headers: { 'X-Extra': 'yes' } },
    ]);
    const get = (path: string) => fetch(`${backend.endpoint}${path}`);
    const json = await get('/json');
    expect(json.headers.get('content-type')).to.equal('application/json');
    expect(await json.json()).to.deep.equal({ a: 1 });
    const problem = await get('/problem');
    expect(problem.status).to.equal(400);
    expect(problem.headers.get('content-type')).to.equal('application/problem+json');
    const raw = await get('/raw');
    expect(raw.headers.get('content-type')).to.equal('text/html');
    expect(await raw.text()).to.equal('<p>x</p>');
    const text = await get('/text');
    expect(text.headers.get('content-type')).to.equal('text/plain');
    expect(text.headers.get('x-extra')).to.equal('yes');
    expect(await text.text()).to.equal('hello');
  });

  it('waits delayMs before answering', async () => {
    const backend = await fakeBackend([{ method: 'GET', path: '/slow', body: {}, delayMs: 300 }]);
    const started = performance.now();
    await fetch(`${backend.endpoint}/slow`);
    expect(performance.now() - started).to.be.at.least(290);
  });

  it("drops the connection for fail: 'network', so fetch rejects with a TypeError", async () => {
    const backend = await fakeBackend([{ method: 'GET', path: '/down', fail: 'network' }]);
    let error: unknown;
    try {
      await fetch(`${backend.endpoint}/down`);
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(TypeError);
    // Chromium resends silently after a dropped connection (several times, seen here).
    expect((await backend.requests()).length).to.be.at.least(1);
  });

  it('keeps scenarios apart', async () => {
    const first = await fakeBackend([{ method: 'GET', path: '/x', body: { which: 1 } }]);
    const second = await fakeBackend([{ method: 'GET', path: '/x', body: { which: 2 } }]);
    expect(first.endpoint).to.not.equal(second.endpoint);
    expect(await (await fetch(`${second.endpoint}/x`)).json()).to.deep.equal({ which: 2 });
    expect(await first.requests()).to.be.empty;
  });

  it('refuses a scenario without a valid route list', async () => {
    for (const body of [
      {},
      { routes: [{ path: '/x' }] },
      { routes: [{ method: 'GET', path: 'x' }] },
    ]) {
      const response = await fetch('/fake-bff/scenarios', {
        method: 'POST',
        body: JSON.stringify(body),
      });
      expect(response.status, JSON.stringify(body)).to.equal(400);
    }
  });

  it('serves a fake Altinn page for any path under /fake-altinn/', async () => {
    const response = await fetch('/fake-altinn/accessmanagement/ui/consent/request?id=1');
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.contain('text/html');
    expect(await response.text()).to.contain('<title>Fake Altinn</title>');
  });
});
