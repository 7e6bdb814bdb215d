import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  CONSENT_PAGE_PATH,
  renderConsentPage,
  renderNotFoundPage,
  type PageNotice,
} from './consent-page.js';
import {
  BodyTooLargeError,
  parseCookies,
  readBody,
  redirect,
  sendEmpty,
  sendHtml,
} from './http.js';
import { PAGE_HEADERS, pageLanguage } from './page-layout.js';
import { AM, type ProblemDescriptor } from './problems.js';
import type { Party, PartyRegistry, ResourceRegistry } from './registry.js';
import { appendConsentOutcome, consentOutcome } from './return-url.js';
import { acceptRequest, isExpired, rejectRequest, type ConsentStore } from './store.js';
import type { MockConsentRequest } from './types.js';

/**
 * What the user's browser goes through (altinn-api.md 2.6): the consent page, the answer, then
 * Altinn's logout chain, which ends with a 302 to the request's `redirectUrl` plus the outcome:
 *
 *   GET  /accessmanagement/ui/consent/request?id=…          the page (no login in the mock)
 *   POST /accessmanagement/ui/consent/request?id=…          action=accept|reject → 303 to …
 *   GET  /accessmanagement/api/v1/consent/request/{id}/logout   computes the return URL, keeps it
 *        encrypted in the `AltinnLogoutInfo` cookie → 302 to …
 *   GET  /authentication/api/v1/logout                      "ends the session" → 302 to …
 *   GET  /accessmanagement/api/v1/logoutredirect            reads the cookie → 302 to the return URL
 *                                                           (or to `/` when there is none)
 */

export interface UserFlowContext {
  baseUrl: string;
  store: ConsentStore;
  parties: PartyRegistry;
  resources: ResourceRegistry;
  nowMicros(): number;
}

export const LOGOUT_PATH = /^\/accessmanagement\/api\/v1\/consent\/request\/([^/]+)\/logout\/?$/i;
export const AUTHENTICATION_LOGOUT_PATH = '/authentication/api/v1/logout';
export const LOGOUT_REDIRECT_PATH = '/accessmanagement/api/v1/logoutredirect';
const LOGOUT_COOKIE = 'AltinnLogoutInfo';
const COOKIE_FIELD = 'amSafeRedirectUrl=';

/** Altinn encrypts the return URL it keeps in a cookie; so does the mock, with a key of its own. */
export class CookieSealer {
  private readonly key = randomBytes(32);

  seal(text: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
  }

  open(token: string): string | undefined {
    try {
      const bytes = Buffer.from(token, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      return undefined;
    }
  }
}

/** Who answers on the page. The mock has no login: the required delegator, else `from` when a person. */
export function currentUser(ctx: UserFlowContext, request: MockConsentRequest): Party | undefined {
  const candidate =
    request.requiredDelegator ?? (request.from.includes(':person:') ? request.from : undefined);
  return (
    (candidate ? ctx.parties.byUrn(candidate) : undefined) ??
    ctx.parties.anyPerson() ??
    ctx.parties.byUrn(request.from)
  );
}

function partyName(ctx: UserFlowContext, urn: string): string {
  return ctx.parties.byUrn(urn)?.name ?? urn.slice(urn.lastIndexOf(':') + 1);
}

function showPage(
  ctx: UserFlowContext,
  res: ServerResponse,
  status: number,
  request: MockConsentRequest,
  lang: ReturnType<typeof pageLanguage>,
  notice?: PageNotice,
): void {
  const html = renderConsentPage({
    request,
    lang,
    isPoa: ctx.resources.template(request.templateId).isPoa,
    expired: isExpired(request, ctx.nowMicros()),
    ...(notice ? { notice } : {}),
    partyName: (urn) => partyName(ctx, urn),
    resource: (id) => ctx.resources.get(id),
  });
  sendHtml(res, status, html, PAGE_HEADERS);
}

const NOTICE_BY_PROBLEM = new Map<ProblemDescriptor, PageNotice>([
  [AM.cannotAccept, 'cannotAccept'],
  [AM.cannotReject, 'cannotReject'],
  [AM.notAuthorized, 'notAuthorized'],
  [AM.expired, 'expired'],
]);

/** `GET|POST /accessmanagement/ui/consent/request?id=…&lang=nb|nn|en`. */
export async function handleConsentPage(
  ctx: UserFlowContext,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
): Promise<void> {
  const lang = pageLanguage(query.get('lang'));
  const id = query.get('id');
  if (req.method !== 'GET' && req.method !== 'POST')
    return sendEmpty(res, 405, { Allow: 'GET, POST' });
  const request = id ? ctx.store.get(id) : undefined;
  if (!request) {
    return sendHtml(res, id ? 404 : 400, renderNotFoundPage(lang, id || null), PAGE_HEADERS);
  }
  if (req.method === 'GET') return showPage(ctx, res, 200, request, lang);

  let action: string | null;
  try {
    action = new URLSearchParams(await readBody(req)).get('action');
  } catch (error) {
    if (error instanceof BodyTooLargeError) return sendEmpty(res, 413);
    throw error;
  }
  const user = currentUser(ctx, request);
  if (!user || (action !== 'accept' && action !== 'reject')) {
    return showPage(ctx, res, 400, request, lang, 'noAction');
  }
  const now = ctx.nowMicros();
  const outcome =
    action === 'accept'
      ? acceptRequest(request, user, (resourceId) => ctx.resources.get(resourceId), now)
      : rejectRequest(request, user, now);
  if (!outcome.ok) {
    return showPage(
      ctx,
      res,
      outcome.problem.status,
      request,
      lang,
      NOTICE_BY_PROBLEM.get(outcome.problem),
    );
  }
  redirect(res, `/accessmanagement/api/v1/consent/request/${request.id}/logout`, 303);
}

/** `GET /accessmanagement/api/v1/consent/request/{id}/logout`: remember where to go, then log out. */
export function handleLogout(
  ctx: UserFlowContext,
  sealer: CookieSealer,
  res: ServerResponse,
  id: string,
): void {
  const request = ctx.store.get(id);
  const headers: Record<string, string> = {};
  if (request) {
    const returnUrl = appendConsentOutcome(request.redirectUrl, consentOutcome(request));
    headers['Set-Cookie'] =
      `${LOGOUT_COOKIE}=${COOKIE_FIELD}${sealer.seal(returnUrl)}; Path=/; HttpOnly; SameSite=Lax`;
  }
  redirect(res, `${ctx.baseUrl}${AUTHENTICATION_LOGOUT_PATH}`, 302, headers);
}

/** `GET /authentication/api/v1/logout`: the platform ends the session and sends the browser back to am.ui. */
export function handleAuthenticationLogout(
  ctx: UserFlowContext,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const info = parseCookies(req).get(LOGOUT_COOKIE);
  redirect(
    res,
    info?.startsWith(COOKIE_FIELD) ? `${ctx.baseUrl}${LOGOUT_REDIRECT_PATH}` : `${ctx.baseUrl}/`,
  );
}

/** `GET /accessmanagement/api/v1/logoutredirect`: decrypts the cookie, checks the URL is absolute, redirects. */
export function handleLogoutRedirect(
  ctx: UserFlowContext,
  sealer: CookieSealer,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const info = parseCookies(req).get(LOGOUT_COOKIE);
  const target = info?.startsWith(COOKIE_FIELD)
    ? sealer.open(info.slice(COOKIE_FIELD.length))
    : undefined;
  const clearCookie = `${LOGOUT_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
  redirect(res, target && isAbsoluteUrl(target) ? target : `${ctx.baseUrl}/`, 302, {
    'Set-Cookie': clearCookie,
  });
}

function isAbsoluteUrl(url: string): boolean {
  try {
    return /^[a-z][a-z0-9+\-.]*:/i.test(url) && new URL(url).protocol !== '';
  } catch {
    return false;
  }
}

export { CONSENT_PAGE_PATH };
