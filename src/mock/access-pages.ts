import { ALTINN2_SEND_PAGE_PATH, isAltinn2Pending, moveDelegationRequest } from './altinn2-api.js';
import { DRAFT_PAGE_PATH, moveAccessRequest } from './altinn3-api.js';
import { queryValues, readForm, redirect } from './http.js';
import { isGuid } from './ids.js';
import { button, card, definitions, markup, notice, postForm, type Markup } from './markup.js';
import { notFoundPage, page, pageRoutes } from './page-layout.js';
import { parsePartyUrn } from './registry.js';
import { appendDelegationRequestOutcome } from './return-url.js';
import type { RouteContext, RouteTable } from './routes.js';
import type { MockState } from './state.js';
import { TEXTS, fill, joinNames, pageLanguage, type PageTexts } from './texts/index.js';
import type { MockAccessRequest, MockDelegationRequest, PageLanguage } from './types.js';

/**
 * The pages of "Be om tilgang" (altinn-api.md 3.1, 3.2; no login in the mock; forms post back to
 * the page, which then redirects to itself with 303):
 * - Altinn 2's send page: the request as the service owner made it (not editable), an optional
 *   message, which access managers get an e-mail, "Send" (Created → Unopened); then a receipt with
 *   "Fortsett" to `RedirectUrl`;
 * - Altinn 3's draft page (`detailsLink`, several `requestId`s at once): "Ja, be om tilgang"
 *   (Draft → Pending) or "Nei, avvis" (→ Withdrawn), then a receipt; no redirect;
 * - the access manager's list of pending requests of both APIs (`?org=`), approve and reject;
 *   opening an Altinn 2 request moves it to Opened.
 */

const RECEIVED_PAGE_PATH = '/accessmanagement/ui/requests/received';

export const accessPageRoutes: RouteTable = {
  base: '',
  routes: [
    ...pageRoutes(`${ALTINN2_SEND_PAGE_PATH}/{guid}`, sendPage),
    ...pageRoutes(DRAFT_PAGE_PATH, draftPage),
    ...pageRoutes(RECEIVED_PAGE_PATH, receivedPage),
  ],
};

type LanguageHref = (lang: PageLanguage) => string;

function nameOf(mock: MockState, numberOrUrn: string): string {
  return numberOrUrn.startsWith('urn:')
    ? mock.parties.orSynthetic(numberOrUrn).name
    : (mock.parties.byNumber(numberOrUrn)?.name ?? numberOrUrn);
}

function serviceTitle(mock: MockState, code: string, edition: number, lang: PageLanguage) {
  return mock.service(code, edition)?.title[lang] ?? code;
}

function accessRequestTitle(mock: MockState, request: MockAccessRequest, lang: PageLanguage) {
  if (request.resource) {
    const id = request.resource.referenceId;
    return mock.resource(id)?.title?.[lang] ?? id;
  }
  const urn = request.package?.referenceId ?? '';
  return mock.accessPackage(urn)?.name[lang] ?? urn;
}

/** A titled list of what is asked. */
function requestList(heading: string, items: Markup[]): Markup {
  return markup`<section aria-labelledby="list-heading"><h2 id="list-heading">${heading}</h2>
<ul class="rights">${items}</ul></section>`;
}

// Altinn 2: the send page and its receipt

async function sendPage(request: Request, { mock, url, params }: RouteContext): Promise<Response> {
  const lang = pageLanguage(request, url);
  const guid = params.guid ?? '';
  const found = isGuid(guid) ? mock.delegationRequests.get(guid) : undefined;
  if (!found) return notFoundPage(lang, 'accessNotFound', false);
  const languageHref: LanguageHref = (code) =>
    `${ALTINN2_SEND_PAGE_PATH}/${found.guid}?lang=${code}`;
  const frame = { lang, title: TEXTS[lang].send.documentTitle, languageHref };
  if (request.method === 'GET') return page(200, frame, sendCard(mock, found, lang, languageHref));

  const form = await readForm(request);
  if (!moveDelegationRequest(found, 'send', mock.nowMicros())) {
    return page(409, frame, sendCard(mock, found, lang, languageHref, true));
  }
  const managers = mock.accessManagers(found.offeredBy).map((manager) => manager.email);
  const message = (form.get('message') ?? '').trim();
  // The user's message replaces the service owner's.
  found.requestMessage = message === '' ? null : message;
  found.notifiedAccessManagers = [...new Set(form.getAll('recipients'))].filter((email) =>
    managers.includes(email),
  );
  return redirect(languageHref(lang), 303);
}

function sendCard(
  mock: MockState,
  request: MockDelegationRequest,
  lang: PageLanguage,
  pageHref: LanguageHref,
  cannotSend = false,
): Markup {
  const texts = TEXTS[lang];
  const t = texts.send;
  const org = nameOf(mock, request.offeredBy);
  const managers = mock.accessManagers(request.offeredBy);
  const services = requestList(
    t.servicesHeading,
    request.requestResources.map(({ serviceCode: code, serviceEditionCode: edition }) => {
      const codeText = fill(t.serviceCode, { code, edition: String(edition) });
      return markup`<li class="right" data-service-code="${code}" data-service-edition="${edition}"><h3>${serviceTitle(mock, code, edition, lang)}</h3><p>${codeText}</p></li>`;
    }),
  );
  const status = request.requestStatus;
  if (status === 'Created') {
    const choices = managers.map(
      (manager, index) =>
        markup`<label class="choice" for="recipient-${index}"><input type="checkbox" id="recipient-${index}" name="recipients" value="${manager.email}">${`${manager.name} (${manager.email})`}</label>`,
    );
    const serviceOwner = nameOf(mock, request.serviceOwner);
    const body = markup`<p class="intro">${fill(t.intro, { org })}</p>
<p>${fill(t.madeBy, { serviceOwner })}</p>
${services}
<form method="post" action="${pageHref(lang)}">
<label for="message">${t.messageLabel}</label>
<p id="message-hint">${t.messageHint}</p>
<textarea id="message" name="message" aria-describedby="message-hint" maxlength="1000">${request.requestMessage ?? ''}</textarea>
<fieldset><legend>${t.recipientsLegend}</legend>${choices}</fieldset>
<div class="actions">${button('send', t.send)}</div>
</form>`;
    return card(t.title, body, { status });
  }
  const notified = request.notifiedAccessManagers.map(
    (email) => managers.find((manager) => manager.email === email)?.name ?? email,
  );
  const notifiedText = fill(t.notified, { names: joinNames(notified, texts) });
  const receipt =
    status === 'Unopened'
      ? markup`<div class="receipt" role="status"><p>${fill(t.sent, { org })}</p>${notified.length > 0 && markup`<p>${notifiedText}</p>`}</div>`
      : notice(t.states[status], { state: status }, 'state');
  const back = appendDelegationRequestOutcome(request.redirectUrl, request.guid);
  const body = markup`${cannotSend && notice(t.cannotSend, { notice: 'cannotSend' })}
${receipt}
${services}
<div class="actions"><a class="button primary" data-action="continue" href="${back}">${t.continue}</a></div>`;
  return card(status === 'Unopened' ? t.sentTitle : t.stateTitle, body, { status });
}

// Altinn 3: the draft page (`detailsLink`) and its receipt

type DraftNotice = keyof PageTexts['draft']['notices'];

async function draftPage(request: Request, { mock, url }: RouteContext): Promise<Response> {
  const lang = pageLanguage(request, url);
  const ids = [
    ...new Set(queryValues(url.searchParams, 'requestId').map((id) => id.toLowerCase())),
  ];
  const requests = ids.filter(isGuid).flatMap((id) => mock.accessRequests.get(id) ?? []);
  if (!ids.some((id) => id !== '')) return notFoundPage(lang, 'accessNotFound', true);
  if (requests.length === 0) return notFoundPage(lang, 'accessNotFound', false);
  const languageHref: LanguageHref = (code) => {
    const query = new URLSearchParams(requests.map((found) => ['requestId', found.id]));
    return `${DRAFT_PAGE_PATH}?${query.toString()}&lang=${code}`;
  };
  const frame = { lang, title: TEXTS[lang].draft.documentTitle, languageHref };
  const show = (status: number, warning?: DraftNotice): Response =>
    page(status, frame, draftCard(mock, requests, lang, languageHref, warning));
  if (request.method === 'GET') return show(200);

  const action = (await readForm(request)).get('action');
  if (action !== 'confirm' && action !== 'decline') return show(400, 'noAction');
  const drafts = requests.filter((found) => found.status === 'Draft');
  if (drafts.length === 0) return show(409, 'notDraft');
  for (const draft of drafts) moveAccessRequest(draft, action, mock.nowMicros());
  return redirect(languageHref(lang), 303);
}

function draftCard(
  mock: MockState,
  requests: MockAccessRequest[],
  lang: PageLanguage,
  pageHref: LanguageHref,
  warning?: DraftNotice,
): Markup {
  const texts = TEXTS[lang];
  const t = texts.draft;
  const names = (party: 'by' | 'to'): string =>
    joinNames([...new Set(requests.map((request) => nameOf(mock, request[party])))], texts);
  const list = requestList(
    t.requestsHeading,
    requests.map((request) => {
      const rows = definitions([
        [t.at, nameOf(mock, request.to)],
        [t.for, nameOf(mock, request.from)],
        [t.status, texts.statuses[request.status]],
      ]);
      return markup`<li class="right" data-request-id="${request.id}" data-status="${request.status}"><h3>${accessRequestTitle(mock, request, lang)}</h3>${rows}</li>`;
    }),
  );
  const shown = warning && notice(t.notices[warning], { notice: warning });
  if (requests.some((request) => request.status === 'Draft')) {
    const body = markup`${shown}
<p class="intro">${fill(t.intro, { serviceOwner: names('by') })}</p>
${list}
${postForm(pageHref(lang), markup`${button('confirm', t.confirm)}\n${button('decline', t.decline, 'secondary')}`)}`;
    return card(t.title, body, { status: 'Draft' });
  }
  const all = (status: string) => requests.every((request) => request.status === status);
  const [title, text, outcome] = all('Pending')
    ? [t.sentTitle, fill(t.sent, { orgs: names('to') }), 'sent']
    : all('Withdrawn')
      ? [t.declinedTitle, t.declined, 'declined']
      : [t.doneTitle, '', 'answered'];
  const body = markup`${shown}
<div class="receipt" role="status">${text && markup`<p>${text}</p>`}<p data-close-hint>${t.close}</p></div>
${list}`;
  return card(title, body, { outcome });
}

// The access manager's received requests, of either API

/** A request of either API as the access manager sees it (the two share no ids: both are random UUIDs). */
interface Received {
  api: 'altinn2' | 'altinn3';
  id: string;
  status: string;
  pending: boolean;
  /** The organisation asked, who wants it, who made it. */
  org: string;
  requester: string;
  serviceOwner: string;
  title: string;
  message: string | null;
  /** The access manager's answer; `false` when the request does not wait for one. */
  decide(decision: 'approve' | 'reject'): boolean;
}

/** The access requests an organisation was asked, of both APIs. */
function receivedBy(mock: MockState, org: string, lang: PageLanguage): Received[] {
  const now = mock.nowMicros();
  const altinn2 = [...mock.delegationRequests.requests.values()].map((request): Received => ({
    api: 'altinn2',
    id: request.guid,
    status: request.requestStatus,
    pending: isAltinn2Pending(request),
    org: request.offeredBy,
    requester: request.coveredBy,
    serviceOwner: request.serviceOwner,
    title: request.requestResources
      .map((s) => serviceTitle(mock, s.serviceCode, s.serviceEditionCode, lang))
      .join(', '),
    message: request.requestMessage,
    // Approved is spelled as the option says.
    decide: (decision) => {
      const status = decision === 'approve' ? mock.altinn2ApprovedStatus : 'Rejected';
      return moveDelegationRequest(request, status, now);
    },
  }));
  const altinn3 = [...mock.accessRequests.requests.values()].map((request): Received => ({
    api: 'altinn3',
    id: request.id,
    status: request.status,
    pending: request.status === 'Pending',
    org: parsePartyUrn(request.to)?.number ?? '',
    requester: request.from,
    serviceOwner: request.by,
    title: accessRequestTitle(mock, request, lang),
    message: null,
    decide: (decision) => moveAccessRequest(request, decision, now),
  }));
  return [...altinn2, ...altinn3].filter((found) => found.org === org);
}

type ReceivedNotice = keyof PageTexts['received']['notices'];
/** The receipts the page shows after an answer, by the `notice` its redirect names. */
const RECEIPTS = ['approved', 'rejected'] as const;

async function receivedPage(request: Request, { mock, url }: RouteContext): Promise<Response> {
  const lang = pageLanguage(request, url);
  const t = TEXTS[lang].received;
  const orgNumber = queryValues(url.searchParams, 'org')[0] ?? '';
  const org = mock.parties.organization(orgNumber);
  const href = (code: PageLanguage, query: Record<string, string> = {}): string =>
    `${RECEIVED_PAGE_PATH}?${new URLSearchParams({ ...query, lang: code }).toString()}`;
  if (!org) {
    const choices = mock.parties.allOrganizations().map((party) => {
      const label = `${party.name} (${party.number})`;
      return markup`<li><a href="${href(lang, { org: party.number })}">${label}</a></li>`;
    });
    const content = card(t.chooseTitle, markup`<p>${t.chooseIntro}</p>\n<ul>${choices}</ul>`);
    const frame = { lang, title: t.documentTitle, languageHref: href };
    return page(orgNumber === '' ? 200 : 404, frame, content);
  }
  const orgHref = (code: PageLanguage, query: Record<string, string> = {}): string =>
    href(code, { org: org.number, ...query });
  const findReceived = (id: string): Received | undefined =>
    receivedBy(mock, org.number, lang).find((found) => found.id === id.toLowerCase());

  const show = (status: number, detail?: Received, shown?: ReceivedNotice): Response => {
    const receipt = RECEIPTS.some((name) => name === shown);
    const notices =
      shown && notice(t.notices[shown], { notice: shown }, receipt ? 'receipt' : 'warning');
    const listHref = orgHref(lang);
    const pending = receivedBy(mock, org.number, lang).filter((any) => any.pending);
    const items = pending.map((any) =>
      receivedItem(mock, any, lang, listHref, orgHref(lang, { requestId: any.id })),
    );
    const body = detail
      ? markup`${notices}
<ul class="rights">${receivedItem(mock, detail, lang, listHref)}</ul>
<p><a href="${listHref}">${t.back}</a></p>`
      : markup`<p>${t.noLogin}</p>
${notices}
${items.length === 0 ? markup`<p data-empty>${t.empty}</p>` : markup`<ul class="rights">${items}</ul>`}`;
    const languageHref: LanguageHref = (code) =>
      orgHref(code, detail ? { requestId: detail.id } : {});
    const content = card(fill(t.title, { org: org.name }), body, { org: org.number });
    return page(status, { lang, title: t.documentTitle, languageHref }, content);
  };

  if (request.method === 'GET') {
    const requestId = queryValues(url.searchParams, 'requestId')[0];
    if (requestId === undefined) {
      return show(
        200,
        undefined,
        RECEIPTS.find((name) => name === url.searchParams.get('notice')),
      );
    }
    // An access manager who opens an Altinn 2 request moves it from Unopened to Opened.
    const altinn2 = mock.delegationRequests.get(requestId);
    if (altinn2?.offeredBy === org.number) moveDelegationRequest(altinn2, 'open', mock.nowMicros());
    const detail = findReceived(requestId);
    return detail ? show(200, detail) : show(404, undefined, 'notFound');
  }
  const form = await readForm(request);
  const received = findReceived(form.get('requestId') ?? '');
  if (!received) return show(404, undefined, 'notFound');
  const action = form.get('action');
  if (action !== 'approve' && action !== 'reject') return show(400, received, 'noAction');
  if (!received.decide(action)) return show(409, received, 'notPending');
  return redirect(orgHref(lang, { notice: action === 'approve' ? 'approved' : 'rejected' }), 303);
}

/** One request on the access manager's page; `detailHref` links to it alone (absent when alone). */
function receivedItem(
  mock: MockState,
  any: Received,
  lang: PageLanguage,
  listHref: string,
  detailHref?: string,
): Markup {
  const { received: t, statuses } = TEXTS[lang];
  const headingId = `request-${any.id}`;
  const describedBy = markup` aria-describedby="${headingId}"`;
  const form =
    any.pending &&
    postForm(
      listHref,
      markup`<input type="hidden" name="requestId" value="${any.id}">
${button('approve', t.approve, 'primary', describedBy)}
${button('reject', t.reject, 'secondary', describedBy)}`,
    );
  const link =
    detailHref &&
    markup`<p><a href="${detailHref}" data-action="details"${describedBy}>${t.details}</a></p>`;
  const rows = definitions([
    [t.from, nameOf(mock, any.requester)],
    [t.madeBy, nameOf(mock, any.serviceOwner)],
    [t.via, any.api === 'altinn2' ? 'Altinn 2' : 'Altinn 3'],
    [t.status, statuses[any.status as keyof PageTexts['statuses']]],
  ]);
  return markup`<li class="right" data-request-id="${any.id}" data-api="${any.api}" data-status="${any.status}"><h2 id="${headingId}">${any.title}</h2>${rows}${any.message && markup`<p class="message">${any.message}</p>`}${form}${link}</li>`;
}
