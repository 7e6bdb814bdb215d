import { expect } from '@open-wc/testing';
import {
  forgetPendingRequest,
  recallPendingRequest,
  recallPendingRequests,
  rememberPendingRequest,
  type PendingRequest,
} from '../../src/core/index.js';

const ID = '77ed8698-e619-4066-9eb4-5c1eb3f165a1';
const OTHER_ID = '0b8e5a4e-3c0f-4f43-9d5e-8a1d2c3b4a59';
const HOUR = 60 * 60 * 1000;

function pending(overrides: Partial<PendingRequest> = {}): PendingRequest {
  return { kind: 'consent', id: ID, createdAt: new Date().toISOString(), ...overrides };
}

/** The sessionStorage key the library wrote (found, not assumed, so the test does not pin the name). */
function storedKey(): string {
  expect(sessionStorage.length).to.equal(1);
  return sessionStorage.key(0)!;
}

/** A store that refuses everything, like Safari's private mode or a full quota. */
const brokenStore = {
  getItem() {
    throw new DOMException('blocked', 'SecurityError');
  },
  setItem() {
    throw new DOMException('full', 'QuotaExceededError');
  },
  removeItem() {
    throw new DOMException('blocked', 'SecurityError');
  },
} as unknown as Storage;

describe('pending request in sessionStorage', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => sessionStorage.clear());

  it('remembers and recalls a request', () => {
    const request = pending();
    expect(rememberPendingRequest(request)).to.equal(true);
    expect(sessionStorage.length).to.equal(1);
    expect(recallPendingRequest('consent')).to.deep.equal(request);
  });

  it('keeps one request per kind, the latest', () => {
    rememberPendingRequest(pending({ id: 'first' }));
    rememberPendingRequest(pending({ id: 'second' }));
    rememberPendingRequest(pending({ kind: 'access', id: 'access-1' }));
    expect(recallPendingRequest('consent')?.id).to.equal('second');
    expect(recallPendingRequest('access')?.id).to.equal('access-1');
  });

  it('keeps one request per backend, so a page with two backends loses neither', () => {
    rememberPendingRequest(pending({ kind: 'access', id: 'a3-first', endpoint: '/api/altinn' }));
    rememberPendingRequest(pending({ kind: 'access', id: 'a2', endpoint: '/api/altinn2' }));
    rememberPendingRequest(pending({ kind: 'access', id: 'a3-second', endpoint: '/api/altinn' }));
    expect(recallPendingRequests('access').map((request) => request.id)).to.deep.equal([
      'a3-second',
      'a2',
    ]);
    expect(recallPendingRequest('access')?.id).to.equal('a3-second');

    forgetPendingRequest('access', 'A3-SECOND');
    expect(recallPendingRequests('access').map((request) => request.endpoint)).to.deep.equal([
      '/api/altinn2',
    ]);
  });

  it('keeps at most eight backends, dropping the oldest', () => {
    for (let index = 0; index < 10; index++) {
      rememberPendingRequest(pending({ id: `id-${index}`, endpoint: `/api/${index}` }));
    }
    const kept = recallPendingRequests('consent').map((request) => request.id);
    expect(kept).to.have.length(8);
    expect(kept[0]).to.equal('id-9');
    expect(kept).not.to.include('id-0');
  });

  it('ignores a request kept as one object (a format no longer written)', () => {
    rememberPendingRequest(pending());
    sessionStorage.setItem(storedKey(), JSON.stringify(pending({ endpoint: '/api/altinn' })));
    expect(recallPendingRequest('consent')).to.equal(undefined);
  });

  it('recalls nothing when nothing was remembered', () => {
    expect(recallPendingRequest('consent')).to.equal(undefined);
  });

  it('forgets the request', () => {
    rememberPendingRequest(pending());
    forgetPendingRequest('consent', ID);
    expect(recallPendingRequest('consent')).to.equal(undefined);
    expect(sessionStorage.length).to.equal(0);
  });

  it('forgets any request of the kind when no id is given', () => {
    rememberPendingRequest(pending());
    forgetPendingRequest('consent');
    expect(recallPendingRequest('consent')).to.equal(undefined);
  });

  it('keeps the request when asked to forget a different id', () => {
    rememberPendingRequest(pending());
    forgetPendingRequest('consent', OTHER_ID);
    expect(recallPendingRequest('consent')?.id).to.equal(ID);
  });

  it('keeps a request of the other kind', () => {
    rememberPendingRequest(pending());
    forgetPendingRequest('access');
    expect(recallPendingRequest('consent')?.id).to.equal(ID);
  });

  it('ignores what is stored when it is not JSON', () => {
    rememberPendingRequest(pending());
    sessionStorage.setItem(storedKey(), '{"kind":"consent","id":');
    expect(recallPendingRequest('consent')).to.equal(undefined);
  });

  it('ignores stored JSON of the wrong shape', () => {
    rememberPendingRequest(pending());
    const key = storedKey();
    for (const value of [
      'null',
      '"77ed8698"',
      '[]',
      JSON.stringify({ kind: 'consent', id: ID }),
      JSON.stringify({ kind: 'consent', id: '', createdAt: new Date().toISOString() }),
      JSON.stringify({ kind: 'consent', id: 42, createdAt: new Date().toISOString() }),
    ]) {
      sessionStorage.setItem(key, value);
      expect(recallPendingRequest('consent'), value).to.equal(undefined);
    }
  });

  it('ignores a stored request of another kind', () => {
    rememberPendingRequest(pending());
    sessionStorage.setItem(storedKey(), JSON.stringify(pending({ kind: 'access' })));
    expect(recallPendingRequest('consent')).to.equal(undefined);
  });

  it('ignores a request older than 24 hours: the user did not come back', () => {
    const now = Date.now();
    rememberPendingRequest(pending({ createdAt: new Date(now - 25 * HOUR).toISOString() }));
    expect(recallPendingRequest('consent', sessionStorage, now)).to.equal(undefined);
  });

  it('recalls a request made 23 hours ago', () => {
    const now = Date.now();
    rememberPendingRequest(pending({ createdAt: new Date(now - 23 * HOUR).toISOString() }));
    expect(recallPendingRequest('consent', sessionStorage, now)?.id).to.equal(ID);
  });

  it('ignores a request with a createdAt it cannot read', () => {
    rememberPendingRequest(pending({ createdAt: 'yesterday' }));
    expect(recallPendingRequest('consent')).to.equal(undefined);
  });

  it('survives a store that throws: nothing kept, nothing recalled, no exception', () => {
    expect(rememberPendingRequest(pending(), brokenStore)).to.equal(false);
    expect(recallPendingRequest('consent', brokenStore)).to.equal(undefined);
    expect(() => forgetPendingRequest('consent', undefined, brokenStore)).to.not.throw();
  });
});
