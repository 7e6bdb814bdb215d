import { expect } from '@open-wc/testing';
import { toRequestView } from '../../src/core/index.js';
import {
  CONSENT_ID,
  consentEvent,
  consentRequestDetails,
  consentViewUri,
  idempotentConsentRequest,
  requestView,
} from '../support/altinn-fixtures.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const PAST = '2026-02-01T00:00:00+00:00';
const FUTURE = '2026-06-01T00:00:00+00:00';

describe('toRequestView', () => {
  describe('the normalised view', () => {
    it('passes a well-formed view through', () => {
      const answer = requestView({ status: 'accepted', validTo: FUTURE, updatedAt: PAST });
      expect(toRequestView(answer, 'consent', NOW)).to.deep.equal({
        kind: 'consent',
        id: CONSENT_ID,
        status: 'accepted',
        url: consentViewUri(CONSENT_ID),
        navigation: 'redirect',
        validTo: FUTURE,
        updatedAt: PAST,
      });
    });

    it('reads the status in any letter case', () => {
      for (const status of ['Created', 'CREATED', 'created']) {
        expect(toRequestView(requestView({ status }), 'consent', NOW)?.status).to.equal('created');
      }
      expect(
        toRequestView(requestView({ kind: 'access', status: 'Pending' }), 'access', NOW)?.status,
      ).to.equal('pending');
    });

    it('accepts a view without kind as the kind asked for', () => {
      const answer = { id: 'a1', status: 'pending' };
      expect(toRequestView(answer, 'access', NOW)).to.deep.equal({
        kind: 'access',
        id: 'a1',
        status: 'pending',
      });
    });

    it('accepts kind in any letter case', () => {
      expect(toRequestView(requestView({ kind: 'Consent' }), 'consent', NOW)?.kind).to.equal(
        'consent',
      );
    });

    it('refuses a view of the other kind', () => {
      expect(toRequestView(requestView({ kind: 'access' }), 'consent', NOW)).to.equal(undefined);
      expect(toRequestView(requestView({ kind: 'consent' }), 'access', NOW)).to.equal(undefined);
      expect(toRequestView(requestView({ kind: 'system-user' }), 'consent', NOW)).to.equal(
        undefined,
      );
    });

    it('keeps navigation redirect and new-window in any case, and drops anything else', () => {
      expect(
        toRequestView(requestView({ navigation: 'New-Window' }), 'consent', NOW)?.navigation,
      ).to.equal('new-window');
      expect(
        toRequestView(requestView({ navigation: 'REDIRECT' }), 'consent', NOW)?.navigation,
      ).to.equal('redirect');
      const popup = toRequestView(requestView({ navigation: 'popup' }), 'consent', NOW);
      expect(popup).to.not.have.property('navigation');
      const none = toRequestView(requestView({ navigation: null }), 'consent', NOW);
      expect(none).to.not.have.property('navigation');
    });

    it('applies expiry to an accepted view past validTo', () => {
      const answer = requestView({ status: 'accepted', validTo: PAST });
      expect(toRequestView(answer, 'consent', NOW)?.status).to.equal('expired');
    });

    it("maps Altinn's own consent status when a backend forwards only { id, status }", () => {
      expect(toRequestView({ id: CONSENT_ID, status: 'Deleted' }, 'consent', NOW)).to.deep.equal({
        kind: 'consent',
        id: CONSENT_ID,
        status: 'withdrawn',
      });
      expect(
        toRequestView({ id: CONSENT_ID, status: 'Accepted' }, 'consent', NOW)?.status,
      ).to.equal('accepted');
    });

    it('keeps a status it does not know as unknown', () => {
      expect(toRequestView(requestView({ status: 'Opened' }), 'consent', NOW)?.status).to.equal(
        'unknown',
      );
    });

    it('drops null optional members instead of passing them on', () => {
      const view = toRequestView(
        { id: 'x', status: 'created', url: null, validTo: null, updatedAt: null },
        'consent',
        NOW,
      );
      expect(view).to.deep.equal({ kind: 'consent', id: 'x', status: 'created' });
    });
  });

  describe("Altinn's consent request passed straight through", () => {
    it('reads ConsentRequestDetails with status', () => {
      const details = consentRequestDetails({ validTo: FUTURE });
      const view = toRequestView(details, 'consent', NOW);
      expect(view).to.include({
        kind: 'consent',
        id: CONSENT_ID,
        status: 'created',
        url: consentViewUri(CONSENT_ID),
        navigation: 'redirect',
        validTo: FUTURE,
      });
      expect(view?.updatedAt).to.equal(details.consentRequestEvents[0]!.created);
    });

    it('reads status in any letter case', () => {
      for (const status of ['Accepted', 'accepted', 'ACCEPTED']) {
        const details = consentRequestDetails({ status, validTo: FUTURE });
        expect(toRequestView(details, 'consent', NOW)?.status).to.equal('accepted');
      }
    });

    it('reads the idempotent-create shape with consentRequestStatus', () => {
      const details = idempotentConsentRequest({
        consentRequestStatus: 'Accepted',
        validTo: FUTURE,
      });
      expect(details).to.not.have.property('status');
      const view = toRequestView(details, 'consent', NOW);
      expect(view).to.include({ id: CONSENT_ID, status: 'accepted', navigation: 'redirect' });
      expect(view?.url).to.equal(consentViewUri(CONSENT_ID));
    });

    it('reads a request with events only (no status, as older deployments answer)', () => {
      const details: Record<string, unknown> = consentRequestDetails({
        validTo: FUTURE,
        consentRequestEvents: [
          consentEvent('Created', '2026-02-01T10:00:00+00:00'),
          consentEvent('Accepted', '2026-02-02T10:00:00+00:00'),
        ],
      });
      delete details.status;
      const view = toRequestView(details, 'consent', NOW);
      expect(view?.status).to.equal('accepted');
      expect(view?.updatedAt).to.equal('2026-02-02T10:00:00+00:00');
    });

    it('applies validTo and the Expired event', () => {
      const pastValidTo = consentRequestDetails({ status: 'Accepted', validTo: PAST });
      expect(toRequestView(pastValidTo, 'consent', NOW)?.status).to.equal('expired');
      const expiredEvent = consentRequestDetails({
        status: 'Accepted',
        validTo: FUTURE,
        consentRequestEvents: [
          consentEvent('Created', '2026-01-01T10:00:00+00:00'),
          consentEvent('Accepted', '2026-01-02T10:00:00+00:00'),
          consentEvent('Expired', '2026-02-01T00:00:00+00:00'),
        ],
      });
      expect(toRequestView(expiredEvent, 'consent', NOW)?.status).to.equal('expired');
    });

    it('makes viewUri the url, with navigation redirect', () => {
      const viewUri = consentViewUri(CONSENT_ID, 'am.ui.altinn.no');
      const view = toRequestView(consentRequestDetails({ viewUri }), 'consent', NOW);
      expect(view?.url).to.equal(viewUri);
      expect(view?.navigation).to.equal('redirect');
      expect(view).to.not.have.property('viewUri');
    });

    it('reads a request with null events and no viewUri', () => {
      const details = consentRequestDetails({ consentRequestEvents: null, viewUri: null });
      const view = toRequestView(details, 'consent', NOW);
      expect(view?.status).to.equal('created');
      expect(view).to.not.have.property('url');
    });

    it('refuses a consent request with a status that is not a string', () => {
      expect(toRequestView(consentRequestDetails({ status: 3 }), 'consent', NOW)).to.equal(
        undefined,
      );
    });

    it('refuses a consent request without id', () => {
      const details: Record<string, unknown> = consentRequestDetails();
      delete details.id;
      expect(toRequestView(details, 'consent', NOW)).to.equal(undefined);
      expect(toRequestView(consentRequestDetails({ id: '' }), 'consent', NOW)).to.equal(undefined);
    });

    it('refuses events that are not a list of events', () => {
      expect(
        toRequestView(consentRequestDetails({ consentRequestEvents: 'Accepted' }), 'consent', NOW),
      ).to.equal(undefined);
      expect(
        toRequestView(consentRequestDetails({ consentRequestEvents: [{}] }), 'consent', NOW),
      ).to.equal(undefined);
    });
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
      ['a view with a status that is not a string', { id: 'x', status: { value: 'accepted' } }],
      ['a view with a status true', { id: 'x', status: true }],
      ['a problem details body', { type: 'about:blank', title: 'Not Found', status: 404 }],
    ];
    for (const [name, answer] of garbage) {
      it(`refuses ${name}`, () => {
        expect(toRequestView(answer, 'consent', NOW)).to.equal(undefined);
        expect(toRequestView(answer, 'access', NOW)).to.equal(undefined);
      });
    }
  });
});

describe('updatedAt', () => {
  it('is the latest event by time, whatever the offsets say as text', () => {
    const view = toRequestView(
      consentRequestDetails({
        consentRequestEvents: [
          { eventType: 'Created', created: '2025-07-18T09:00:00+02:00' },
          // Later in time, though earlier as text.
          { eventType: 'Accepted', created: '2025-07-18T08:30:00+00:00' },
        ],
      }),
      'consent',
    );
    expect(view?.updatedAt).to.equal('2025-07-18T08:30:00+00:00');
  });
});
