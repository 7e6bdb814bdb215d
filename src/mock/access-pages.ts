import { ALTINN2_SEND_PAGE_PATH, isAltinn2Pending, moveDelegationRequest } from './altinn2-api.js';
import { DRAFT_PAGE_PATH, moveAccessRequest } from './altinn3-api.js';
import { none } from './auth.js';
import { escapeHtml, queryValues, readForm, redirect } from './http.js';
import { isGuid } from './ids.js';
import { layout, notFoundPage, page } from './page-layout.js';
import { ORGANIZATION_URN_PREFIX } from './registry.js';
import { appendDelegationRequestOutcome } from './return-url.js';
import { route, type Route, type RouteContext, type RouteTable } from './routes.js';
import type { MockState } from './state.js';

const RECEIVED_PAGE_PATH = '/accessmanagement/ui/requests/received';
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

/** A page shows itself on GET and takes its form on POST. */
const pageRoutes = (path: string, handle: Route['handle']): Route[] =>
  (['GET', 'POST'] as const).map((method) => route(method, path, none, handle));

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
  return mock.services.get(code, edition)?.title[lang] ?? code;
}

function accessRequestTitle(mock: MockState, request: MockAccessRequest, lang: PageLanguage) {
  if (request.resource) {
    const id = request.resource.referenceId;
    return mock.resources.get(id)?.title?.[lang] ?? id;
  }
  const urn = request.package?.referenceId ?? '';
  return mock.packages.find(urn)?.name[lang] ?? urn;
}

function definitions(rows: [term: string, value: string][]): string {
  const items = rows.map(
    ([term, value]) => `<div><dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd></div>`,
  );
  return `<dl>${items.join('')}</dl>`;
}

function banner(text: string, role: 'alert' | 'status', data: string, kind = 'banner'): string {
  return `<div class="${kind}" role="${role}" ${data}>${escapeHtml(text)}</div>`;
}

/** The card of a page: its attributes, the heading, what follows. */
function card(attributes: string, title: string, body: string): string {
  return `<article class="card" aria-labelledby="heading"${attributes}>
<h1 id="heading">${escapeHtml(title)}</h1>
${body}
</article>`;
}

/** A titled list of what is asked. */
function requestList(heading: string, items: string[]): string {
  return `<section aria-labelledby="list-heading"><h2 id="list-heading">${escapeHtml(heading)}</h2>
<ul class="rights">${items.join('')}</ul></section>`;
}

// Altinn 2: the send page and its receipt

async function sendPage(request: Request, { mock, url, params }: RouteContext): Promise<Response> {
  const lang = pageLanguage(request, url);
  const guid = params.guid ?? '';
  const found = isGuid(guid) ? mock.delegationRequests.get(guid) : undefined;
  if (!found) return notFoundPage(lang, 'accessNotFound', false);
  const pageHref: LanguageHref = (code) => `${ALTINN2_SEND_PAGE_PATH}/${found.guid}?lang=${code}`;
  if (request.method === 'GET') return page(200, renderSendPage(mock, found, lang, pageHref));

  const form = await readForm(request);
  if (!moveDelegationRequest(found, 'send', mock.nowMicros())) {
    return page(409, renderSendPage(mock, found, lang, pageHref, true));
  }
  const managers = mock.accessManagers.of(found.offeredBy).map((manager) => manager.email);
  const message = (form.get('message') ?? '').trim();
  // The user's message replaces the service owner's.
  found.requestMessage = message === '' ? null : message;
  found.notifiedAccessManagers = [...new Set(form.getAll('recipients'))].filter((email) =>
    managers.includes(email),
  );
  return redirect(pageHref(lang), 303);
}

function renderSendPage(
  mock: MockState,
  request: MockDelegationRequest,
  lang: PageLanguage,
  pageHref: LanguageHref,
  cannotSend = false,
): string {
  const texts = TEXTS[lang];
  const t = texts.send;
  const org = nameOf(mock, request.offeredBy);
  const managers = mock.accessManagers.of(request.offeredBy);
  const services = requestList(
    t.servicesHeading,
    request.requestResources.map(({ serviceCode: code, serviceEditionCode: edition }) => {
      const codeText = fill(t.serviceCode, { code, edition: String(edition) });
      return `<li class="right" data-service-code="${escapeHtml(code)}" data-service-edition="${edition}"><h3>${escapeHtml(serviceTitle(mock, code, edition, lang))}</h3><p>${escapeHtml(codeText)}</p></li>`;
    }),
  );
  const status = request.requestStatus;
  if (status === 'Created') {
    const choices = managers.map(
      (manager, index) =>
        `<label class="choice" for="recipient-${index}"><input type="checkbox" id="recipient-${index}" name="recipients" value="${escapeHtml(manager.email)}">${escapeHtml(`${manager.name} (${manager.email})`)}</label>`,
    );
    const serviceOwner = nameOf(mock, request.serviceOwner);
    const content = card(
      ' data-status="Created"',
      t.title,
      `<p class="intro">${escapeHtml(fill(t.intro, { org }))}</p>
<p>${escapeHtml(fill(t.madeBy, { serviceOwner }))}</p>
${services}
<form method="post" action="${escapeHtml(pageHref(lang))}">
<label for="message">${escapeHtml(t.messageLabel)}</label>
<p id="message-hint">${escapeHtml(t.messageHint)}</p>
<textarea id="message" name="message" aria-describedby="message-hint" maxlength="1000">${escapeHtml(request.requestMessage ?? '')}</textarea>
<fieldset><legend>${escapeHtml(t.recipientsLegend)}</legend>${choices.join('')}</fieldset>
<div class="actions"><button type="submit" class="primary" data-action="send">${escapeHtml(t.send)}</button></div>
</form>`,
    );
    return layout(lang, pageHref, t.documentTitle, content);
  }
  const notified = request.notifiedAccessManagers.map(
    (email) => managers.find((manager) => manager.email === email)?.name ?? email,
  );
  const notifiedText = fill(t.notified, { names: joinNames(notified, texts) });
  const receipt =
    status === 'Unopened'
      ? `<div class="receipt" role="status"><p>${escapeHtml(fill(t.sent, { org }))}</p>${notified.length > 0 ? `<p>${escapeHtml(notifiedText)}</p>` : ''}</div>`
      : banner(t.states[status], 'status', `data-state="${escapeHtml(status)}"`);
  const back = appendDelegationRequestOutcome(request.redirectUrl, request.guid);
  const content = card(
    ` data-status="${escapeHtml(status)}"`,
    status === 'Unopened' ? t.sentTitle : t.stateTitle,
    `${cannotSend ? banner(t.cannotSend, 'alert', 'data-notice="cannotSend"') : ''}
${receipt}
${services}
<div class="actions"><a class="button primary" data-action="continue" href="${escapeHtml(back)}">${escapeHtml(t.continue)}</a></div>`,
  );
  return layout(lang, pageHref, t.documentTitle, content);
}

// Altinn 3: the draft page (`detailsLink`) and its receipt

type DraftNotice = keyof PageTexts['draft']['notices'];

async function draftPage(request: Request, { mock, url }: RouteContext): Promise<Response> {
  const lang = pageLanguage(request, url);
  const ids = [
    ...new Set(queryValues(url.searchParams, 'requestId').map((id) => id.toLowerCase())),
  ];
  const requests = ids
    .map((id) => (isGuid(id) ? mock.accessRequests.get(id) : undefined))
    .filter((found): found is MockAccessRequest => found !== undefined);
  if (!ids.some((id) => id !== '')) return notFoundPage(lang, 'accessNotFound', true);
  if (requests.length === 0) return notFoundPage(lang, 'accessNotFound', false);
  const pageHref: LanguageHref = (code) => {
    const query = new URLSearchParams(requests.map((found) => ['requestId', found.id]));
    return `${DRAFT_PAGE_PATH}?${query.toString()}&lang=${code}`;
  };
  const show = (status: number, notice?: DraftNotice): Response =>
    page(status, renderDraftPage(mock, requests, lang, pageHref, notice));
  if (request.method === 'GET') return show(200);

  const action = (await readForm(request)).get('action');
  if (action !== 'confirm' && action !== 'decline') return show(400, 'noAction');
  const drafts = requests.filter((found) => found.status === 'Draft');
  if (drafts.length === 0) return show(409, 'notDraft');
  for (const draft of drafts) moveAccessRequest(draft, action, mock.nowMicros());
  return redirect(pageHref(lang), 303);
}

function renderDraftPage(
  mock: MockState,
  requests: MockAccessRequest[],
  lang: PageLanguage,
  pageHref: LanguageHref,
  notice?: DraftNotice,
): string {
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
      return `<li class="right" data-request-id="${escapeHtml(request.id)}" data-status="${escapeHtml(request.status)}"><h3>${escapeHtml(accessRequestTitle(mock, request, lang))}</h3>${rows}</li>`;
    }),
  );
  const warning = notice ? banner(t.notices[notice], 'alert', `data-notice="${notice}"`) : '';
  const all = (status: string) => requests.every((request) => request.status === status);
  const content = requests.some((request) => request.status === 'Draft')
    ? card(
        ' data-status="Draft"',
        t.title,
        `${warning}
<p class="intro">${escapeHtml(fill(t.intro, { serviceOwner: names('by') }))}</p>
${list}
<form method="post" action="${escapeHtml(pageHref(lang))}" class="actions">
<button type="submit" name="action" value="confirm" data-action="confirm" class="primary">${escapeHtml(t.confirm)}</button>
<button type="submit" name="action" value="decline" data-action="decline" class="secondary">${escapeHtml(t.decline)}</button>
</form>`,
      )
    : (() => {
        const [title, text, outcome] = all('Pending')
          ? [t.sentTitle, fill(t.sent, { orgs: names('to') }), 'sent']
          : all('Withdrawn')
            ? [t.declinedTitle, t.declined, 'declined']
            : [t.doneTitle, '', 'answered'];
        return card(
          ` data-outcome="${outcome}"`,
          title,
          `${warning}
<div class="receipt" role="status">${text ? `<p>${escapeHtml(text)}</p>` : ''}<p data-close-hint>${escapeHtml(t.close)}</p></div>
${list}`,
        );
      })();
  return layout(lang, pageHref, t.documentTitle, content);
}

// The access manager's received requests, of either API (the two share no ids: both are random UUIDs)

type AnyAccessRequest =
  | { api: 'altinn2'; request: MockDelegationRequest; id: string; status: string }
  | { api: 'altinn3'; request: MockAccessRequest; id: string; status: string };

function altinn2(request: MockDelegationRequest): AnyAccessRequest {
  return { api: 'altinn2', request, id: request.guid, status: request.requestStatus };
}

function altinn3(request: MockAccessRequest): AnyAccessRequest {
  return { api: 'altinn3', request, id: request.id, status: request.status };
}

/** An access request of the organisation asked, by id. */
function findReceived(mock: MockState, org: string, id: string): AnyAccessRequest | undefined {
  const a2 = mock.delegationRequests.get(id);
  const a3 = mock.accessRequests.get(id);
  const found = a2 ? altinn2(a2) : a3 && altinn3(a3);
  return found && askedOrganization(found) === org ? found : undefined;
}

function askedOrganization(any: AnyAccessRequest): string {
  if (any.api === 'altinn2') return any.request.offeredBy;
  const to = any.request.to;
  return to.startsWith(ORGANIZATION_URN_PREFIX) ? to.slice(ORGANIZATION_URN_PREFIX.length) : '';
}

function isPending(any: AnyAccessRequest): boolean {
  return any.api === 'altinn2' ? isAltinn2Pending(any.request) : any.request.status === 'Pending';
}

/**
 * The access manager approves or rejects: Altinn 2 from Unopened or Opened (approved is spelled as
 * the option says), Altinn 3 from Pending. `false` when the request does not wait for an answer.
 */
function decide(mock: MockState, any: AnyAccessRequest, decision: 'approve' | 'reject'): boolean {
  const now = mock.nowMicros();
  if (any.api === 'altinn3') return moveAccessRequest(any.request, decision, now);
  const status = decision === 'approve' ? mock.altinn2ApprovedStatus : 'Rejected';
  return moveDelegationRequest(any.request, status, now);
}

type ReceivedNotice = keyof PageTexts['received']['notices'];
const NOTICES_AFTER_REDIRECT: readonly string[] = ['approved', 'rejected'];

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
      return `<li><a href="${escapeHtml(href(lang, { org: party.number }))}">${escapeHtml(label)}</a></li>`;
    });
    const content = card(
      '',
      t.chooseTitle,
      `<p>${escapeHtml(t.chooseIntro)}</p>\n<ul>${choices.join('')}</ul>`,
    );
    return page(orgNumber === '' ? 200 : 404, layout(lang, href, t.documentTitle, content));
  }
  const orgHref = (code: PageLanguage, query: Record<string, string> = {}): string =>
    href(code, { org: org.number, ...query });

  const show = (status: number, detail?: AnyAccessRequest, notice?: ReceivedNotice): Response => {
    const notices = !notice
      ? ''
      : NOTICES_AFTER_REDIRECT.includes(notice)
        ? banner(t.notices[notice], 'status', `data-notice="${notice}"`, 'receipt')
        : banner(t.notices[notice], 'alert', `data-notice="${notice}"`);
    const listHref = orgHref(lang);
    const pending = [
      ...[...mock.delegationRequests.requests.values()].map(altinn2),
      ...[...mock.accessRequests.requests.values()].map(altinn3),
    ].filter((any) => askedOrganization(any) === org.number && isPending(any));
    const body = detail
      ? `${notices}
<ul class="rights">${receivedItem(mock, detail, lang, listHref)}</ul>
<p><a href="${escapeHtml(listHref)}">${escapeHtml(t.back)}</a></p>`
      : `<p>${escapeHtml(t.noLogin)}</p>
${notices}
${
  pending.length === 0
    ? `<p data-empty>${escapeHtml(t.empty)}</p>`
    : `<ul class="rights">${pending.map((any) => receivedItem(mock, any, lang, listHref, orgHref(lang, { requestId: any.id }))).join('')}</ul>`
}`;
    const content = card(
      ` data-org="${escapeHtml(org.number)}"`,
      fill(t.title, { org: org.name }),
      body,
    );
    const pageHref: LanguageHref = (code) => orgHref(code, detail ? { requestId: detail.id } : {});
    return page(status, layout(lang, pageHref, t.documentTitle, content));
  };

  if (request.method === 'GET') {
    const requestId = queryValues(url.searchParams, 'requestId')[0];
    if (requestId === undefined) {
      const notice = url.searchParams.get('notice') ?? '';
      return show(
        200,
        undefined,
        NOTICES_AFTER_REDIRECT.includes(notice) ? (notice as ReceivedNotice) : undefined,
      );
    }
    const detail = findReceived(mock, org.number, requestId);
    if (!detail) return show(404, undefined, 'notFound');
    // An access manager who opens an Altinn 2 request moves it from Unopened to Opened.
    if (detail.api === 'altinn2') moveDelegationRequest(detail.request, 'open', mock.nowMicros());
    return show(200, detail.api === 'altinn2' ? altinn2(detail.request) : detail);
  }
  const form = await readForm(request);
  const received = findReceived(mock, org.number, form.get('requestId') ?? '');
  if (!received) return show(404, undefined, 'notFound');
  const action = form.get('action');
  if (action !== 'approve' && action !== 'reject') return show(400, received, 'noAction');
  if (!decide(mock, received, action)) return show(409, received, 'notPending');
  return redirect(orgHref(lang, { notice: action === 'approve' ? 'approved' : 'rejected' }), 303);
}

/** One request on the access manager's page; `detailHref` links to it alone (absent when alone). */
function receivedItem(
  mock: MockState,
  any: AnyAccessRequest,
  lang: PageLanguage,
  listHref: string,
  detailHref?: string,
): string {
  const { received: t, statuses } = TEXTS[lang];
  const headingId = `request-${any.id}`;
  const [title, requester, serviceOwner, message] =
    any.api === 'altinn2'
      ? [
          any.request.requestResources
            .map((s) => serviceTitle(mock, s.serviceCode, s.serviceEditionCode, lang))
            .join(', '),
          any.request.coveredBy,
          any.request.serviceOwner,
          any.request.requestMessage,
        ]
      : [accessRequestTitle(mock, any.request, lang), any.request.from, any.request.by, null];
  const describedBy = `aria-describedby="${headingId}"`;
  const form = isPending(any)
    ? `<form method="post" action="${escapeHtml(listHref)}" class="actions">
<input type="hidden" name="requestId" value="${escapeHtml(any.id)}">
<button type="submit" name="action" value="approve" data-action="approve" class="primary" ${describedBy}>${escapeHtml(t.approve)}</button>
<button type="submit" name="action" value="reject" data-action="reject" class="secondary" ${describedBy}>${escapeHtml(t.reject)}</button>
</form>`
    : '';
  const link = detailHref
    ? `<p><a href="${escapeHtml(detailHref)}" data-action="details" ${describedBy}>${escapeHtml(t.details)}</a></p>`
    : '';
  const rows = definitions([
    [t.from, nameOf(mock, requester)],
    [t.madeBy, nameOf(mock, serviceOwner)],
    [t.via, any.api === 'altinn2' ? 'Altinn 2' : 'Altinn 3'],
    [t.status, statuses[any.status as keyof PageTexts['statuses']]],
  ]);
  return `<li class="right" data-request-id="${escapeHtml(any.id)}" data-api="${any.api}" data-status="${escapeHtml(any.status)}"><h2 id="${headingId}">${escapeHtml(title)}</h2>${rows}${message ? `<p class="message">${escapeHtml(message)}</p>` : ''}${form}${link}</li>`;
}
