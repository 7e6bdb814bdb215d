import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appendConsentOutcome, type ConsentOutcome } from '../../src/mock/index.js';
import { consentOutcome } from '../../src/mock/return-url.js';

// altinn-api.md 2.6.5: what Altinn appends to `redirectUrl`, and where.
const cases: [string, ConsentOutcome, string][] = [
  ['https://portal.example/cb', 'accepted', 'https://portal.example/cb?Status=OK'],
  [
    'https://portal.example/cb?consentId=1',
    'accepted',
    'https://portal.example/cb?consentId=1&Status=OK',
  ],
  [
    'https://portal.example/cb',
    'rejected',
    'https://portal.example/cb?Status=Failed&ErrorMessage=User+did+not+give+consent',
  ],
  // a plain fragment stays at the end, the parameters go into the query before it
  ['https://portal.example/cb#top', 'accepted', 'https://portal.example/cb?Status=OK#top'],
  [
    'https://portal.example/cb?a=1#top',
    'rejected',
    'https://portal.example/cb?a=1&Status=Failed&ErrorMessage=User+did+not+give+consent#top',
  ],
  // a hash route gets them at the very end, inside the fragment
  [
    'https://portal.example/app#/consent',
    'accepted',
    'https://portal.example/app#/consent?Status=OK',
  ],
  [
    'https://portal.example/app#/consent?id=7',
    'accepted',
    'https://portal.example/app#/consent?id=7&Status=OK',
  ],
  [
    'https://portal.example/app?x=1#/consent',
    'accepted',
    'https://portal.example/app?x=1#/consent?Status=OK',
  ],
  // no outcome: the bare separator is still appended
  ['https://portal.example/cb', 'none', 'https://portal.example/cb?'],
  ['https://portal.example/cb?a=1', 'none', 'https://portal.example/cb?a=1&'],
  ['https://portal.example/app#/x', 'none', 'https://portal.example/app#/x?'],
  // custom schemes (mobile deep links) are treated the same way
  ['bankapp://consent/done', 'accepted', 'bankapp://consent/done?Status=OK'],
];

describe('appendConsentOutcome', () => {
  for (const [redirectUrl, outcome, expected] of cases) {
    it(`${outcome}: ${redirectUrl}`, () => {
      assert.equal(appendConsentOutcome(redirectUrl, outcome), expected);
    });
  }
});

describe('consentOutcome', () => {
  const event = (eventType: 'Created' | 'Accepted' | 'Rejected' | 'Revoked') =>
    ({ eventType }) as Parameters<typeof consentOutcome>[0]['events'][number];

  it('reads the outcome from the events, so a revoked consent still returns Status=OK', () => {
    assert.equal(consentOutcome({ events: [event('Created')] }), 'none');
    assert.equal(consentOutcome({ events: [event('Created'), event('Rejected')] }), 'rejected');
    assert.equal(
      consentOutcome({ events: [event('Created'), event('Accepted'), event('Revoked')] }),
      'accepted',
    );
  });
});
