import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBody, sendEmpty, sendJson, sendProblem } from './http.js';
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
 *   POST /__mock/reset                          forget every consent request and counter
 *   GET  /__mock/stats                          `{ tokenRequests, consentRequests }`
 *   POST /__mock/clients                        register a Maskinporten client (JSON `MockClient`)
 *   GET  /__mock/consentrequests[/{id}]         the stored requests, as the GET API shows them
 *   POST /__mock/consentrequests/{id}/accept    the user accepts (same rules as the page)
 *   POST /__mock/consentrequests/{id}/reject    the user rejects
 *   POST /__mock/consentrequests/{id}/revoke    the user revokes an accepted consent (Revoked)
 *   POST /__mock/consentrequests/{id}/use       the receiver fetched a consent token (Used event)
 */

export interface ControlsContext extends UserFlowContext {
  stats: MockAltinnStats;
  reset(): void;
  registerClient(client: MockClient): void;
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
