import {
  ALTINN2_SEND_PAGE_PATH,
  DRAFT_PAGE_PATH,
  RECEIVED_PAGE_PATH,
  isAltinn2Pending,
  moveAccessRequest,
  moveDelegationRequest,
} from './access-store.js';
import { none } from './auth.js';
import { escapeHtml, queryValues, readForm, redirect } from './http.js';
import { isGuid } from './ids.js';
import { layout, notFoundPage, page } from './page-layout.js';
import { ORGANIZATION_URN_PREFIX } from './registry.js';
import { appendDelegationRequestOutcome } from './return-url.js';
import { route, type RouteContext, type RouteTable } from './routes.js';
import type { MockState } from './state.js';
import { TEXTS, fill, joinNames, pageLanguage, type PageTexts } from './texts/index.js';
import type {
  MockAccessRequest,
  MockAccessRequestStatus,
  MockDelegationRequest,
  PageLanguage,
} from './types.js';

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

export const accessPageRoutes: RouteTable = {
  base: '',
  routes: [
    route('GET', `${ALTINN2_SEND_PAGE_PATH}/{guid}`, none, sendPage),
    route('POST', `${ALTINN2_SEND_PAGE_PATH}/{guid}`, none, sendPage),
    route('GET', DRAFT_PAGE_PATH, none, draftPage),
    route('POST', DRAFT_PAGE_PATH, none, draftPage),
    route('GET', RECEIVED_PAGE_PATH, none, receivedPage),
    route('POST', RECEIVED_PAGE_PATH, none, receivedPage),
  ],
};

/** An access request of either API, as the access manager sees them. */
type AnyAccessRequest =
  | { api: 'altinn2'; request: MockDelegationRequest }
  | { api: 'altinn3'; request: MockAccessRequest };

/** Finds an access request of either API by id (the two share no ids: both are random UUIDs). */
function findAccessRequest(mock: MockState, id: string): AnyAccessRequest | undefined {
  const altinn2 = mock.delegationRequests.get(id);
  if (altinn2) return { api: 'altinn2', request: altinn2 };
  const altinn3 = mock.accessRequests.get(id);
  return altinn3 ? { api: 'altinn3', request: altinn3 } : undefined;
}

function idOf(any: AnyAccessRequest): string {
  return any.api === 'altinn2' ? any.request.guid : any.request.id;
}

/**
 * The access manager approves or rejects: Altinn 2 from Unopened or Opened (approved is spelled as
 * the option says), Altinn 3 from Pending. `false` when the request does not wait for an answer.
 */
function decideAccessRequest(
  mock: MockState,
  any: AnyAccessRequest,
  decision: 'approve' | 'reject',
): boolean {
  const now = mock.nowMicros();
  if (any.api === 'altinn3') return moveAccessRequest(any.request, decision, now);
  const status = decision === 'approve' ? mock.altinn2ApprovedStatus : 'Rejected';
  return moveDelegationRequest(any.request, status, now);
}

function nameOf(mock: MockState, numberOrUrn: string): string {
  return numberOrUrn.startsWith('urn:')
    ? mock.parties.orSynthetic(numberOrUrn).name
    : (mock.parties.byNumber(numberOrUrn)?.name ?? numberOrUrn);
}

function serviceTitles(mock: MockState, request: MockDelegationRequest, lang: PageLanguage) {
  return request.requestResources.map((resource) => ({
    title:
      mock.services.get(resource.serviceCode, resource.serviceEditionCode)?.title[lang] ??
      resource.serviceCode,
    code: resource.serviceCode,
    edition: resource.serviceEditionCode,
  }));
}

function accessRequestTitle(
  mock: MockState,
  request: MockAccessRequest,
  lang: PageLanguage,
): string {
  if (request.resource) {
    const id = request.resource.referenceId;
    return mock.resources.get(id)?.title?.[lang] ?? id;
  }
  const urn = request.package?.referenceId ?? '';
  return mock.packages.find(urn)?.name[lang] ?? urn;
}

function definitions(rows: [term: string, value: string][]): string {
  return `<dl>${rows
    .map(([term, value]) => `<div><dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd></div>`)
    .join('')}</dl>`;
}

function banner(text: string, role: 'alert' | 'status', data: string, kind = 'banner'): string {
  return `<div class="${kind}" role="${role}" ${data}>${escapeHtml(text)}</div>`;
}

// ---------------------------------------------------------------------------------------------
// Altinn 2: the send page and its receipt

async function sendPage(request: Request, { mock, url, params }: RouteContext): Promise<Response> {
  const lang = pageLanguage(request, url);
  const guid = params.guid ?? '';
  const found = isGuid(guid) ? mock.delegationRequests.get(guid) : undefined;
  if (!found) return notFoundPage(lang, 'accessNotFound', false);
  const pageHref = (code: PageLanguage): string =>
    `${ALTINN2_SEND_PAGE_PATH}/${found.guid}?lang=${code}`;
  if (request.method === 'GET') return page(200, renderSendPage(mock, found, lang, pageHref));

  const form = await readForm(request);
  if (found.requestStatus !== 'Created') {
    return page(409, renderSendPage(mock, found, lang, pageHref, true));
  }
  const managers = mock.accessManagers.of(found.offeredBy).map((manager) => manager.email);
  const recipients = [...new Set(form.getAll('recipients'))].filter((email) =>
    managers.includes(email),
  );
  const message = (form.get('message') ?? '').trim();
  moveDelegationRequest(found, 'send', mock.nowMicros());
  // The user's message replaces the service owner's.
  found.requestMessage = message === '' ? null : message;
  found.notifiedAccessManagers = recipients;
  return redirect(pageHref(lang), 303);
}

function renderSendPage(
  mock: MockState,
  request: MockDelegationRequest,
  lang: PageLanguage,
  pageHref: (lang: PageLanguage) => string,
  cannotSend = false,
): string {
  const texts = TEXTS[lang];
  const t = texts.send;
  const org = nameOf(mock, request.offeredBy);
  const managers = mock.accessManagers.of(request.offeredBy);
  const services = `<section aria-labelledby="services-heading"><h2 id="services-heading">${escapeHtml(t.servicesHeading)}</h2>
<ul class="rights">${serviceTitles(mock, request, lang)
    .map(
      (service) =>
        `<li class="right" data-service-code="${escapeHtml(service.code)}" data-service-edition="${service.edition}"><h3>${escapeHtml(service.title)}</h3><p>${escapeHtml(fill(t.serviceCode, { code: service.code, edition: String(service.edition) }))}</p></li>`,
    )
    .join('')}</ul></section>`;

  let content: string;
  if (request.requestStatus === 'Created') {
    const choices = managers
      .map(
        (manager, index) =>
          `<label class="choice" for="recipient-${index}"><input type="checkbox" id="recipient-${index}" name="recipients" value="${escapeHtml(manager.email)}">${escapeHtml(`${manager.name} (${manager.email})`)}</label>`,
      )
      .join('');
    content = `<article class="card" aria-labelledby="heading" data-status="Created">
<h1 id="heading">${escapeHtml(t.title)}</h1>
<p class="intro">${escapeHtml(fill(t.intro, { org }))}</p>
<p>${escapeHtml(fill(t.madeBy, { serviceOwner: nameOf(mock, request.serviceOwner) }))}</p>
${services}
<form method="post" action="${escapeHtml(pageHref(lang))}">
<label for="message">${escapeHtml(t.messageLabel)}</label>
<p id="message-hint">${escapeHtml(t.messageHint)}</p>
<textarea id="message" name="message" aria-describedby="message-hint" maxlength="1000">${escapeHtml(request.requestMessage ?? '')}</textarea>
<fieldset><legend>${escapeHtml(t.recipientsLegend)}</legend>${choices}</fieldset>
<div class="actions"><button type="submit" class="primary" data-action="send">${escapeHtml(t.send)}</button></div>
</form>
</article>`;
  } else {
    const status = request.requestStatus;
    const notified = request.notifiedAccessManagers.map(
      (email) => managers.find((manager) => manager.email === email)?.name ?? email,
    );
    const receipt =
      status === 'Unopened'
        ? `<div class="receipt" role="status"><p>${escapeHtml(fill(t.sent, { org }))}</p>${
            notified.length > 0
              ? `<p>${escapeHtml(fill(t.notified, { names: joinNames(notified, texts) }))}</p>`
              : ''
          }</div>`
        : banner(t.states[status], 'status', `data-state="${escapeHtml(status)}"`);
    content = `<article class="card" aria-labelledby="heading" data-status="${escapeHtml(status)}">
<h1 id="heading">${escapeHtml(status === 'Unopened' ? t.sentTitle : t.stateTitle)}</h1>
${cannotSend ? banner(t.cannotSend, 'alert', 'data-notice="cannotSend"') : ''}
${receipt}
${services}
<div class="actions"><a class="button primary" data-action="continue" href="${escapeHtml(appendDelegationRequestOutcome(request.redirectUrl, request.guid))}">${escapeHtml(t.continue)}</a></div>
</article>`;
  }
  return layout(lang, pageHref, t.documentTitle, content);
}

// ---------------------------------------------------------------------------------------------
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
  const pageHref = (code: PageLanguage): string => {
    const query = new URLSearchParams(requests.map((found) => ['requestId', found.id]));
    query.set('lang', code);
    return `${DRAFT_PAGE_PATH}?${query.toString()}`;
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
  pageHref: (lang: PageLanguage) => string,
  notice?: DraftNotice,
): string {
  const texts = TEXTS[lang];
  const t = texts.draft;
  const names = (pick: (request: MockAccessRequest) => string): string =>
    joinNames([...new Set(requests.map((request) => nameOf(mock, pick(request))))], texts);
  const list = `<section aria-labelledby="requests-heading"><h2 id="requests-heading">${escapeHtml(t.requestsHeading)}</h2>
<ul class="rights">${requests
    .map(
      (request) =>
        `<li class="right" data-request-id="${escapeHtml(request.id)}" data-status="${escapeHtml(request.status)}"><h3>${escapeHtml(accessRequestTitle(mock, request, lang))}</h3>${definitions(
          [
            [t.at, nameOf(mock, request.to)],
            [t.for, nameOf(mock, request.from)],
            [t.status, texts.statuses[request.status]],
          ],
        )}</li>`,
    )
    .join('')}</ul></section>`;
  const warning = notice ? banner(t.notices[notice], 'alert', `data-notice="${notice}"`) : '';

  let content: string;
  if (requests.some((request) => request.status === 'Draft')) {
    content = `<article class="card" aria-labelledby="heading" data-status="Draft">
<h1 id="heading">${escapeHtml(t.title)}</h1>
${warning}
<p class="intro">${escapeHtml(fill(t.intro, { serviceOwner: names((request) => request.by) }))}</p>
${list}
<form method="post" action="${escapeHtml(pageHref(lang))}" class="actions">
<button type="submit" name="action" value="confirm" data-action="confirm" class="primary">${escapeHtml(t.confirm)}</button>
<button type="submit" name="action" value="decline" data-action="decline" class="secondary">${escapeHtml(t.decline)}</button>
</form>
</article>`;
  } else {
    const all = (status: MockAccessRequestStatus): boolean =>
      requests.every((request) => request.status === status);
    const [title, text, outcome] = all('Pending')
      ? [t.sentTitle, fill(t.sent, { orgs: names((request) => request.to) }), 'sent']
      : all('Withdrawn')
        ? [t.declinedTitle, t.declined, 'declined']
        : [t.doneTitle, '', 'answered'];
    content = `<article class="card" aria-labelledby="heading" data-outcome="${outcome}">
<h1 id="heading">${escapeHtml(title)}</h1>
${warning}
<div class="receipt" role="status">${text ? `<p>${escapeHtml(text)}</p>` : ''}<p data-close-hint>${escapeHtml(t.close)}</p></div>
${list}
</article>`;
  }
  return layout(lang, pageHref, t.documentTitle, content);
}

// ---------------------------------------------------------------------------------------------
// The access manager's received requests

type ReceivedNotice = keyof PageTexts['received']['notices'];
const NOTICES_AFTER_REDIRECT: readonly string[] = ['approved', 'rejected'];

function askedOrganization(any: AnyAccessRequest): string {
  if (any.api === 'altinn2') return any.request.offeredBy;
  const to = any.request.to;
  return to.startsWith(ORGANIZATION_URN_PREFIX) ? to.slice(ORGANIZATION_URN_PREFIX.length) : '';
}

function isPending(any: AnyAccessRequest): boolean {
  return any.api === 'altinn2' ? isAltinn2Pending(any.request) : any.request.status === 'Pending';
}

async function receivedPage(request: Request, { mock, url }: RouteContext): Promise<Response> {
  const lang = pageLanguage(request, url);
  const orgNumber = queryValues(url.searchParams, 'org')[0] ?? '';
  const org = mock.parties.organization(orgNumber);
  const href = (code: PageLanguage, extra: Record<string, string> = {}): string =>
    `${RECEIVED_PAGE_PATH}?${new URLSearchParams({ ...(org ? { org: orgNumber } : {}), ...extra, lang: code }).toString()}`;
  const t = TEXTS[lang].received;

  if (!org) {
    const choices = mock.parties
      .allOrganizations()
      .map(
        (party) =>
          `<li><a href="${escapeHtml(`${RECEIVED_PAGE_PATH}?${new URLSearchParams({ org: party.number, lang }).toString()}`)}">${escapeHtml(`${party.name} (${party.number})`)}</a></li>`,
      )
      .join('');
    const content = `<article class="card" aria-labelledby="heading">
<h1 id="heading">${escapeHtml(t.chooseTitle)}</h1>
<p>${escapeHtml(t.chooseIntro)}</p>
<ul>${choices}</ul>
</article>`;
    return page(
      orgNumber === '' ? 200 : 404,
      layout(lang, (code) => href(code), t.documentTitle, content),
    );
  }

  const ofOrg = (any: AnyAccessRequest | undefined): AnyAccessRequest | undefined =>
    any && askedOrganization(any) === org.number ? any : undefined;
  const show = (status: number, detail?: AnyAccessRequest, notice?: ReceivedNotice): Response => {
    const notices = notice
      ? NOTICES_AFTER_REDIRECT.includes(notice)
        ? banner(t.notices[notice], 'status', `data-notice="${notice}"`, 'receipt')
        : banner(t.notices[notice], 'alert', `data-notice="${notice}"`)
      : '';
    const heading = `<article class="card" aria-labelledby="heading" data-org="${escapeHtml(org.number)}">
<h1 id="heading">${escapeHtml(fill(t.title, { org: org.name }))}</h1>`;
    let content: string;
    if (detail) {
      content = `${heading}
${notices}
<ul class="rights">${receivedItem(mock, detail, lang, href(lang), undefined)}</ul>
<p><a href="${escapeHtml(href(lang))}">${escapeHtml(t.back)}</a></p>
</article>`;
    } else {
      const pending: AnyAccessRequest[] = [
        ...[...mock.delegationRequests.requests.values()].map((found): AnyAccessRequest => ({
          api: 'altinn2',
          request: found,
        })),
        ...[...mock.accessRequests.requests.values()].map((found): AnyAccessRequest => ({
          api: 'altinn3',
          request: found,
        })),
      ].filter((any) => ofOrg(any) && isPending(any));
      content = `${heading}
<p>${escapeHtml(t.noLogin)}</p>
${notices}
${
  pending.length === 0
    ? `<p data-empty>${escapeHtml(t.empty)}</p>`
    : `<ul class="rights">${pending.map((any) => receivedItem(mock, any, lang, href(lang), href(lang, { requestId: idOf(any) }))).join('')}</ul>`
}
</article>`;
    }
    const pageHref = (code: PageLanguage): string =>
      href(code, detail ? { requestId: idOf(detail) } : {});
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
    const detail = ofOrg(findAccessRequest(mock, requestId));
    if (!detail) return show(404, undefined, 'notFound');
    // An access manager who opens an Altinn 2 request moves it from Unopened to Opened.
    if (detail.api === 'altinn2') moveDelegationRequest(detail.request, 'open', mock.nowMicros());
    return show(200, detail);
  }

  const form = await readForm(request);
  const received = ofOrg(findAccessRequest(mock, form.get('requestId') ?? ''));
  if (!received) return show(404, undefined, 'notFound');
  const action = form.get('action');
  if (action !== 'approve' && action !== 'reject') return show(400, received, 'noAction');
  if (!decideAccessRequest(mock, received, action)) return show(409, received, 'notPending');
  return redirect(href(lang, { notice: action === 'approve' ? 'approved' : 'rejected' }), 303);
}

/** One request on the access manager's page; `detailHref` links to it alone (absent when alone). */
function receivedItem(
  mock: MockState,
  any: AnyAccessRequest,
  lang: PageLanguage,
  listHref: string,
  detailHref: string | undefined,
): string {
  const texts = TEXTS[lang];
  const t = texts.received;
  const id = idOf(any);
  const status = any.api === 'altinn2' ? any.request.requestStatus : any.request.status;
  const headingId = `request-${id}`;
  const [title, requester, serviceOwner, message] =
    any.api === 'altinn2'
      ? [
          serviceTitles(mock, any.request, lang)
            .map((service) => service.title)
            .join(', '),
          any.request.coveredBy,
          any.request.serviceOwner,
          any.request.requestMessage,
        ]
      : [accessRequestTitle(mock, any.request, lang), any.request.from, any.request.by, null];
  const form = isPending(any)
    ? `<form method="post" action="${escapeHtml(listHref)}" class="actions">
<input type="hidden" name="requestId" value="${escapeHtml(id)}">
<button type="submit" name="action" value="approve" data-action="approve" class="primary" aria-describedby="${headingId}">${escapeHtml(t.approve)}</button>
<button type="submit" name="action" value="reject" data-action="reject" class="secondary" aria-describedby="${headingId}">${escapeHtml(t.reject)}</button>
</form>`
    : '';
  const link = detailHref
    ? `<p><a href="${escapeHtml(detailHref)}" data-action="details" aria-describedby="${headingId}">${escapeHtml(t.details)}</a></p>`
    : '';
  return `<li class="right" data-request-id="${escapeHtml(id)}" data-api="${any.api}" data-status="${escapeHtml(status)}"><h2 id="${headingId}">${escapeHtml(title)}</h2>${definitions(
    [
      [t.from, nameOf(mock, requester)],
      [t.madeBy, nameOf(mock, serviceOwner)],
      [t.via, any.api === 'altinn2' ? 'Altinn 2' : 'Altinn 3'],
      [t.status, texts.statuses[status]],
    ],
  )}${message ? `<p class="message">${escapeHtml(message)}</p>` : ''}${form}${link}</li>`;
}
