import { readForm, redirect } from './http.js';
import { isGuid } from './ids.js';
import { button, card, markup, notice, postForm, type Markup } from './markup.js';
import { notFoundPage, page, pageRoutes } from './page-layout.js';
import type { RouteContext, RouteTable } from './routes.js';
import type { MockState } from './state.js';
import { SYSTEM_USER_PAGE_PATH, isTimedOut, vendorOf } from './systemuser-api.js';
import { TEXTS, fill, pageLanguage, type PageTexts } from './texts/index.js';
import type { MockSystemUserRequest, PageLanguage } from './types.js';

/**
 * The system-user request page (`confirmUrl`, altinn-api.md 3.4): the organisation's access
 * manager (tilgangsstyrer) approves or rejects; a person with another relation to it can only
 * escalate (`escalated`, status stays `New`); a handled or timed-out request only says so. After
 * approve, reject or "close and log out": Altinn's logout, then `redirectUrl` with nothing
 * appended. No login in the mock: `user=<identity number>` says who is logged in (default: the
 * organisation's first access manager), and the page links to the other persons who may answer.
 */

export const LOGOUT_COOKIE_SYSTEM_USER = 'SystemuserRequestId=';
const LOGOUT_PATH = '/authentication/api/v1/logout';

export const systemUserPageRoutes: RouteTable = {
  base: SYSTEM_USER_PAGE_PATH,
  routes: [
    ...pageRoutes('/request', (request, context) => answerPage(request, context, false)),
    ...pageRoutes('/agentrequest', (request, context) => answerPage(request, context, true)),
  ],
};

/** Where Altinn's logout sends the user after this page: `redirectUrl` as it is, else Altinn. */
export function systemUserReturn(mock: MockState, id: string): string {
  return mock.systemUserRequests.live(id)?.redirectUrl ?? `${mock.baseUrl}/`;
}

type Notice = keyof PageTexts['systemUser']['notices'];
type Role = 'accessManager' | 'other' | 'none';
/** The page's address in a language, with more query parameters. */
type Href = (code: PageLanguage, extra?: Record<string, string>) => string;

async function answerPage(request: Request, context: RouteContext, agent: boolean) {
  const { mock, url } = context;
  const lang = pageLanguage(request, url);
  const id = url.searchParams.get('id') ?? '';
  const found = isGuid(id) ? mock.systemUserRequests.live(id) : undefined;
  if (!found || found.agent !== agent) return notFoundPage(lang, 'systemUserNotFound', id === '');
  const form = request.method === 'POST' ? await readForm(request) : undefined;
  const approvers = mock.approvers(found.partyOrgNo);
  // Everyone who may answer: the page lets the mock's user switch between them.
  const everyone = [...approvers.accessManagers, ...approvers.others];
  const user = form?.get('user') ?? url.searchParams.get('user') ?? everyone[0] ?? '';
  const role: Role = approvers.accessManagers.includes(user)
    ? 'accessManager'
    : approvers.others.includes(user)
      ? 'other'
      : 'none';
  const href: Href = (code, extra = {}) => {
    const query = new URLSearchParams({ id: found.id, user, ...extra, lang: code });
    return `${SYSTEM_USER_PAGE_PATH}/${agent ? 'agentrequest' : 'request'}?${query.toString()}`;
  };
  const frame = { lang, title: TEXTS[lang].systemUser.documentTitle, languageHref: href };
  const show = (status: number, notice?: Notice): Response =>
    page(status, frame, render(mock, found, lang, { user, role, everyone, href, notice }));
  const handled = handledNotice(mock, found) !== undefined;
  if (!form) {
    return show(200, url.searchParams.get('notice') === 'escalated' ? 'escalated' : undefined);
  }

  const action = form.get('action');
  if (action === 'logout') return logout(mock, found);
  if (action === 'escalate') {
    if (role !== 'other' || handled || found.escalated) return show(409);
    found.escalated = true;
    return redirect(href(lang, { notice: 'escalated' }), 303);
  }
  if (action !== 'approve' && action !== 'reject') return show(400, 'noAction');
  // AUTH-00066: only the access manager approves or rejects.
  if (role !== 'accessManager') return show(403, role === 'none' ? 'noRole' : 'notAccessManager');
  if (handled) return show(409);
  if (action === 'approve') mock.systemUserRequests.accept(found, mock.nowMicros());
  else found.status = 'Rejected';
  return logout(mock, found);
}

/** Altinn's logout hop: a cookie naming the request, then the platform's logout. */
function logout(mock: MockState, found: MockSystemUserRequest): Response {
  const cookie = `AltinnLogoutInfo=${LOGOUT_COOKIE_SYSTEM_USER}${found.id}; Path=/; HttpOnly; SameSite=Lax`;
  return redirect(`${mock.baseUrl}${LOGOUT_PATH}`, 303, { 'Set-Cookie': cookie });
}

/** "Already approved/rejected/expired": a request no one can answer any more. */
function handledNotice(mock: MockState, found: MockSystemUserRequest): Notice | undefined {
  if (found.status === 'Accepted') return 'accepted';
  if (found.status === 'Rejected' || found.status === 'Denied') return 'rejected';
  if (isTimedOut(found, mock.nowMicros()) || found.status === 'Timedout') return 'expired';
  return undefined;
}

function render(
  mock: MockState,
  found: MockSystemUserRequest,
  lang: PageLanguage,
  view: { user: string; role: Role; everyone: string[]; href: Href; notice: Notice | undefined },
): Markup {
  const t = TEXTS[lang].systemUser;
  const system = mock.systems.get(found.systemId);
  const name = (number: string): string => mock.parties.byNumber(number)?.name ?? number;
  const values = {
    system: system?.name[lang] ?? found.systemId,
    vendor: name(vendorOf(found.systemId)),
    org: name(found.partyOrgNo),
  };
  const granted = [
    ...found.rights.flatMap((right) =>
      right.resource.map((r) => mock.resource(r.value)?.title?.[lang] ?? r.value),
    ),
    ...found.accessPackages.map((p) => mock.accessPackage(p.urn)?.name[lang] ?? p.urn),
  ];
  const state = handledNotice(mock, found);
  const shown = view.notice ?? state ?? (found.escalated ? 'escalated' : undefined);
  const refused = view.notice !== undefined && view.notice !== 'escalated';
  const type = shown === 'escalated' ? 'receipt' : refused ? 'warning' : 'state';
  const open = state === undefined;
  const mayEscalate = open && view.role === 'other' && !found.escalated;
  const buttons =
    open && view.role === 'accessManager'
      ? [button('approve', t.approve), button('reject', t.reject, 'secondary')]
      : mayEscalate
        ? button('escalate', t.escalate)
        : button('logout', t.closeAndLogOut, 'secondary');
  const others = view.everyone
    .filter((number) => number !== view.user)
    .map(
      (number) =>
        markup`<li><a href="${view.href(lang, { user: number })}" data-user="${number}">${fill(t.switchUser, { name: name(number) })}</a></li>`,
    );
  const body = markup`${shown && notice(fill(t.notices[shown], values), { notice: shown }, type)}
<p class="intro">${fill(found.agent ? t.agentIntro : t.intro, values)}</p>
<ul class="rights">${granted.map((title) => markup`<li class="right">${title}</li>`)}</ul>
${mayEscalate && markup`<p>${fill(t.escalateHint, values)}</p>`}
${postForm(view.href(lang), markup`<input type="hidden" name="user" value="${view.user}">\n${buttons}`)}
<p>${fill(t.signedInAs, { name: name(view.user) })}</p>
${others.length > 0 && markup`<ul>${others}</ul>`}`;
  return card(fill(t.title, values), body, { status: found.status, role: view.role });
}
