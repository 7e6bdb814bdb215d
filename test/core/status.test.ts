import { expect } from '@open-wc/testing';
import {
  consentStatus,
  hasExpired,
  isFinalStatus,
  normaliseStatus,
  REQUEST_STATUSES,
  viewStatus,
  type RequestStatus,
} from '../../src/core/index.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const PAST = '2026-02-28T12:00:00+00:00';
const FUTURE = '2026-06-01T06:18:12.25971+00:00';

/** The letter cases Altinn and backends have been seen to use. */
const cases = (name: string): string[] => [name, name.toLowerCase(), name.toUpperCase()];

/** contract.md, "Normalised status", consent column. */
const CONSENT_STATUSES: [string, RequestStatus][] = [
  ['Created', 'created'],
  ['Accepted', 'accepted'],
  ['Rejected', 'rejected'],
  ['Revoked', 'revoked'],
  ['Deleted', 'withdrawn'],
  ['Expired', 'expired'],
];

describe('consentStatus', () => {
  describe('from Altinn status', () => {
    for (const [altinn, expected] of CONSENT_STATUSES) {
      for (const name of cases(altinn)) {
        it(`maps status "${name}" to ${expected}`, () => {
          expect(consentStatus({ status: name, validTo: FUTURE }, NOW)).to.equal(expected);
        });
      }
    }
  });

  describe('from event types only (older deployments send no status)', () => {
    for (const [altinn, expected] of [...CONSENT_STATUSES, ['Used', 'accepted'] as const]) {
      for (const name of cases(altinn)) {
        it(`maps a "${name}" event to ${expected}`, () => {
          const eventTypes = altinn === 'Created' ? [name] : ['Created', name];
          expect(consentStatus({ eventTypes, validTo: FUTURE }, NOW)).to.equal(expected);
        });
      }
    }

    it('reads the whole history, not just the first event', () => {
      expect(consentStatus({ eventTypes: ['Created', 'Accepted'], validTo: FUTURE }, NOW)).to.equal(
        'accepted',
      );
      expect(
        consentStatus({ eventTypes: ['Created', 'Accepted', 'Revoked'], validTo: FUTURE }, NOW),
      ).to.equal('revoked');
    });

    it('counts a one-time consent that was used as accepted, with or without status', () => {
      expect(
        consentStatus({ eventTypes: ['Created', 'Accepted', 'Used'], validTo: FUTURE }, NOW),
      ).to.equal('accepted');
      expect(
        consentStatus(
          { status: 'Accepted', eventTypes: ['Created', 'Accepted', 'Used'], validTo: FUTURE },
          NOW,
        ),
      ).to.equal('accepted');
    });

    it('uses the events when the status is missing or null', () => {
      expect(consentStatus({ status: null, eventTypes: ['Created', 'Rejected'] }, NOW)).to.equal(
        'rejected',
      );
    });

    it('lets an event that ends the request win over a status that lags behind', () => {
      expect(
        consentStatus({ status: 'Accepted', eventTypes: ['Created', 'Accepted', 'Revoked'] }, NOW),
      ).to.equal('revoked');
    });
  });

  describe('expiry', () => {
    it('treats an accepted consent past validTo as expired (Altinn may still say Accepted)', () => {
      expect(consentStatus({ status: 'Accepted', validTo: PAST }, NOW)).to.equal('expired');
    });

    it('treats a request never answered before validTo as expired', () => {
      expect(consentStatus({ status: 'Created', validTo: PAST }, NOW)).to.equal('expired');
      expect(consentStatus({ eventTypes: ['Created'], validTo: PAST }, NOW)).to.equal('expired');
    });

    it("honours Altinn's synthetic Expired event even when status still reads Accepted", () => {
      expect(
        consentStatus(
          { status: 'Accepted', eventTypes: ['Created', 'Accepted', 'Expired'], validTo: FUTURE },
          NOW,
        ),
      ).to.equal('expired');
      expect(
        consentStatus({ status: 'Accepted', eventTypes: ['Created', 'Accepted', 'Expired'] }, NOW),
      ).to.equal('expired');
    });

    it('counts validTo equal to now as expired, and a moment later as valid', () => {
      const validTo = new Date(NOW).toISOString();
      expect(consentStatus({ status: 'Accepted', validTo }, NOW)).to.equal('expired');
      expect(consentStatus({ status: 'Accepted', validTo }, NOW - 1)).to.equal('accepted');
    });

    it('lets rejected, revoked and withdrawn win over expiry', () => {
      expect(consentStatus({ status: 'Rejected', validTo: PAST }, NOW)).to.equal('rejected');
      expect(consentStatus({ status: 'Revoked', validTo: PAST }, NOW)).to.equal('revoked');
      expect(consentStatus({ status: 'Deleted', validTo: PAST }, NOW)).to.equal('withdrawn');
      expect(
        consentStatus(
          { status: 'Accepted', eventTypes: ['Created', 'Accepted', 'Revoked', 'Expired'] },
          NOW,
        ),
      ).to.equal('revoked');
      expect(
        consentStatus({ eventTypes: ['Created', 'Rejected', 'Expired'], validTo: PAST }, NOW),
      ).to.equal('rejected');
    });

    it('defaults now to the current time', () => {
      expect(consentStatus({ status: 'Accepted', validTo: '2000-01-01T00:00:00Z' })).to.equal(
        'expired',
      );
      expect(consentStatus({ status: 'Accepted', validTo: '2999-01-01T00:00:00Z' })).to.equal(
        'accepted',
      );
    });
  });

  describe('unknown input', () => {
    const unknown = [
      'Unopened',
      'Opened',
      'Pending',
      'Approved',
      'Granted',
      'OK',
      '',
      '   ',
      'accepted-ish',
      'constructor',
      '__proto__',
      'toString',
    ];
    for (const value of unknown) {
      it(`maps status ${JSON.stringify(value)} to unknown, never accepted`, () => {
        expect(consentStatus({ status: value, validTo: FUTURE }, NOW)).to.equal('unknown');
        expect(consentStatus({ eventTypes: [value], validTo: FUTURE }, NOW)).to.equal('unknown');
      });
    }

    it('maps nothing at all to unknown', () => {
      expect(consentStatus({}, NOW)).to.equal('unknown');
      expect(consentStatus({ status: null, eventTypes: [] }, NOW)).to.equal('unknown');
    });

    it('ignores values that are not strings (JSON from a backend is not typed)', () => {
      const source = { status: 42, eventTypes: [null, { eventType: 'Accepted' }, 'Created'] };
      expect(consentStatus(source as never, NOW)).to.equal('created');
    });

    it('does not let an unknown status hide a known event', () => {
      expect(
        consentStatus({ status: 'Opened', eventTypes: ['Created', 'Accepted'] }, NOW),
      ).to.equal('accepted');
    });
  });
});

describe('hasExpired', () => {
  it('is false without validTo or with one it cannot read', () => {
    expect(hasExpired(undefined, NOW)).to.equal(false);
    expect(hasExpired(null, NOW)).to.equal(false);
    expect(hasExpired('', NOW)).to.equal(false);
    expect(hasExpired('soon', NOW)).to.equal(false);
  });

  it('reads offsets and the seven fractional digits .NET writes', () => {
    expect(hasExpired('2026-03-01T13:00:00.1234567+02:00', NOW)).to.equal(true);
    expect(hasExpired('2026-03-01T13:00:00.1234567+00:00', NOW)).to.equal(false);
  });
});

describe('normaliseStatus', () => {
  for (const status of REQUEST_STATUSES) {
    it(`reads "${status}" in any letter case`, () => {
      for (const value of [...cases(status), ` ${status} `]) {
        expect(normaliseStatus(value)).to.equal(status);
      }
    });
  }

  it('maps anything outside the vocabulary to unknown', () => {
    for (const value of [
      'Approved',
      'Deleted',
      'granted',
      '',
      null,
      undefined,
      1,
      {},
      ['accepted'],
    ]) {
      expect(normaliseStatus(value), String(value)).to.equal('unknown');
    }
  });
});

describe('isFinalStatus', () => {
  it('is true exactly for accepted, rejected, revoked, withdrawn and expired', () => {
    const final = REQUEST_STATUSES.filter((status) => isFinalStatus(status));
    expect(final).to.deep.equal(['accepted', 'rejected', 'revoked', 'withdrawn', 'expired']);
  });

  it('keeps polling for created, pending and unknown', () => {
    expect(isFinalStatus('created')).to.equal(false);
    expect(isFinalStatus('pending')).to.equal(false);
    expect(isFinalStatus('unknown')).to.equal(false);
  });
});

describe('viewStatus', () => {
  it('reads the normalised vocabulary in any letter case', () => {
    expect(viewStatus('Accepted', FUTURE, NOW)).to.equal('accepted');
    expect(viewStatus('PENDING', undefined, NOW)).to.equal('pending');
    expect(viewStatus('withdrawn', null, NOW)).to.equal('withdrawn');
  });

  it('turns accepted or created past validTo into expired (a backend may forget to check)', () => {
    expect(viewStatus('accepted', PAST, NOW)).to.equal('expired');
    expect(viewStatus('ACCEPTED', PAST, NOW)).to.equal('expired');
    expect(viewStatus('created', PAST, NOW)).to.equal('expired');
  });

  it('keeps rejected, revoked and withdrawn past validTo', () => {
    expect(viewStatus('rejected', PAST, NOW)).to.equal('rejected');
    expect(viewStatus('revoked', PAST, NOW)).to.equal('revoked');
    expect(viewStatus('withdrawn', PAST, NOW)).to.equal('withdrawn');
  });

  it('keeps accepted without validTo or before it', () => {
    expect(viewStatus('accepted', undefined, NOW)).to.equal('accepted');
    expect(viewStatus('accepted', FUTURE, NOW)).to.equal('accepted');
  });

  it('never turns an unknown value into a known one', () => {
    expect(viewStatus('Approved', FUTURE, NOW)).to.equal('unknown');
    expect(viewStatus(undefined, PAST, NOW)).to.equal('unknown');
  });
});
