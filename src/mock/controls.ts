import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  decideAccessRequest,
  findAccessRequest,
  type AccessFlowContext,
  type ReceivedRequest,
} from './access-flow.js';
import {
  accessRequestDto,
  delegationRequestJson,
  moveAccessRequest,
  openDelegationRequest,
  sendDelegationRequest,
} from './access-store.js';
import { BodyTooLargeError, readBody, sendEmpty, sendJson, sendProblem } from './http.js';
import { isObject, member } from './json-input.js';
import { AM, problem } from './problems.js';
import {
  acceptRequest,
  consentRequestDetails,
  rejectRequest,
  revokeRequest,
  useRequest,
  type Transition,
} from './store.js';
import { currentUser, type UserFlowContext } from './user-flow.js';
import type { MockAltinnStats, MockClient, MockConsentRequest } from './types.js';

/**
 * Test controls under `/__mock/`: clearly not Altinn. They let a test (or the demo) do what only the
 * user or Maskinporten can do in Altinn, and read or reset the mock's state.
 *
 *   POST /__mock/reset                          forget every consent and access request and counter
 *   GET  /__mock/stats                          `{ tokenRequests, consentRequests, altinn2…, altinn3… }`
 *   POST /__mock/clients                        register a Maskinporten client (JSON `MockClient`)
 *   POST /__mock/api-keys                       register an Altinn 2 API key (JSON `{ "key": "…" }`)
 *   GET  /__mock/consentrequests[/{id}]         the stored requests, as the GET API shows them
 *   POST /__mock/consentrequests/{id}/accept    the user accepts (same rules as the page)
 *   POST /__mock/consentrequests/{id}/reject    the user rejects
 *   POST /__mock/consentrequests/{id}/revoke    the user revokes an accepted consent (Revoked)
 *   POST /__mock/consentrequests/{id}/use       the receiver fetched a consent token (Used event)
 *   GET  /__mock/access-requests[/{id}]         the stored access requests (`{ altinn2, altinn3 }`,
 *                                               or one, as its API shows it)
 *   POST /__mock/access-requests/{id}/send      the user sends it (Altinn 2: Created → Unopened;
 *                                               Altinn 3: Draft → Pending); `confirm` is the same
 *   POST /__mock/access-requests/{id}/decline   the user declines an Altinn 3 draft (→ Withdrawn)
 *   POST /__mock/access-requests/{id}/open      an access manager opens an Altinn 2 request (→ Opened)
 *   POST /__mock/access-requests/{id}/approve   the organisation's access manager approves it
 *   POST /__mock/access-requests/{id}/reject    … or rejects it (same rules as the page)
 */

export interface ControlsContext extends UserFlowContext, AccessFlowContext {
  baseUrl: string;
  stats: MockAltinnStats;
  reset(): void;
  registerClient(client: MockClient): void;
  registerApiKey(key: string): void;
  viewUri(id: string): string;
}

export const CONTROLS_PREFIX = '/__mock';

function details(ctx: ControlsContext, request: MockConsentRequest): Record<string, unknown> {
  return consentRequestDetails(request, ctx.viewUri(request.id), { nowMicros: ctx.nowMicros() });
}

export async function handleControls(
  ctx: ControlsContext,
  req: IncomingMessage,
  res: ServerResponse,
  rest: string,
): Promise<void> {
  const path = rest.replace(/\/$/, '');
  const method = req.method ?? 'GET';

  if (path === '/reset') {
    if (method !== 'POST') return sendEmpty(res, 405, { Allow: 'POST' });
    ctx.reset();
    return sendEmpty(res, 204);
  }
  if (path === '/stats') {
    if (method !== 'GET') return sendEmpty(res, 405, { Allow: 'GET' });
    return sendJson(res, 200, { ...ctx.stats });
  }
  if (path === '/clients') {
    if (method !== 'POST') return sendEmpty(res, 405, { Allow: 'POST' });
    try {
      ctx.registerClient(JSON.parse(await readBody(req)) as MockClient);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendEmpty(res, 413);
      return sendJson(res, 400, {
        error: error instanceof Error ? error.message : 'Invalid client',
      });
    }
    return sendEmpty(res, 204);
  }
  if (path === '/api-keys') {
    if (method !== 'POST') return sendEmpty(res, 405, { Allow: 'POST' });
    try {
      const body: unknown = JSON.parse(await readBody(req));
      const key = isObject(body) ? member(body, 'key') : undefined;
      if (typeof key !== 'string') throw new TypeError('Send { "key": "<API key>" }');
      ctx.registerApiKey(key);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendEmpty(res, 413);
      return sendJson(res, 400, {
        error: error instanceof Error ? error.message : 'Invalid API key',
      });
    }
    return sendEmpty(res, 204);
  }
  if (path === '/access-requests') {
    if (method !== 'GET') return sendEmpty(res, 405, { Allow: 'GET' });
    return sendJson(res, 200, {
      altinn2: [...ctx.delegationRequests.requests.values()].map((request) =>
        accessJson(ctx, { api: 'altinn2', request }),
      ),
      altinn3: [...ctx.accessRequests.requests.values()].map((request) =>
        accessJson(ctx, { api: 'altinn3', request }),
      ),
    });
  }
  const access =
    /^\/access-requests\/([^/]+)(?:\/(send|confirm|decline|open|approve|reject))?$/i.exec(path);
  if (access?.[1]) return accessControl(ctx, res, method, access[1], access[2]?.toLowerCase());

  if (path === '/consentrequests') {
    if (method !== 'GET') return sendEmpty(res, 405, { Allow: 'GET' });
    return sendJson(
      res,
      200,
      [...ctx.store.requests.values()].map((request) => details(ctx, request)),
    );
  }

  const match = /^\/consentrequests\/([^/]+)(?:\/(accept|reject|revoke|use))?$/i.exec(path);
  if (!match?.[1]) return sendEmpty(res, 404);
  const request = ctx.store.get(match[1]);
  const action = match[2]?.toLowerCase();
  if (!action) {
    if (method !== 'GET') return sendEmpty(res, 405, { Allow: 'GET' });
  } else if (method !== 'POST') {
    return sendEmpty(res, 405, { Allow: 'POST' });
  }
  if (!request)
    return sendProblem(res, problem(AM.notFound, `No consent request with id ${match[1]}`));
  if (!action) return sendJson(res, 200, details(ctx, request));

  const user = currentUser(ctx, request);
  const receiver = ctx.parties.byUrn(request.to);
  const now = ctx.nowMicros();
  let outcome: Transition;
  if (!user || !receiver) {
    outcome = { ok: false, problem: AM.notAuthorized };
  } else if (action === 'accept') {
    outcome = acceptRequest(request, user, (id) => ctx.resources.get(id), now);
  } else if (action === 'reject') {
    outcome = rejectRequest(request, user, now);
  } else if (action === 'revoke') {
    outcome = revokeRequest(request, user, now);
  } else {
    outcome = useRequest(request, receiver, now);
  }
  if (!outcome.ok) {
    return sendProblem(
      res,
      problem(
        outcome.problem,
        `Cannot ${action} consent request ${request.id} (status ${request.status})`,
      ),
    );
  }
  sendJson(res, 200, details(ctx, request));
}

function accessJson(ctx: ControlsContext, received: ReceivedRequest): Record<string, unknown> {
  return received.api === 'altinn2'
    ? delegationRequestJson(received.request, ctx.baseUrl, true)
    : accessRequestDto(received.request, ctx.baseUrl, ctx.parties);
}

/** Plays the user or the access manager on an access request of either API. */
function accessControl(
  ctx: ControlsContext,
  res: ServerResponse,
  method: string,
  id: string,
  action: string | undefined,
): void {
  if (method !== (action ? 'POST' : 'GET'))
    return sendEmpty(res, 405, { Allow: action ? 'POST' : 'GET' });
  const received = findAccessRequest(ctx, id);
  if (!received) return sendJson(res, 404, { error: `No access request with id ${id}` });
  if (!action) return sendJson(res, 200, accessJson(ctx, received));

  const now = ctx.nowMicros();
  let done: boolean;
  if (action === 'approve' || action === 'reject') {
    done = decideAccessRequest(ctx, received, action);
  } else if (received.api === 'altinn2') {
    const request = received.request;
    if (action === 'open') {
      done = request.requestStatus === 'Unopened';
      openDelegationRequest(request, now);
    } else {
      done =
        action !== 'decline' && sendDelegationRequest(request, request.requestMessage, [], now);
    }
  } else {
    done =
      action === 'decline'
        ? moveAccessRequest(received.request, 'decline', now)
        : action !== 'open' && moveAccessRequest(received.request, 'confirm', now);
  }
  if (!done) {
    const status =
      received.api === 'altinn2' ? received.request.requestStatus : received.request.status;
    return sendJson(res, 400, {
      error: `Cannot ${action} the ${received.api === 'altinn2' ? 'Altinn 2' : 'Altinn 3'} request ${id} (status ${status})`,
      status,
    });
  }
  sendJson(res, 200, accessJson(ctx, received));
}
