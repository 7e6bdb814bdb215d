import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  renderAccessNotFoundPage,
  renderDraftPage,
  renderReceivedPage,
  renderSendPage,
  type DraftPageItem,
  type DraftPageNotice,
  type ReceivedItem,
  type ReceivedPageNotice,
  type SendPageNotice,
} from './access-pages.js';
import {
  ALTINN2_SEND_PAGE_PATH,
  DRAFT_PAGE_PATH,
  RECEIVED_PAGE_PATH,
  decideDelegationRequest,
  isAltinn2Pending,
  moveAccessRequest,
  openDelegationRequest,
  partyOrSynthetic,
  sendDelegationRequest,
  type AccessRequestStore,
  type DelegationRequestStore,
} from './access-store.js';
import { BodyTooLargeError, readBody, redirect, sendEmpty, sendHtml } from './http.js';
import { PAGE_HEADERS, pageLanguage } from './page-layout.js';
import {
  ORGANIZATION_URN_PREFIX,
  type AccessManagerRegistry,
  type PackageRegistry,
  type PartyRegistry,
  type ResourceRegistry,
  type ServiceRegistry,
} from './registry.js';
import { appendDelegationRequestOutcome } from './return-url.js';
import type { MockAccessRequest, MockDelegationRequest, PageLanguage } from './types.js';

/**
 * What the user's and the access manager's browsers go through for "Be om tilgang" (no login in
 * the mock; forms post back to the page, which then redirects to itself with 303):
 *
 *   GET|POST /ui/DelegationRequest/send/{guid}              Altinn 2: send (Created → Unopened),
 *                                                           receipt, "Fortsett" to RedirectUrl
 *   GET|POST /accessmanagement/ui/requests/resource?requestId=…[&requestId=…]
 *                                                           Altinn 3: confirm (Draft → Pending) or
 *                                                           decline (→ Withdrawn), receipt
 *   GET|POST /accessmanagement/ui/requests/received?org=…[&requestId=…]
 *                                                           the access manager: approve or reject
 *                                                           (opening an Altinn 2 request: → Opened)
 */

export interface AccessFlowContext {
  delegationRequests: DelegationRequestStore;
  accessRequests: AccessRequestStore;
  parties: PartyRegistry;
  services: ServiceRegistry;
  resources: ResourceRegistry;
  packages: PackageRegistry;
  accessManagers: AccessManagerRegistry;
  altinn2ApprovedStatus: 'Approved' | 'Accepted';
  nowMicros(): number;
}

export const SEND_PAGE_PATTERN = /^\/ui\/delegationrequest\/send\/([^/]+)\/?$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function readForm(
  req: IncomingMessage,
  res: ServerResponse,
): Promise<URLSearchParams | undefined> {
  try {
    return new URLSearchParams(await readBody(req));
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      sendEmpty(res, 413);
      return undefined;
    }
    throw error;
  }
}

/** A register name for a national identity number or an organisation number. */
function nameOfNumber(ctx: AccessFlowContext, number: string): string {
  const party = ctx.parties.find({
    kind: number.length === 11 ? 'person' : 'organization',
    number,
  });
  return party?.name ?? number;
}

function nameOfUrn(ctx: AccessFlowContext, urn: string): string {
  return partyOrSynthetic(ctx.parties, urn).name;
}

function serviceTitles(
  ctx: AccessFlowContext,
  request: MockDelegationRequest,
  lang: PageLanguage,
): { title: string; code: string; edition: number }[] {
  return request.requestResources.map((resource) => ({
    title:
      ctx.services.get(resource.serviceCode, resource.serviceEditionCode)?.title[lang] ??
      resource.serviceCode,
    code: resource.serviceCode,
    edition: resource.serviceEditionCode,
  }));
}

function accessRequestTitle(
  ctx: AccessFlowContext,
  request: MockAccessRequest,
  lang: PageLanguage,
): string {
  if (request.resource) {
    const id = request.resource.referenceId;
    return ctx.resources.get(id)?.title?.[lang] ?? id;
  }
  const urn = request.package?.referenceId ?? '';
  return ctx.packages.byUrn(urn)?.name[lang] ?? urn;
}

// ---------------------------------------------------------------------------------------------
// Altinn 2: the send page

/** `GET|POST /ui/DelegationRequest/send/{guid}?lang=nb|nn|en`. */
export async function handleSendPage(
  ctx: AccessFlowContext,
  req: IncomingMessage,
  res: ServerResponse,
  guid: string,
  query: URLSearchParams,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'POST')
    return sendEmpty(res, 405, { Allow: 'GET, POST' });
  const lang = pageLanguage(query.get('lang'));
  const request = GUID.test(guid) ? ctx.delegationRequests.get(guid) : undefined;
  if (!request) return sendHtml(res, 404, renderAccessNotFoundPage(lang, false), PAGE_HEADERS);
  const pageHref = (code: PageLanguage): string =>
    `${ALTINN2_SEND_PAGE_PATH}/${request.guid}?lang=${code}`;
  if (req.method === 'GET') return showSendPage(ctx, res, 200, request, lang, pageHref);

  const form = await readForm(req, res);
  if (!form) return;
  if (request.requestStatus !== 'Created') {
    return showSendPage(ctx, res, 409, request, lang, pageHref, 'cannotSend');
  }
  const managers = ctx.accessManagers.of(request.offeredBy).map((manager) => manager.email);
  const recipients = [...new Set(form.getAll('recipients'))].filter((email) =>
    managers.includes(email),
  );
  const message = (form.get('message') ?? '').trim();
  sendDelegationRequest(request, message === '' ? null : message, recipients, ctx.nowMicros());
  redirect(res, pageHref(lang), 303);
}

function showSendPage(
  ctx: AccessFlowContext,
  res: ServerResponse,
  status: number,
  request: MockDelegationRequest,
  lang: PageLanguage,
  pageHref: (code: PageLanguage) => string,
  notice?: SendPageNotice,
): void {
  const managers = ctx.accessManagers.of(request.offeredBy);
  const html = renderSendPage({
    lang,
    guid: request.guid,
    status: request.requestStatus,
    pageHref,
    offeredByName: nameOfNumber(ctx, request.offeredBy),
    serviceOwnerName: nameOfNumber(ctx, request.serviceOwner),
    services: serviceTitles(ctx, request, lang),
    requestMessage: request.requestMessage,
    accessManagers: managers,
    notifiedNames: request.notifiedAccessManagers.map(
      (email) => managers.find((manager) => manager.email === email)?.name ?? email,
    ),
    continueHref: appendDelegationRequestOutcome(request.redirectUrl, request.guid),
    ...(notice ? { notice } : {}),
  });
  sendHtml(res, status, html, PAGE_HEADERS);
}

// ---------------------------------------------------------------------------------------------
// Altinn 3: the draft page

/** All values of a query parameter, its name compared case-insensitively (ASP.NET binds so). */
function allValues(query: URLSearchParams, name: string): string[] {
  return [...query]
    .filter(([key]) => key.toLowerCase() === name.toLowerCase())
    .map(([, value]) => value);
}

/** `GET|POST /accessmanagement/ui/requests/resource?requestId=…[&requestId=…]&lang=…`. */
export async function handleDraftPage(
  ctx: AccessFlowContext,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'POST')
    return sendEmpty(res, 405, { Allow: 'GET, POST' });
  const lang = pageLanguage(query.get('lang'));
  const ids = [...new Set(allValues(query, 'requestId').map((id) => id.toLowerCase()))].filter(
    (id) => id !== '',
  );
  if (ids.length === 0) {
    return sendHtml(res, 400, renderAccessNotFoundPage(lang, true), PAGE_HEADERS);
  }
  const requests = ids
    .map((id) => (GUID.test(id) ? ctx.accessRequests.get(id) : undefined))
    .filter((request): request is MockAccessRequest => request !== undefined);
  if (requests.length === 0) {
    return sendHtml(res, 404, renderAccessNotFoundPage(lang, false), PAGE_HEADERS);
  }
  const pageHref = (code: PageLanguage): string => {
    const params = new URLSearchParams(requests.map((request) => ['requestId', request.id]));
    params.set('lang', code);
    return `${DRAFT_PAGE_PATH}?${params.toString()}`;
  };
  if (req.method === 'GET') return showDraftPage(ctx, res, 200, requests, lang, pageHref);

  const form = await readForm(req, res);
  if (!form) return;
  const action = form.get('action');
  if (action !== 'confirm' && action !== 'decline') {
    return showDraftPage(ctx, res, 400, requests, lang, pageHref, 'noAction');
  }
  const drafts = requests.filter((request) => request.status === 'Draft');
  if (drafts.length === 0) {
    return showDraftPage(ctx, res, 409, requests, lang, pageHref, 'notDraft');
  }
  const now = ctx.nowMicros();
  for (const draft of drafts) moveAccessRequest(draft, action, now);
  redirect(res, pageHref(lang), 303);
}

function showDraftPage(
  ctx: AccessFlowContext,
  res: ServerResponse,
  status: number,
  requests: MockAccessRequest[],
  lang: PageLanguage,
  pageHref: (code: PageLanguage) => string,
  notice?: DraftPageNotice,
): void {
  const items: DraftPageItem[] = requests.map((request) => ({
    id: request.id,
    status: request.status,
    title: accessRequestTitle(ctx, request, lang),
    askedName: nameOfUrn(ctx, request.to),
    requesterName: nameOfUrn(ctx, request.from),
    serviceOwnerName: nameOfUrn(ctx, request.by),
  }));
  const html = renderDraftPage({ lang, pageHref, items, ...(notice ? { notice } : {}) });
  sendHtml(res, status, html, PAGE_HEADERS);
}

// ---------------------------------------------------------------------------------------------
// The access manager's page

/** An access request of either API that an organisation's access manager sees. */
export type ReceivedRequest =
  | { api: 'altinn2'; request: MockDelegationRequest }
  | { api: 'altinn3'; request: MockAccessRequest };

/** Finds an access request of either API by id (the two share no ids: both are random UUIDs). */
export function findAccessRequest(
  ctx: Pick<AccessFlowContext, 'delegationRequests' | 'accessRequests'>,
  id: string,
): ReceivedRequest | undefined {
  const altinn2 = ctx.delegationRequests.get(id);
  if (altinn2) return { api: 'altinn2', request: altinn2 };
  const altinn3 = ctx.accessRequests.get(id);
  return altinn3 ? { api: 'altinn3', request: altinn3 } : undefined;
}

function askedOrganization(received: ReceivedRequest): string {
  return received.api === 'altinn2'
    ? received.request.offeredBy
    : received.request.to.startsWith(ORGANIZATION_URN_PREFIX)
      ? received.request.to.slice(ORGANIZATION_URN_PREFIX.length)
      : '';
}

function isPending(received: ReceivedRequest): boolean {
  return received.api === 'altinn2'
    ? isAltinn2Pending(received.request)
    : received.request.status === 'Pending';
}

/**
 * The access manager approves or rejects: Altinn 2 from Unopened or Opened (approved is spelled as
 * the option says), Altinn 3 from Pending. `false` when the request does not wait for an answer.
 */
export function decideAccessRequest(
  ctx: Pick<AccessFlowContext, 'altinn2ApprovedStatus' | 'nowMicros'>,
  received: ReceivedRequest,
  decision: 'approve' | 'reject',
): boolean {
  const now = ctx.nowMicros();
  if (received.api === 'altinn2') {
    return decideDelegationRequest(
      received.request,
      decision === 'approve' ? ctx.altinn2ApprovedStatus : 'Rejected',
      now,
    );
  }
  return moveAccessRequest(received.request, decision, now);
}

function receivedItem(
  ctx: AccessFlowContext,
  received: ReceivedRequest,
  lang: PageLanguage,
): ReceivedItem {
  if (received.api === 'altinn2') {
    const request = received.request;
    return {
      id: request.guid,
      api: 'altinn2',
      status: request.requestStatus,
      title: serviceTitles(ctx, request, lang)
        .map((service) => service.title)
        .join(', '),
      requesterName: nameOfNumber(ctx, request.coveredBy),
      serviceOwnerName: nameOfNumber(ctx, request.serviceOwner),
      message: request.requestMessage,
    };
  }
  const request = received.request;
  return {
    id: request.id,
    api: 'altinn3',
    status: request.status,
    title: accessRequestTitle(ctx, request, lang),
    requesterName: nameOfUrn(ctx, request.from),
    serviceOwnerName: nameOfUrn(ctx, request.by),
    message: null,
  };
}

const NOTICES_AFTER_REDIRECT: readonly ReceivedPageNotice[] = ['approved', 'rejected'];

/** `GET|POST /accessmanagement/ui/requests/received?org=<orgnr>[&requestId=…]&lang=…`. */
export async function handleReceivedPage(
  ctx: AccessFlowContext,
  req: IncomingMessage,
  res: ServerResponse,
  query: URLSearchParams,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'POST')
    return sendEmpty(res, 405, { Allow: 'GET, POST' });
  const lang = pageLanguage(query.get('lang'));
  const orgNumber = allValues(query, 'org')[0] ?? '';
  const org = ctx.parties.organization(orgNumber);
  const listQuery = (code: PageLanguage, extra: Record<string, string> = {}): string =>
    `${RECEIVED_PAGE_PATH}?${new URLSearchParams({ org: orgNumber, ...extra, lang: code }).toString()}`;

  if (!org) {
    const html = renderReceivedPage({
      lang,
      pageHref: (code) => `${RECEIVED_PAGE_PATH}?lang=${code}`,
      listHref: `${RECEIVED_PAGE_PATH}?lang=${lang}`,
      detailHref: () => '',
      organizations: ctx.parties.allOrganizations().map((party) => ({
        name: `${party.name} (${party.number})`,
        href: `${RECEIVED_PAGE_PATH}?${new URLSearchParams({ org: party.number, lang }).toString()}`,
      })),
      items: [],
    });
    return sendHtml(res, orgNumber === '' ? 200 : 404, html, PAGE_HEADERS);
  }

  const ofOrg = (received: ReceivedRequest | undefined): ReceivedRequest | undefined =>
    received && askedOrganization(received) === org.number ? received : undefined;
  const show = (
    status: number,
    detail: ReceivedRequest | undefined,
    notice: ReceivedPageNotice | undefined,
  ): void => {
    const pending: ReceivedRequest[] = [
      ...[...ctx.delegationRequests.requests.values()]
        .sort((a, b) => a.sequence - b.sequence)
        .map((request): ReceivedRequest => ({ api: 'altinn2', request })),
      ...[...ctx.accessRequests.requests.values()].map((request): ReceivedRequest => ({
        api: 'altinn3',
        request,
      })),
    ].filter((received) => ofOrg(received) && isPending(received));
    const html = renderReceivedPage({
      lang,
      pageHref: (code) => listQuery(code, detail ? { requestId: detailId(detail) } : {}),
      listHref: listQuery(lang),
      detailHref: (id) => listQuery(lang, { requestId: id }),
      org: { name: org.name, number: org.number },
      organizations: [],
      items: pending.map((received) => receivedItem(ctx, received, lang)),
      ...(detail ? { detail: receivedItem(ctx, detail, lang) } : {}),
      ...(notice ? { notice } : {}),
    });
    sendHtml(res, status, html, PAGE_HEADERS);
  };

  if (req.method === 'GET') {
    const requestId = allValues(query, 'requestId')[0];
    if (requestId === undefined) {
      const notice = query.get('notice') as ReceivedPageNotice | null;
      return show(
        200,
        undefined,
        notice && NOTICES_AFTER_REDIRECT.includes(notice) ? notice : undefined,
      );
    }
    const detail = ofOrg(findAccessRequest(ctx, requestId));
    if (!detail) return show(404, undefined, 'notFound');
    // An access manager who opens an Altinn 2 request moves it from Unopened to Opened.
    if (detail.api === 'altinn2') openDelegationRequest(detail.request, ctx.nowMicros());
    return show(200, detail, undefined);
  }

  const form = await readForm(req, res);
  if (!form) return;
  const received = ofOrg(findAccessRequest(ctx, form.get('requestId') ?? ''));
  if (!received) return show(404, undefined, 'notFound');
  const action = form.get('action');
  if (action !== 'approve' && action !== 'reject') return show(400, received, 'noAction');
  if (!decideAccessRequest(ctx, received, action)) return show(409, received, 'notPending');
  redirect(res, listQuery(lang, { notice: action === 'approve' ? 'approved' : 'rejected' }), 303);
}

function detailId(received: ReceivedRequest): string {
  return received.api === 'altinn2' ? received.request.guid : received.request.id;
}
