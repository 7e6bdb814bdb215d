import { uuidv7 } from './ids.js';
import { AM, type ProblemDescriptor } from './problems.js';
import type { Party } from './registry.js';
import { RequestStore } from './request-store.js';
import type { MockState } from './state.js';
import { formatMicros } from './time.js';
import type { MockConsentEventType, MockConsentRequest, MockConsentStatus } from './types.js';

/**
 * Where consent requests live, and how their status moves (altinn-api.md 2.5).
 */

/** What the API makes a request from; its status, answer and events are the store's. */
export type NewConsentRequest = Omit<
  MockConsentRequest,
  'validTo' | 'status' | 'consented' | 'events'
>;

export class ConsentStore extends RequestStore<MockConsentRequest> {
  create(input: NewConsentRequest, performedBy: Party, nowMicros: number): MockConsentRequest {
    const validTo = formatMicros(input.validToMicros);
    const request: MockConsentRequest = {
      ...input,
      validTo,
      status: 'Created',
      consented: null,
      events: [],
    };
    addEvent(request, 'Created', performedBy, nowMicros);
    return this.add(request.id, request);
  }
}

function addEvent(
  request: MockConsentRequest,
  eventType: MockConsentEventType,
  performedBy: Party,
  nowMicros: number,
): void {
  request.events.push({
    consentEventID: uuidv7(Math.floor(nowMicros / 1000)),
    created: formatMicros(nowMicros),
    createdMicros: nowMicros,
    performedBy: performedBy.urn,
    performedByPartyUuid: performedBy.partyUuidUrn,
    eventType,
    consentRequestID: request.id,
  });
}

export function isExpired(request: MockConsentRequest, nowMicros: number): boolean {
  return request.validToMicros < nowMicros;
}

/** The user's moves: from which status, to which, and the problem when the status is another. */
const MOVES = {
  accept: { from: 'Created', to: 'Accepted', refused: AM.cannotAccept },
  reject: { from: 'Created', to: 'Rejected', refused: AM.cannotReject },
  revoke: { from: 'Accepted', to: 'Revoked', refused: AM.cannotRevoke },
} as const satisfies Record<
  string,
  { from: MockConsentStatus; to: MockConsentStatus; refused: ProblemDescriptor }
>;

/**
 * The user answers (altinn-api.md 2.5): accept or reject only from Created, revoke only from
 * Accepted; the same move again is idempotent. To accept, the user must be the required delegator
 * when one is set and able to delegate every requested action (else AM-00000). An expired request
 * cannot be answered (AM-00013): Altinn's page offers no button for it. Answers the refusal, if any.
 */
export function moveConsent(
  mock: MockState,
  request: MockConsentRequest,
  move: keyof typeof MOVES,
  user: Party,
): ProblemDescriptor | undefined {
  const nowMicros = mock.nowMicros();
  if (move === 'accept' && !userMayAccept(mock, request, user)) return AM.notAuthorized;
  const { from, to, refused } = MOVES[move];
  if (request.status === to) return undefined;
  if (request.status !== from) return refused;
  if (move !== 'revoke' && isExpired(request, nowMicros)) return AM.expired;
  request.status = to;
  if (move === 'accept') request.consented = formatMicros(nowMicros);
  addEvent(request, to, user, nowMicros);
  return undefined;
}

function userMayAccept(mock: MockState, request: MockConsentRequest, user: Party): boolean {
  if (request.requiredDelegator !== null && request.requiredDelegator !== user.urn) return false;
  return request.consentRights.every((right) => {
    const resource = right.resource[0] ? mock.resource(right.resource[0].value) : undefined;
    const delegable = (resource?.actions ?? ['consent']).map((a) => a.toLowerCase());
    return resource !== undefined && right.action.every((a) => delegable.includes(a.toLowerCase()));
  });
}
