import { none } from './auth.js';
import { isExpired, moveConsent } from './consent-store.js';
import { cookie, empty, parseUrl, readForm, redirect } from './http.js';
import { button, card, definitions, markup, notice, postForm, type Markup } from './markup.js';
import { notFoundPage, page, pageRoutes } from './page-layout.js';
import { AM, type ProblemDescriptor } from './problems.js';
import { parsePartyUrn, type Party } from './registry.js';
import { appendConsentOutcome, consentOutcome } from './return-url.js';
import { route, type RouteContext, type RouteTable } from './routes.js';
import type { MockState } from './state.js';
import { LOGOUT_COOKIE_SYSTEM_USER, systemUserReturn } from './systemuser-page.js';
import { TEXTS, fill, pageLanguage } from './texts/index.js';
import { formatOsloDateTime } from './time.js';
import type { MockConsentRequest, MockConsentRight, PageLanguage } from './types.js';

/**
 * What the user's browser goes through for consent (altinn-api.md 2.6): the consent page, the
 * answer, then Altinn's logout chain, which ends with a 302 to the request's `redirectUrl` plus the
 * outcome. The page is shaped like Altinn's ("What the user sees"): who asks, the rights with their
 * metadata, the request message in the page's language, the expiry, the two buttons; a banner and
 * disabled buttons once the request is answered or expired. No login in the mock.
 */

export const CONSENT_PAGE_PATH = '/accessmanagement/ui/consent/request';
export const CONSENT_OVERVIEW_PATH = '/accessmanagement/ui/consent/active';
const AUTHENTICATION_LOGOUT_PATH = '/authentication/api/v1/logout';
const LOGOUT_REDIRECT_PATH = '/accessmanagement/api/v1/logoutredirect';
const LOGOUT_COOKIE = 'AltinnLogoutInfo';
const COOKIE_FIELD = 'amSafeRedirectUrl=';

export const consentPageRoutes: RouteTable = {
  base: '',
  routes: [
    ...pageRoutes(CONSENT_PAGE_PATH, consentPage),
    route('GET', CONSENT_OVERVIEW_PATH, none, overviewPage),
    // Remembers where to go in an encrypted cookie, then logs out.
    route('GET', '/accessmanagement/api/v1/consent/request/{id}/logout', none, logout),
    // The platform ends the session and sends the browser back to am.ui.
    route('GET', AUTHENTICATION_LOGOUT_PATH, none, authenticationLogout),
    // Decrypts the cookie, checks the URL is absolute, and sends the browser there.
    route('GET', LOGOUT_REDIRECT_PATH, none, logoutRedirect),
    route('GET', '', none, (request, { url }) => indexPage(pageLanguage(request, url))),
    // Browsers ask for it on every page; a 404 would show up as a console error in browser tests.
    route('GET', '/favicon.ico', none, () => empty(204)),
  ],
};

/**
 * Who is signed in. The mock has no login: `user=<identity number>` says who; without it, the
 * request's required delegator, else its `from` when a person, else the register's first person.
 */
function currentUser(mock: MockState, user?: string | null, request?: MockConsentRequest) {
  if (user) return mock.parties.find({ kind: 'person', number: user });
  const urn = request?.requiredDelegator ?? (request?.from.includes(':person:') && request.from);
  return mock.parties.byUrn(urn || '') ?? mock.parties.anyPerson();
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

/** The user's answer, with the same rules on the page and in the test controls; the refusal, if any. */
export function answerAs(
  mock: MockState,
  request: MockConsentRequest,
  move: 'accept' | 'reject' | 'revoke',
  userNumber?: string | null,
): ProblemDescriptor | undefined {
  const user = currentUser(mock, userNumber, request);
  if (!user || !maySee(mock, request, user)) return AM.notAuthorized;
  return moveConsent(mock, request, move, user);
}

/** Why a page shows a warning: the request's state, or a refused answer. */
type PageNotice = keyof (typeof TEXTS)['nb']['consent']['notices'];

/**
 * The consent page: the request shown on GET, answered on POST. Someone who may not see the
 * request gets the 403 page am.ui shows (the BFF's 403: no request, no buttons).
 */
async function consentPage(request: Request, { mock, url }: RouteContext): Promise<Response> {
  const lang = pageLanguage(request, url);
  const id = url.searchParams.get('id');
  const consent = id ? mock.consents.get(id) : undefined;
  if (!consent) return notFoundPage(lang, 'consentNotFound', !id, (code) => pageUrl(id, code));
  const user = url.searchParams.get('user');
  const party = currentUser(mock, user, consent);
  const t = TEXTS[lang].consent;
  const languageHref = (code: PageLanguage) => pageUrl(consent.id, code, user);
  const frame = { lang, title: t.documentTitle, languageHref };
  if (!party || !maySee(mock, consent, party)) {
    const who = party && markup`<p>${fill(t.signedInAs, { name: party.name })}</p>`;
    const denied = notice(t.notices.noAccess, { notice: 'noAccess' });
    return page(403, frame, card(t.consent.title, markup`${denied}${who}`));
  }
  const show = (status: number, refused?: PageNotice): Response =>
    page(status, frame, consentCard(mock, consent, lang, refused, user));
  if (request.method === 'GET') return show(200);
  const action = (await readForm(request)).get('action');
  if (action !== 'accept' && action !== 'reject') return show(400, 'noAction');
  const refused = answerAs(mock, consent, action, user);
  // A refusal's notice is named as its problem in `AM` (notAuthorized, cannotAccept, expired, …).
  const problem = Object.entries(AM).find(([, descriptor]) => descriptor === refused)?.[0];
  if (refused) return show(refused.status, problem as PageNotice);
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
  // Altinn checks only that the URL is a well-formed absolute URI.
  const absolute = target && /^[a-z][a-z0-9+\-.]*:/i.test(target) && parseUrl(target);
  return redirect(absolute ? target : `${mock.baseUrl}/`, 302, {
    'Set-Cookie': `${LOGOUT_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`,
  });
}

// ---------------------------------------------------------------------------------------------
// The page's content.

function pageUrl(id: string | null, lang: PageLanguage, user?: string | null): string {
  const query = new URLSearchParams(id ? { id, ...(user ? { user } : {}), lang } : { lang });
  return `${CONSENT_PAGE_PATH}?${query.toString()}`;
}

/** The status a request shows: an unanswered or given consent past its time has expired. */
function shownStatus(mock: MockState, request: MockConsentRequest): MockConsentRequest['status'] {
  const open = request.status === 'Created' || request.status === 'Accepted';
  return open && isExpired(request, mock.nowMicros()) ? 'Expired' : request.status;
}

function renderRight(mock: MockState, right: MockConsentRight, lang: PageLanguage): Markup {
  const resourceId = right.resource[0]?.value ?? '';
  const resource = mock.resource(resourceId);
  const text = resource?.consentText?.[lang];
  // Metadata keys compare in lower case, as the register keeps them and the text marks them.
  const lower = <T>(entries: [string, T][]) =>
    entries.map(([k, v]) => [k.toLowerCase(), v] as const);
  const fields = new Map(lower(Object.entries(resource?.consentMetadata ?? {})));
  const given = lower(Object.entries(right.metadata ?? {}));
  const rows = given.map(([key, value]): [string, string] => [
    fields.get(key)?.label?.[lang] ?? key,
    value,
  ]);
  return markup`<li class="right" data-resource="${resourceId}"><h3>${resource?.title?.[lang] ?? resourceId}</h3>${
    text && markup`<p>${fill(text, Object.fromEntries(given))}</p>`
  }${rows.length > 0 && definitions(rows)}</li>`;
}

function consentCard(
  mock: MockState,
  request: MockConsentRequest,
  lang: PageLanguage,
  refused?: PageNotice,
  user?: string | null,
): Markup {
  const t = TEXTS[lang].consent;
  // Only a power of attorney (template `poa`) has wording of its own.
  const kind = request.templateId === 'poa' ? 'poa' : 'consent';
  const name = (urn: string): string => mock.parties.orSynthetic(urn).name;
  const to = name(request.to);
  const intro = request.from.includes(':organization:')
    ? fill(t.introForOrg, { to, from: name(request.from) })
    : fill(t.intro, { to });
  const status = shownStatus(mock, request);
  const shown =
    refused ?? (status === 'Created' ? undefined : (status.toLowerCase() as PageNotice));
  const disabled = status !== 'Created';
  const message = request.requestMessage?.[lang];
  const handledBy =
    request.handledBy &&
    markup`<p class="handled-by">${fill(t.handledBy, { handledBy: name(request.handledBy), to })}</p>`;
  const body = markup`<p class="intro">${intro}</p>
${shown && notice(t.notices[shown], { notice: shown }, refused ? 'warning' : 'state')}
${message && markup`<section aria-labelledby="message-heading"><h2 id="message-heading">${fill(t.messageHeading, { to })}</h2><p class="message">${message}</p></section>`}
<section aria-labelledby="rights-heading"><h2 id="rights-heading">${t[kind].rightsHeading}</h2>
<ul class="rights">${request.consentRights.map((right) => renderRight(mock, right, lang))}</ul></section>
${handledBy}
<p class="expiry">${t[kind].expiry} <time datetime="${request.validTo}">${formatOsloDateTime(request.validToMicros)}</time>.</p>
${postForm(
  pageUrl(request.id, lang, user),
  markup`${button('accept', t[kind].accept, 'primary', disabled && markup` disabled`)}
${button('reject', t[kind].reject, 'secondary', disabled && markup` disabled`)}`,
)}`;
  return card(t[kind].title, body, { status: request.status });
}

/**
 * am.ui's list of the signed-in person's consents: every request they may see, with its status,
 * linked to its page.
 */
function overviewPage(request: Request, { mock, url }: RouteContext): Response {
  const lang = pageLanguage(request, url);
  const t = TEXTS[lang].consent;
  const user = url.searchParams.get('user');
  const person = currentUser(mock, user);
  const rows = [...mock.consents.requests.values()]
    .filter((consent) => person && maySee(mock, consent, person))
    .map((consent) => {
      const status = shownStatus(mock, consent);
      return markup`<li class="right" data-request-id="${consent.id}" data-status="${status}"><h2>${mock.parties.orSynthetic(consent.to).name}</h2>
<p class="status">${t.overview.statuses[status]}</p><p><a href="${pageUrl(consent.id, lang, user)}">${t.overview.show}</a></p></li>`;
    });
  const languageHref = (code: PageLanguage) =>
    `${CONSENT_OVERVIEW_PATH}?${new URLSearchParams({ ...(user && { user }), lang: code }).toString()}`;
  const content = markup`${person && markup`<p>${fill(t.signedInAs, { name: person.name })}</p>`}
${rows.length ? markup`<ul class="rights">${rows}</ul>` : markup`<p>${t.overview.empty}</p>`}`;
  const frame = { lang, title: t.overview.documentTitle, languageHref };
  return page(200, frame, card(t.overview.title, content));
}

/** `GET /`: where Altinn's logout redirect lands when it has nowhere better to go. */
function indexPage(lang: PageLanguage): Response {
  return page(
    200,
    { lang, title: 'Altinn (mock)' },
    markup`<article class="card" aria-labelledby="heading" lang="en"><h1 id="heading">Mock Altinn</h1>
<p>This server imitates Altinn's consent API, the access request APIs of Altinn 2 and 3, Maskinporten's token endpoint and the pages users and access managers see, for local development and tests.</p>
<ul><li><a href="/accessmanagement/ui/requests/received">Access requests, as an organisation's access manager sees them</a></li><li><a href="/accessmanagement/ui/consent/active">Consents, as the signed-in person sees them</a></li><li><a href="/maskinporten/.well-known/oauth-authorization-server">Maskinporten metadata</a></li><li><a href="/__mock/stats">Request counters</a></li></ul></article>`,
  );
}
