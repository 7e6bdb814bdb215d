/**
 * Where Altinn's status words become the normalised status (contract v2, "Normalised status"): one
 * mapping per Altinn API, each read from Altinn's answer as the server reads it (`parseAltinn` with the
 * tolerant zod reader), so letter case and unknown words are tested along the real path.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changeOf as altinn2ChangeOf } from '../../src/server/access-altinn2.js';
import { statusOf as altinn3StatusOf } from '../../src/server/access-altinn3.js';
import { parseAltinn } from '../../src/server/altinn-api.js';
import { consentStatus } from '../../src/server/consent.js';
import { ProblemError } from '../../src/server/problem.js';
import {
  altinn2DelegationRequestSchema,
  altinnConsentRequestSchema,
  systemUserRequestSchema,
  type RequestStatus,
} from '../../src/server/schemas.js';
import { changeOf as systemUserChangeOf } from '../../src/server/system-user.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const PAST = '2026-02-28T12:00:00+00:00';
const FUTURE = '2026-06-01T06:18:12.25971+00:00';
const CONSENT_ID = '77ed8698-e619-4066-9eb4-5c1eb3f165a1';

/** The letter cases Altinn and its documentation have been seen to use. */
const cases = (word: string): string[] => [word, word.toLowerCase(), word.toUpperCase()];

/** The status of an Altinn 3 consent request as the server reads it from Altinn's answer. */
function consentStatusOf(answer: Record<string, unknown>, now = NOW): RequestStatus {
  return consentStatus(parseAltinn(altinnConsentRequestSchema, { id: CONSENT_ID, ...answer }), now);
}

const events = (...types: string[]) =>
  types.map((eventType, index) => ({
    eventType,
    created: `2026-02-0${String(index + 1)}T10:00:00+00:00`,
  }));

/** contract.md, "Normalised status", consent column. */
const CONSENT_STATUSES: [string, RequestStatus][] = [
  ['Created', 'created'],
  ['Accepted', 'accepted'],
  ['Rejected', 'rejected'],
  ['Revoked', 'revoked'],
  ['Deleted', 'withdrawn'],
  ['Expired', 'expired'],
];

describe('consent (Altinn 3): consentStatus', () => {
  it('reads an answer with neither a status nor an event as unknown, never as waiting or granted', () => {
    assert.equal(consentStatusOf({ validTo: FUTURE }), 'unknown');
    assert.equal(consentStatusOf({ validTo: FUTURE, consentRequestEvents: [] }), 'unknown');
  });

  describe('from status, in any letter case', () => {
    for (const [altinn, expected] of CONSENT_STATUSES) {
      for (const word of cases(altinn)) {
        it(`maps status "${word}" to ${expected}`, () => {
          assert.equal(consentStatusOf({ status: word, validTo: FUTURE }), expected);
        });
      }
    }
  });

  describe('from consentRequestStatus (the idempotent answer to a repeated create)', () => {
    for (const [altinn, expected] of CONSENT_STATUSES) {
      for (const word of cases(altinn)) {
        it(`maps consentRequestStatus "${word}" to ${expected}`, () => {
          assert.equal(
            consentStatusOf({
              consentRequestStatus: word,
              consentRequestEvents: null,
              validTo: FUTURE,
            }),
            expected,
          );
        });
      }
    }
  });

  describe('from events only (older deployments answer no status)', () => {
    for (const [altinn, expected] of [...CONSENT_STATUSES, ['Used', 'accepted'] as const]) {
      for (const word of cases(altinn)) {
        it(`maps a "${word}" event to ${expected}`, () => {
          const history = altinn === 'Created' ? events(word) : events('Created', word);
          assert.equal(
            consentStatusOf({ consentRequestEvents: history, validTo: FUTURE }),
            expected,
          );
        });
      }
    }

    it('reads the whole history, not just the first event', () => {
      assert.equal(
        consentStatusOf({
          consentRequestEvents: events('Created', 'Accepted'),
          validTo: FUTURE,
        }),
        'accepted',
      );
      assert.equal(
        consentStatusOf({
          consentRequestEvents: events('Created', 'Accepted', 'Revoked'),
          validTo: FUTURE,
        }),
        'revoked',
      );
    });

    it('uses the events when the status is null', () => {
      assert.equal(
        consentStatusOf({ status: null, consentRequestEvents: events('Created', 'Rejected') }),
        'rejected',
      );
    });

    it('lets an event that ends the request win over a status that lags behind', () => {
      assert.equal(
        consentStatusOf({
          status: 'Accepted',
          consentRequestEvents: events('Created', 'Accepted', 'Revoked'),
        }),
        'revoked',
      );
    });
  });

  describe('Used: a one-time consent that was used', () => {
    it('is accepted, with or without a status', () => {
      assert.equal(
        consentStatusOf({
          consentRequestEvents: events('Created', 'Accepted', 'Used'),
          validTo: FUTURE,
        }),
        'accepted',
      );
      assert.equal(
        consentStatusOf({
          status: 'Accepted',
          consentRequestEvents: events('Created', 'Accepted', 'Used'),
          validTo: FUTURE,
        }),
        'accepted',
      );
    });

    it('is still expired after validTo, and still revoked once revoked', () => {
      assert.equal(
        consentStatusOf({ consentRequestEvents: events('Created', 'Used'), validTo: PAST }),
        'expired',
      );
      assert.equal(
        consentStatusOf({ consentRequestEvents: events('Created', 'Used', 'Revoked') }),
        'revoked',
      );
    });
  });

  describe('expiry by validTo', () => {
    it('treats an accepted consent past validTo as expired (Altinn may still say Accepted)', () => {
      assert.equal(consentStatusOf({ status: 'Accepted', validTo: PAST }), 'expired');
      assert.equal(consentStatusOf({ consentRequestStatus: 'Accepted', validTo: PAST }), 'expired');
    });

    it('treats a request never answered before validTo as expired', () => {
      assert.equal(consentStatusOf({ status: 'Created', validTo: PAST }), 'expired');
      assert.equal(
        consentStatusOf({ consentRequestEvents: events('Created'), validTo: PAST }),
        'expired',
      );
    });

    it("honours Altinn's synthetic Expired event even when status still reads Accepted", () => {
      const history = events('Created', 'Accepted', 'Expired');
      assert.equal(
        consentStatusOf({ status: 'Accepted', consentRequestEvents: history, validTo: FUTURE }),
        'expired',
      );
      assert.equal(
        consentStatusOf({ status: 'Accepted', consentRequestEvents: history }),
        'expired',
      );
    });

    it('counts validTo equal to now as expired, and a moment later as valid', () => {
      const validTo = new Date(NOW).toISOString();
      assert.equal(consentStatusOf({ status: 'Accepted', validTo }, NOW), 'expired');
      assert.equal(consentStatusOf({ status: 'Accepted', validTo }, NOW - 1), 'accepted');
    });

    it('reads offsets and the seven fractional digits .NET writes', () => {
      assert.equal(
        consentStatusOf({ status: 'Accepted', validTo: '2026-03-01T13:00:00.1234567+02:00' }),
        'expired',
      );
      assert.equal(
        consentStatusOf({ status: 'Accepted', validTo: '2026-03-01T13:00:00.1234567+00:00' }),
        'accepted',
      );
    });

    it('ignores a validTo it cannot read', () => {
      assert.equal(consentStatusOf({ status: 'Accepted', validTo: 'soon' }), 'accepted');
      assert.equal(consentStatusOf({ status: 'Accepted', validTo: '' }), 'accepted');
    });

    it('lets rejected, revoked and deleted win over expiry', () => {
      assert.equal(consentStatusOf({ status: 'Rejected', validTo: PAST }), 'rejected');
      assert.equal(consentStatusOf({ status: 'Revoked', validTo: PAST }), 'revoked');
      assert.equal(consentStatusOf({ status: 'Deleted', validTo: PAST }), 'withdrawn');
      assert.equal(
        consentStatusOf({
          status: 'Accepted',
          consentRequestEvents: events('Created', 'Accepted', 'Revoked', 'Expired'),
        }),
        'revoked',
      );
      assert.equal(
        consentStatusOf({
          consentRequestEvents: events('Created', 'Rejected', 'Expired'),
          validTo: PAST,
        }),
        'rejected',
      );
    });
  });

  describe('words this version does not know', () => {
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
      ' Accepted',
      'constructor',
      '__proto__',
      'toString',
    ];
    for (const word of unknown) {
      it(`maps status ${JSON.stringify(word)} to unknown, never accepted`, () => {
        assert.equal(consentStatusOf({ status: word, validTo: FUTURE }), 'unknown');
        assert.equal(consentStatusOf({ consentRequestStatus: word, validTo: FUTURE }), 'unknown');
      });
    }

    it('does not let an unknown status hide a known event', () => {
      assert.equal(
        consentStatusOf({ status: 'Opened', consentRequestEvents: events('Created', 'Accepted') }),
        'accepted',
      );
    });

    it('refuses an answer whose status or events are not what Altinn writes', () => {
      for (const answer of [
        { status: 42 },
        { consentRequestEvents: 'Accepted' },
        { consentRequestEvents: [{}] },
        { consentRequestEvents: [{ eventType: true }] },
      ]) {
        assert.throws(
          () => consentStatusOf(answer),
          (error: unknown) =>
            error instanceof ProblemError && error.problem.code === 'altinn-unavailable',
          JSON.stringify(answer),
        );
      }
    });
  });
});

describe('access (Altinn 2): a delegation request’s RequestStatus', () => {
  const ALTINN2_STATUSES: [string, RequestStatus][] = [
    ['Created', 'created'],
    ['Unopened', 'pending'],
    ['Opened', 'pending'],
    // Altinn 2's filter documentation says Approved, NAV's client checks Accepted: both are granted.
    ['Approved', 'accepted'],
    ['Accepted', 'accepted'],
    ['Rejected', 'rejected'],
    ['Deleted', 'withdrawn'],
    ['None', 'unknown'],
    ['Escalated', 'unknown'],
    ['constructor', 'unknown'],
  ];
  const statusOf = (RequestStatus: string) =>
    altinn2ChangeOf(
      parseAltinn(altinn2DelegationRequestSchema, {
        Guid: '1a9e3a32-0000-4000-8000-000000000000',
        RequestStatus,
      }),
    ).status;

  for (const [altinn, expected] of ALTINN2_STATUSES) {
    it(`maps "${altinn}" in any letter case to ${expected}`, () => {
      for (const word of cases(altinn)) assert.equal(statusOf(word), expected, word);
    });
  }

  it('takes the page to send the user to from the HAL link', () => {
    const href = 'https://tt02.altinn.no/ui/DelegationRequest/send/1';
    const change = altinn2ChangeOf(
      parseAltinn(altinn2DelegationRequestSchema, {
        Guid: '1a9e3a32-0000-4000-8000-000000000000',
        RequestStatus: 'Unopened',
        _links: { sendRequest: { href } },
      }),
    );
    assert.deepEqual(change, { status: 'pending', url: href });
  });
});

describe('access (Altinn 3): a service owner delegation request’s status', () => {
  const ALTINN3_STATUSES: [string, RequestStatus][] = [
    ['Draft', 'created'],
    ['Pending', 'pending'],
    ['Approved', 'accepted'],
    ['Rejected', 'rejected'],
    ['Withdrawn', 'withdrawn'],
    ['None', 'unknown'],
    ['Accepted', 'unknown'],
    ['__proto__', 'unknown'],
  ];
  for (const [altinn, expected] of ALTINN3_STATUSES) {
    it(`maps "${altinn}" in any letter case to ${expected}`, () => {
      for (const word of cases(altinn)) assert.equal(altinn3StatusOf(word), expected, word);
    });
  }

  it('refuses an answer that is not a status word', () => {
    for (const answer of [null, 3, { status: 'Pending' }]) {
      assert.throws(
        () => altinn3StatusOf(answer),
        (error: unknown) =>
          error instanceof ProblemError && error.problem.code === 'altinn-unavailable',
        JSON.stringify(answer),
      );
    }
  });
});

describe('system user: a system-user request’s status', () => {
  const SYSTEM_USER_STATUSES: [string, RequestStatus][] = [
    ['New', 'created'],
    ['Accepted', 'accepted'],
    ['Rejected', 'rejected'],
    ['Denied', 'rejected'],
    ['Timedout', 'expired'],
    ['Deleted', 'unknown'],
    ['Pending', 'unknown'],
  ];
  const changeOf = (status: string, more: Record<string, unknown> = {}) =>
    systemUserChangeOf(
      parseAltinn(systemUserRequestSchema, {
        id: 's1',
        systemId: '991825827_payroll',
        partyOrgNo: '974760673',
        status,
        ...more,
      }),
    );

  for (const [altinn, expected] of SYSTEM_USER_STATUSES) {
    it(`maps "${altinn}" in any letter case to ${expected}`, () => {
      for (const word of cases(altinn)) assert.equal(changeOf(word).status, expected, word);
    });
  }

  it('reads expiry from timedOut, as Altinn leaves the status at New', () => {
    assert.equal(changeOf('New', { timedOut: true }).status, 'expired');
    assert.equal(changeOf('New', { timedOut: false }).status, 'created');
    assert.equal(changeOf('New', { timedOut: null }).status, 'created');
  });

  it('takes the page to send the user to from confirmUrl', () => {
    const confirmUrl = 'https://am.ui.tt02.altinn.no/accessmanagement/ui/systemuser/request?id=s1';
    assert.deepEqual(changeOf('New', { confirmUrl }), { status: 'created', url: confirmUrl });
  });
});
