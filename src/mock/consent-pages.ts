import { none } from './auth.js';
import { isExpired, moveConsent, type Transition } from './consent-store.js';
import { cookie, empty, escapeHtml, readForm, redirect } from './http.js';
import { layout, notFoundPage, page } from './page-layout.js';
import { AM, type ProblemDescriptor } from './problems.js';
import { parsePartyUrn, type Party } from './registry.js';
import { appendConsentOutcome, consentOutcome } from './return-url.js';
import { route, type RouteContext, type RouteTable } from './routes.js';
import type { MockState } from './state.js';
import { LOGOUT_COOKIE_SYSTEM_USER, systemUserReturn } from './systemuser-page.js';
import { TEXTS, fill, pageLanguage } from './texts/index.js';
import { formatOsloDateTime } from './time.js';
import type { MockConsentRequest, PageLanguage } from './types.js';

/**
 * What the user's browser goes through for consent (altinn-api.md 2.6): the consent page, the
 * answer, then Altinn's logout chain, which ends with a 302 to the request's `redirectUrl` plus the
 * outcome. The page is shaped like Altinn's ("What the user sees"): who asks, the rights with their
 * metadata, the request message in the page's language, the expiry, the two buttons; a banner and
 * disabled buttons once the request is answered or expired. No login in the mock.
 */

export const CONSENT_PAGE_PATH = '/accessmanagement/ui/consent/request';
const AUTHENTICATION_LOGOUT_PATH = '/authentication/api/v1/logout';
const LOGOUT_REDIRECT_PATH = '/accessmanagement/api/v1/logoutredirect';
const LOGOUT_COOKIE = 'AltinnLogoutInfo';
const COOKIE_FIELD = 'amSafeRedirectUrl=';

export const consentPageRoutes: RouteTable = {
  base: '',
  routes: [
    route('GET', CONSENT_PAGE_PATH, none, showPage),
    route('POST', CONSENT_PAGE_PATH, none, answerPage),
    // Remembers where to go in an encrypted cookie, then logs out.
    route('GET', '/accessmanagement/api/v1/consent/request/{id}/logout', none, logout),
    // The platform ends the session and sends the browser back to am.ui.
    route('GET', AUTHENTICATION_LOGOUT_PATH, none, authenticationLogout),
    // Decrypts the cookie, checks the URL is absolute, and sends the browser there.
    route('GET', LOGOUT_REDIRECT_PATH, none, logoutRedirect),
    route('GET', '', none, (request, { url }) => page(200, indexPage(pageLanguage(request, url)))),
    // Browsers ask for it on every page; a 404 would show up as a console error in browser tests.
    route('GET', '/favicon.ico', none, () => empty(204)),
  ],
};

/**
 * Who answers on the page. The mock has no login: `user=<identity number>` says who is logged in;
 * without it, the required delegator, else `from` when a person.
 */
export function currentUser(
  mock: MockState,
  request: MockConsentRequest,
  user?: string | null,
): Party | undefined {
  if (user) return mock.parties.find({ kind: 'person', number: user });
  const candidate =
    request.requiredDelegator ?? (request.from.includes(':person:') ? request.from : undefined);
  return (
    (candidate ? mock.parties.byUrn(candidate) : undefined) ??
    mock.parties.anyPerson() ??
    mock.parties.byUrn(request.from)
  );
}

/**
 * Who may see a request on am.ui (altinn-api.md 2.6): `altinn_access_management` read on `from`,
 * i.e. the person it concerns, or an access manager (tilgangsstyrer) of the organisation.
 */
function maySee(mock: MockState, request: MockConsentRequest, user: Party): boolean {
  const from = parsePartyUrn(request.from);
  if (from?.kind === 'person') return from.number === user.number;
  return from !== undefined && mock.approvers(from.number).accessManagers.includes(user.number);
}

/** The user's answer, with the same rules on the page and in the test controls. */
export function answerAs(
  mock: MockState,
  request: MockConsentRequest,
  move: 'accept' | 'reject' | 'revoke',
  userNumber?: string | null,
): Transition {
  const user = currentUser(mock, request, userNumber);
  if (!user || !maySee(mock, request, user)) return { ok: false, problem: AM.notAuthorized };
  return moveConsent(request, move, user, (id) => mock.resources.get(id), mock.nowMicros());
}

/** Why a page shows a warning: the request's state, or a refused answer. */
type PageNotice = keyof (typeof TEXTS)['nb']['consent']['notices'];

const NOTICE_BY_PROBLEM = new Map<ProblemDescriptor, PageNotice>([
  [AM.cannotAccept, 'cannotAccept'],
  [AM.cannotReject, 'cannotReject'],
  [AM.notAuthorized, 'notAuthorized'],
  [AM.expired, 'expired'],
]);

/**
 * The page's request, language and logged-in user, or the not-found page, or the 403 page am.ui
 * shows to someone who may not see the request (the BFF's 403: no request, no buttons).
 */
function pageRequest(request: Request, { mock, url }: RouteContext) {
  const lang = pageLanguage(request, url);
  const id = url.searchParams.get('id');
  const consent = id ? mock.consents.get(id) : undefined;
  if (!consent) {
    return notFoundPage(lang, 'consentNotFound', !id, (code) => pageUrl(id || null, code));
  }
  const user = url.searchParams.get('user');
  const party = currentUser(mock, consent, user);
  if (party && maySee(mock, consent, party)) return { consent, lang, user, party };
  const t = TEXTS[lang].consent;
  const who = party ? `<p>${escapeHtml(fill(t.signedInAs, { name: party.name }))}</p>` : '';
  const content = `<article class="card" aria-labelledby="heading"><h1 id="heading">${escapeHtml(t.consent.title)}</h1>
<div class="banner" role="alert" data-notice="noAccess">${escapeHtml(t.notices.noAccess)}</div>${who}</article>`;
  return page(
    403,
    layout(lang, (code) => pageUrl(consent.id, code, user), t.documentTitle, content),
  );
}

function showPage(request: Request, context: RouteContext): Response {
  const found = pageRequest(request, context);
  if (found instanceof Response) return found;
  return page(200, consentPage(context.mock, found.consent, found.lang, undefined, found.user));
}

async function answerPage(request: Request, context: RouteContext): Promise<Response> {
  const found = pageRequest(request, context);
  if (found instanceof Response) return found;
  const { mock } = context;
  const { consent, lang, user } = found;
  const action = (await readForm(request)).get('action');
  if (action !== 'accept' && action !== 'reject') {
    return page(400, consentPage(mock, consent, lang, 'noAction', user));
  }
  const outcome = answerAs(mock, consent, action, user);
  if (!outcome.ok) {
    const notice = NOTICE_BY_PROBLEM.get(outcome.problem);
    return page(outcome.problem.status, consentPage(mock, consent, lang, notice, user));
  }
  return redirect(`/accessmanagement/api/v1/consent/request/${consent.id}/logout`, 303);
}

function logout(_: Request, { mock, params }: RouteContext): Response {
  const consent = mock.consents.get(params.id ?? '');
  const headers: Record<string, string> = {};
  if (consent) {
    const returnUrl = appendConsentOutcome(consent.redirectUrl, consentOutcome(consent));
    headers['Set-Cookie'] =
      `${LOGOUT_COOKIE}=${COOKIE_FIELD}${mock.sealer.seal(returnUrl)}; Path=/; HttpOnly; SameSite=Lax`;
  }
  return redirect(`${mock.baseUrl}${AUTHENTICATION_LOGOUT_PATH}`, 302, headers);
}

function authenticationLogout(request: Request, { mock }: RouteContext): Response {
  const info = cookie(request, LOGOUT_COOKIE);
  // After the system-user page: AUTHN's `HandleLoggedOut` sends the user to `redirectUrl` as it is.
  if (info?.startsWith(LOGOUT_COOKIE_SYSTEM_USER)) {
    const target = systemUserReturn(mock, info.slice(LOGOUT_COOKIE_SYSTEM_USER.length));
    return redirect(target, 302, { 'Set-Cookie': `${LOGOUT_COOKIE}=; Path=/; Max-Age=0` });
  }
  return redirect(
    info?.startsWith(COOKIE_FIELD) ? `${mock.baseUrl}${LOGOUT_REDIRECT_PATH}` : `${mock.baseUrl}/`,
  );
}

function logoutRedirect(request: Request, { mock }: RouteContext): Response {
  const info = cookie(request, LOGOUT_COOKIE);
  const target = info?.startsWith(COOKIE_FIELD)
    ? mock.sealer.open(info.slice(COOKIE_FIELD.length))
    : undefined;
  return redirect(target && isAbsoluteUrl(target) ? target : `${mock.baseUrl}/`, 302, {
    'Set-Cookie': `${LOGOUT_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`,
  });
}

function isAbsoluteUrl(url: string): boolean {
  try {
    return /^[a-z][a-z0-9+\-.]*:/i.test(url) && new URL(url).protocol !== '';
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// The pages: server-rendered HTML without scripts; every value goes through `escapeHtml`.

function pageUrl(id: string | null, lang: PageLanguage, user?: string | null): string {
  const query = new URLSearchParams(
    id === null ? { lang } : { id, ...(user ? { user } : {}), lang },
  );
  return `${CONSENT_PAGE_PATH}?${query.toString()}`;
}

/** The warning a request's state calls for, if any. */
function stateNotice(request: MockConsentRequest, expired: boolean): PageNotice | undefined {
  if (request.status === 'Rejected') return 'rejected';
  if (request.status === 'Revoked') return 'revoked';
  if (request.status === 'Deleted') return 'deleted';
  if (expired) return 'expired';
  if (request.status === 'Accepted') return 'accepted';
  return undefined;
}

function fillMetadata(text: string, metadata: Record<string, string> | null): string {
  let filled = text;
  for (const [key, value] of Object.entries(metadata ?? {})) {
    filled = filled.split(`{${key.toLowerCase()}}`).join(value).split(`{${key}}`).join(value);
  }
  return filled;
}

function renderRight(
  mock: MockState,
  right: MockConsentRequest['consentRights'][number],
  lang: PageLanguage,
): string {
  const resourceId = right.resource[0]?.value ?? '';
  const resource = mock.resources.get(resourceId);
  const title = resource?.title?.[lang] ?? resourceId;
  const text = resource?.consentText?.[lang];
  const declared = Object.entries(resource?.consentMetadata ?? {});
  const fields = new Map(declared.map(([key, field]) => [key.toLowerCase(), field]));
  const metadata = Object.entries(right.metadata ?? {})
    .map(([key, value]) => {
      const label = fields.get(key.toLowerCase())?.label?.[lang] ?? key;
      return `<div><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`;
    })
    .join('');
  return `<li class="right" data-resource="${escapeHtml(resourceId)}"><h3>${escapeHtml(title)}</h3>${
    text ? `<p>${escapeHtml(fillMetadata(text, right.metadata))}</p>` : ''
  }${metadata ? `<dl>${metadata}</dl>` : ''}</li>`;
}

function consentPage(
  mock: MockState,
  request: MockConsentRequest,
  lang: PageLanguage,
  refused?: PageNotice,
  user?: string | null,
): string {
  const t = TEXTS[lang].consent;
  const kind = mock.resources.template(request.templateId).isPoa ? 'poa' : 'consent';
  const name = (urn: string): string => mock.parties.orSynthetic(urn).name;
  const to = name(request.to);
  const intro = request.from.includes(':organization:')
    ? fill(t.introForOrg, { to, from: name(request.from) })
    : fill(t.intro, { to });
  const expired = isExpired(request, mock.nowMicros());
  const notice = refused ?? stateNotice(request, expired);
  const disabled = request.status === 'Created' && !expired ? '' : ' disabled';
  const message = request.requestMessage?.[lang];
  const handledBy = request.handledBy
    ? `<p class="handled-by">${escapeHtml(fill(t.handledBy, { handledBy: name(request.handledBy), to }))}</p>`
    : '';

  const content = `<article class="card" aria-labelledby="heading" data-status="${escapeHtml(request.status)}">
<h1 id="heading">${escapeHtml(t[kind].title)}</h1>
<p class="intro">${escapeHtml(intro)}</p>
${notice ? `<div class="banner" role="${refused ? 'alert' : 'status'}" data-notice="${notice}">${escapeHtml(t.notices[notice])}</div>` : ''}
${message ? `<section aria-labelledby="message-heading"><h2 id="message-heading">${escapeHtml(fill(t.messageHeading, { to }))}</h2><p class="message">${escapeHtml(message)}</p></section>` : ''}
<section aria-labelledby="rights-heading"><h2 id="rights-heading">${escapeHtml(t[kind].rightsHeading)}</h2>
<ul class="rights">${request.consentRights.map((right) => renderRight(mock, right, lang)).join('')}</ul></section>
${handledBy}
<p class="expiry">${escapeHtml(t[kind].expiry)} <time datetime="${escapeHtml(request.validTo)}">${escapeHtml(formatOsloDateTime(request.validToMicros))}</time>.</p>
<form method="post" action="${escapeHtml(pageUrl(request.id, lang, user))}" class="actions">
<button type="submit" name="action" value="accept" data-action="accept" class="primary"${disabled}>${escapeHtml(t[kind].accept)}</button>
<button type="submit" name="action" value="reject" data-action="reject" class="secondary"${disabled}>${escapeHtml(t[kind].reject)}</button>
</form>
</article>`;
  return layout(lang, (code) => pageUrl(request.id, code, user), t.documentTitle, content);
}

/** `GET /`: where Altinn's logout redirect lands when it has nowhere better to go. */
function indexPage(lang: PageLanguage): string {
  return layout(
    lang,
    undefined,
    'Altinn (mock)',
    `<article class="card" aria-labelledby="heading" lang="en"><h1 id="heading">Mock Altinn</h1>
<p>This server imitates Altinn's consent API, the access request APIs of Altinn 2 and 3, Maskinporten's token endpoint and the pages users and access managers see, for local development and tests.</p>
<ul><li><a href="/accessmanagement/ui/requests/received">Access requests, as an organisation's access manager sees them</a></li><li><a href="/maskinporten/.well-known/oauth-authorization-server">Maskinporten metadata</a></li><li><a href="/__mock/stats">Request counters</a></li></ul></article>`,
  );
}
