/**
 * The normalised status words, the only status vocabulary the browser knows: read in any letter case,
 * with expiry applied, and which of them end polling.
 */
import { expect } from '@open-wc/testing';
import {
  hasExpired,
  isFinalStatus,
  normaliseStatus,
  REQUEST_STATUSES,
  viewStatus,
} from '../../src/core/index.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const PAST = '2026-02-28T12:00:00+00:00';
const FUTURE = '2026-06-01T06:18:12.25971+00:00';

const cases = (word: string): string[] => [word, word.toLowerCase(), word.toUpperCase()];

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

  it('counts validTo equal to now as expired', () => {
    expect(hasExpired(new Date(NOW).toISOString(), NOW)).to.equal(true);
    expect(hasExpired(new Date(NOW).toISOString(), NOW - 1)).to.equal(false);
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

  it("maps anything outside the vocabulary, Altinn's own words included, to unknown", () => {
    for (const value of [
      'Approved',
      'Deleted',
      'Unopened',
      'Draft',
      'New',
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

  it("never turns an unknown value, nor Altinn's own word, into a known one", () => {
    expect(viewStatus('Approved', FUTURE, NOW)).to.equal('unknown');
    expect(viewStatus('Deleted', FUTURE, NOW)).to.equal('unknown');
    expect(viewStatus(undefined, PAST, NOW)).to.equal('unknown');
  });

  it('defaults now to the current time', () => {
    expect(viewStatus('accepted', '2000-01-01T00:00:00Z')).to.equal('expired');
    expect(viewStatus('accepted', '2999-01-01T00:00:00Z')).to.equal('accepted');
  });
});
