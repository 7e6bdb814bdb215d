/**
 * The browser's reader of the request view: it believes only a view of the kind (and about the id) it
 * asked for, reads the normalised status words, and takes none of Altinn's own answers for a view
 * (the backend maps those).
 */
import { expect } from '@open-wc/testing';
import { readView } from '../../src/core/index.js';
import {
  altinn2DelegationRequest,
  altinn3DelegationRequest,
  CONSENT_ID,
  consentRequestDetails,
  consentViewUri,
  requestView,
} from '../support/altinn-fixtures.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const PAST = '2026-02-01T00:00:00+00:00';
const FUTURE = '2026-06-01T00:00:00+00:00';

describe('readView', () => {
  it('passes a well-formed view through', () => {
    const answer = requestView({
      status: 'accepted',
      validTo: FUTURE,
      createdAt: PAST,
      updatedAt: PAST,
      subject: { resource: 'standard-samtykke-for-dele-data' },
    });
    expect(readView(answer, 'consent', undefined, NOW)).to.deep.equal({
      kind: 'consent',
      id: CONSENT_ID,
      status: 'accepted',
      url: consentViewUri(CONSENT_ID),
      navigation: 'redirect',
      validTo: FUTURE,
      createdAt: PAST,
      updatedAt: PAST,
      subject: { resource: 'standard-samtykke-for-dele-data' },
    });
  });

  it('reads the status in any letter case, and a word outside the vocabulary as unknown', () => {
    for (const status of ['Created', 'CREATED', 'created']) {
      expect(readView(requestView({ status }), 'consent', undefined, NOW)?.status).to.equal(
        'created',
      );
    }
    expect(readView(requestView({ status: 'Opened' }), 'consent', undefined, NOW)?.status).to.equal(
      'unknown',
    );
  });

  it("does not map Altinn's own words: a forwarded { status: 'Deleted' } stays unknown", () => {
    const answer = { kind: 'consent', id: CONSENT_ID, status: 'Deleted' };
    expect(readView(answer, 'consent', undefined, NOW)?.status).to.equal('unknown');
  });

  it('applies expiry to an accepted view past validTo', () => {
    const answer = requestView({ status: 'accepted', validTo: PAST });
    expect(readView(answer, 'consent', undefined, NOW)?.status).to.equal('expired');
  });

  it('refuses a view without its kind, or of another kind', () => {
    expect(readView({ id: 'a1', status: 'pending' }, 'access', undefined, NOW)).to.equal(undefined);
    expect(readView(requestView({ kind: 'access' }), 'consent', undefined, NOW)).to.equal(
      undefined,
    );
    expect(readView(requestView({ kind: 'Consent' }), 'consent', undefined, NOW)).to.equal(
      undefined,
    );
  });

  it('refuses a view about another request, and compares ids in any letter case', () => {
    expect(readView(requestView(), 'consent', 'another-id', NOW)).to.equal(undefined);
    expect(readView(requestView(), 'consent', CONSENT_ID.toUpperCase(), NOW)?.id).to.equal(
      CONSENT_ID,
    );
  });

  it('keeps navigation redirect and new-window, and drops anything else', () => {
    expect(
      readView(requestView({ navigation: 'new-window' }), 'consent', undefined, NOW)?.navigation,
    ).to.equal('new-window');
    for (const navigation of ['popup', 'REDIRECT', null]) {
      expect(readView(requestView({ navigation }), 'consent', undefined, NOW)).to.not.have.property(
        'navigation',
      );
    }
  });

  it('drops null and empty optional members instead of passing them on', () => {
    const view = readView(
      { kind: 'consent', id: 'x', status: 'created', url: null, validTo: '', updatedAt: null },
      'consent',
      undefined,
      NOW,
    );
    expect(view).to.deep.equal({ kind: 'consent', id: 'x', status: 'created' });
  });

  describe("refuses Altinn's own answers, which only the backend reads", () => {
    const answers: [string, unknown, 'consent' | 'access'][] = [
      ['a consent request (ConsentRequestDetails)', consentRequestDetails(), 'consent'],
      ['an Altinn 2 delegation request', altinn2DelegationRequest(), 'access'],
      ['an Altinn 3 delegation request', altinn3DelegationRequest(), 'access'],
    ];
    for (const [name, answer, kind] of answers) {
      it(`refuses ${name}`, () => {
        expect(readView(answer, kind, undefined, NOW)).to.equal(undefined);
      });
    }
  });

  describe('garbage', () => {
    const garbage: [string, unknown][] = [
      ['null', null],
      ['undefined', undefined],
      ['an array', [requestView()]],
      ['a string', JSON.stringify(requestView())],
      ['a number', 201],
      ['true', true],
      ['an empty object', {}],
      ['a view without id', { kind: 'consent', status: 'created' }],
      ['a view with an empty id', { kind: 'consent', id: '', status: 'created' }],
      ['a view with a numeric id', { kind: 'consent', id: 42, status: 'created' }],
      ['a view without status', { kind: 'consent', id: 'x' }],
      ['a view with a status that is not a string', { kind: 'consent', id: 'x', status: {} }],
      ['a view with a status true', { kind: 'consent', id: 'x', status: true }],
      ['a problem details body', { type: 'about:blank', title: 'Not Found', status: 404 }],
    ];
    for (const [name, answer] of garbage) {
      it(`refuses ${name}`, () => {
        expect(readView(answer, 'consent', undefined, NOW)).to.equal(undefined);
        expect(readView(answer, 'access', undefined, NOW)).to.equal(undefined);
      });
    }
  });
});
