/**
 * A development stand-in, for `npm start` only: a tiny backend ("BFF") for consent requests and a
 * stand-in for Altinn's consent page, served by the Vite dev server itself. It keeps requests in
 * memory and knows one signed-in person and one bank. It is NOT the library's backend handler and
 * NOT a faithful Altinn mock: both come later (`altinn-request-elements/server` and `/mock`), and
 * this file goes away then.
 *
 *   POST /api/altinn/consent-requests         201 (200 for a known id) an Altinn-shaped request
 *   GET  /api/altinn/consent-requests/{id}    200, or 404
 *   GET  /dev-altinn/consent/request?id=…     the stand-in consent page
 *   POST /dev-altinn/consent/request?id=…     accept or reject, then 302 back to `redirectUrl`
 */
import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Connect, Plugin } from 'vite';

/** Who asks and who is asked: in a real portal from the session and configuration, never the browser. */
const SIGNED_IN_PERSON = 'urn:altinn:person:identifier-no:21818297804';
const DEMO_BANK = 'urn:altinn:organization:identifier-no:991825827';

const API = '/api/altinn/consent-requests';
const ALTINN_PAGE = '/dev-altinn/consent/request';
const ALTINN_CSS = '/dev-altinn/altinn.css';
const ALTINN_ICON = '/dev-altinn/favicon.svg';
const MAX_BODY = 64 * 1024;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(?:T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const RESOURCE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;

type Status = 'Created' | 'Accepted' | 'Rejected';
interface ConsentRight {
  action: string[];
  resource: { type: 'urn:altinn:resource'; value: string }[];
  metadata: Record<string, string> | null;
}
/** Altinn 3's `ConsentRequestDetails` (altinn-api.md 2.4). */
interface ConsentRequest {
  id: string;
  from: string;
  to: string;
  requiredDelegator: null;
  handledBy: null;
  validTo: string;
  consentRights: ConsentRight[];
  requestMessage: Record<string, string> | null;
  status: Status;
  consented: string | null;
  redirectUrl: string;
  consentRequestEvents: {
    consentEventID: string;
    created: string;
    performedBy: string;
    eventType: Status;
    consentRequestID: string;
  }[];
  viewUri: string;
  portalViewMode: 'Hide';
}

const requests = new Map<string, ConsentRequest>();

class BadRequest extends Error {}

// ---------------------------------------------------------------------------------------------
// Small HTTP helpers

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', `${type}; charset=utf-8`);
  res.setHeader('Cache-Control', 'no-store');
  res.end(body);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json', JSON.stringify(body));
}

function problem(res: ServerResponse, status: number, detail: string): void {
  const body = { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, detail };
  send(res, status, 'application/problem+json', JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new RangeError('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** HTML-escapes a value for text and for quoted attributes. */
function esc(value: unknown): string {
  return String(value).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

// ---------------------------------------------------------------------------------------------
// The BFF: checking and storing a consent request

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `validTo` as an absolute ISO date-time: a date-time in the future, or a duration from now. */
function resolveValidTo(value: unknown, now = new Date()): string {
  if (value === undefined || value === null) value = 'P90D';
  if (typeof value !== 'string') throw new BadRequest('validTo must be a string.');
  const m = DURATION.exec(value);
  if (m) {
    const n = (part: string | undefined): number => (part ? Number.parseInt(part, 10) : 0);
    const end = new Date(now);
    end.setUTCFullYear(end.getUTCFullYear() + n(m[1]), end.getUTCMonth() + n(m[2]));
    end.setUTCDate(end.getUTCDate() + 7 * n(m[3]) + n(m[4]));
    end.setTime(end.getTime() + ((n(m[5]) * 60 + n(m[6])) * 60 + n(m[7])) * 1000);
    return end.toISOString();
  }
  const end = new Date(value);
  if (!DATE_TIME.test(value) || Number.isNaN(end.getTime())) {
    throw new BadRequest(
      'validTo must be an ISO 8601 date-time with offset, or a duration (P90D).',
    );
  }
  if (end <= now) throw new BadRequest('validTo must lie in the future.');
  return end.toISOString();
}

function toRight(input: unknown, i: number): ConsentRight {
  if (!isRecord(input)) throw new BadRequest(`rights[${i}] must be an object.`);
  const { resource, action, metadata } = input;
  if (typeof resource !== 'string' || !RESOURCE_ID.test(resource)) {
    throw new BadRequest(`rights[${i}].resource must be a resource id.`);
  }
  const actions =
    action === undefined ? ['consent'] : typeof action === 'string' ? [action] : action;
  if (
    !Array.isArray(actions) ||
    !actions.length ||
    !actions.every((a) => typeof a === 'string' && a)
  ) {
    throw new BadRequest(`rights[${i}].action must be a non-empty list of strings.`);
  }
  if (metadata !== undefined) {
    const ok =
      isRecord(metadata) && Object.values(metadata).every((v) => typeof v === 'string' && v);
    if (!ok) throw new BadRequest(`rights[${i}].metadata must map names to non-empty strings.`);
  }
  return {
    action: actions as string[],
    resource: [{ type: 'urn:altinn:resource', value: resource }],
    metadata: (metadata as Record<string, string> | undefined) ?? null,
  };
}

function createRequest(body: unknown, origin: string): ConsentRequest {
  if (!isRecord(body)) throw new BadRequest('The body must be a JSON object.');
  for (const party of ['from', 'to', 'coveredBy', 'requiredDelegator']) {
    if (party in body) {
      throw new BadRequest(`"${party}" is decided by the backend, not the browser.`);
    }
  }
  const { id, rights, validTo, requestMessage, redirectUrl } = body;
  if (typeof id !== 'string' || !UUID.test(id)) throw new BadRequest('id must be a UUID.');
  if (!Array.isArray(rights) || rights.length < 1 || rights.length > 50) {
    throw new BadRequest('rights must list 1 to 50 rights.');
  }
  let redirect: URL;
  try {
    redirect = new URL(String(redirectUrl));
  } catch {
    throw new BadRequest('redirectUrl must be an absolute URL.');
  }
  if (typeof redirectUrl !== 'string' || !/^https?:$/.test(redirect.protocol)) {
    throw new BadRequest('redirectUrl must be an absolute http(s) URL.');
  }
  const message = requestMessage ?? null;
  if (message !== null) {
    const ok =
      isRecord(message) &&
      Object.entries(message).every(
        ([lang, text]) => ['nb', 'nn', 'en'].includes(lang) && typeof text === 'string',
      );
    if (!ok) throw new BadRequest('requestMessage must be { nb?, nn?, en? } with text values.');
  }
  const now = new Date().toISOString();
  return {
    id,
    from: SIGNED_IN_PERSON,
    to: DEMO_BANK,
    requiredDelegator: null,
    handledBy: null,
    validTo: resolveValidTo(validTo),
    consentRights: rights.map(toRight),
    requestMessage: message as Record<string, string> | null,
    status: 'Created',
    consented: null,
    redirectUrl,
    consentRequestEvents: [event(id, 'Created', DEMO_BANK, now)],
    viewUri: `${origin}${ALTINN_PAGE}?id=${encodeURIComponent(id)}`,
    portalViewMode: 'Hide',
  };
}

function event(id: string, eventType: Status, performedBy: string, created: string) {
  return { consentEventID: randomUUID(), created, performedBy, eventType, consentRequestID: id };
}

async function handleApi(req: IncomingMessage, res: ServerResponse, origin: string, path: string) {
  if (path === API || path === `${API}/`) {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      return problem(res, 405, 'Use POST to create a consent request.');
    }
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      return problem(res, 415, 'Send the body as application/json.');
    }
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch (error) {
      if (error instanceof RangeError) return problem(res, 413, 'The body is too large.');
      return problem(res, 400, 'The body is not valid JSON.');
    }
    try {
      const id = isRecord(body) && typeof body.id === 'string' ? body.id.toLowerCase() : '';
      const existing = requests.get(id);
      if (existing) return json(res, 200, existing);
      const created = createRequest(body, origin);
      requests.set(created.id.toLowerCase(), created);
      res.setHeader('Location', `${API}/${encodeURIComponent(created.id)}`);
      return json(res, 201, created);
    } catch (error) {
      if (error instanceof BadRequest) return problem(res, 400, error.message);
      throw error;
    }
  }
  let id = path.slice(API.length + 1);
  try {
    id = decodeURIComponent(id);
  } catch {
    // Not percent-encoded properly: looked up as it is, and not found.
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET');
    return problem(res, 405, 'Use GET to read a consent request.');
  }
  const found = requests.get(id.toLowerCase());
  if (!found) return problem(res, 404, `No consent request with id ${id}.`);
  return json(res, 200, found);
}

// ---------------------------------------------------------------------------------------------
// The stand-in Altinn consent page

const dateTime = new Intl.DateTimeFormat('nb-NO', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Oslo',
});

/** Appends Altinn's return parameters to `redirectUrl` as Altinn does (altinn-api.md 2.6). */
export function withAltinnReturnParams(redirectUrl: string, params: string): string {
  if (redirectUrl.includes('#/')) {
    const fragment = redirectUrl.slice(redirectUrl.indexOf('#'));
    return `${redirectUrl}${fragment.includes('?') ? '&' : '?'}${params}`;
  }
  const hashAt = redirectUrl.indexOf('#');
  const base = hashAt === -1 ? redirectUrl : redirectUrl.slice(0, hashAt);
  const hash = hashAt === -1 ? '' : redirectUrl.slice(hashAt);
  return `${base}${base.includes('?') ? '&' : '?'}${params}${hash}`;
}

function page(res: ServerResponse, status: number, title: string, content: string): void {
  // The page has no script at all and takes its styles from one file: a strict policy fits.
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; frame-ancestors 'none'",
  );
  res.setHeader('X-Frame-Options', 'DENY');
  send(
    res,
    status,
    'text/html',
    `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} – Altinn (utviklingsversjon)</title>
<link rel="icon" href="${ALTINN_ICON}" type="image/svg+xml">
<link rel="stylesheet" href="${ALTINN_CSS}">
</head>
<body>
<header class="top"><p class="brand">Altinn <span>(utviklingsversjon)</span></p></header>
<main>
<p class="dev-note">Dette er en lokal etterligning av Altinns samtykkeside, laget for utvikling. Ingen opplysninger sendes til Altinn.</p>
${content}
</main>
</body>
</html>
`,
  );
}

const PARTY_NAMES: Record<string, string> = {
  [SIGNED_IN_PERSON]: 'Test Testesen (fødselsnummer 218182*****)',
  [DEMO_BANK]: 'Demobanken ASA (org.nr. 991 825 827)',
};

function consentPage(
  res: ServerResponse,
  request: ConsentRequest,
  status = 200,
  notice = '',
): void {
  const expired = new Date(request.validTo) <= new Date();
  const answered = request.status !== 'Created';
  const message = request.requestMessage;
  const text = message ? (message.nb ?? message.nn ?? message.en) : undefined;
  const rights = request.consentRights
    .map((right) => {
      const meta = Object.entries(right.metadata ?? {})
        .map(([key, value]) => `<div><dt>${esc(key)}</dt><dd>${esc(value)}</dd></div>`)
        .join('');
      return `<li><span class="resource">${esc(right.resource[0]?.value)}</span>${meta ? `<dl>${meta}</dl>` : ''}</li>`;
    })
    .join('\n');
  const warning = answered
    ? `Du har allerede svart på denne forespørselen (status: ${esc(request.status)}).`
    : expired
      ? 'Forespørselen har utløpt.'
      : '';
  const disabled = answered || expired ? ' disabled' : '';
  page(
    res,
    status,
    'Forespørsel om samtykke',
    `<h1>Forespørsel om samtykke</h1>
${notice ? `<p class="warning" role="alert">${esc(notice)}</p>` : ''}
<p><strong>${esc(PARTY_NAMES[request.to] ?? request.to)}</strong> ber om samtykke fra <strong>${esc(PARTY_NAMES[request.from] ?? request.from)}</strong>.</p>
${text ? `<blockquote class="message">${esc(text)}</blockquote>` : ''}
<h2>Dette samtykker du til</h2>
<ul class="rights">
${rights}
</ul>
<p>Samtykket gjelder til <strong>${esc(dateTime.format(new Date(request.validTo)))}</strong>.</p>
${warning ? `<p class="warning">${warning}</p>` : ''}
<form method="post" action="${ALTINN_PAGE}?id=${esc(encodeURIComponent(request.id))}">
<button type="submit" name="action" value="accept" data-action="accept" class="primary"${disabled}>Ja, jeg gir samtykke</button>
<button type="submit" name="action" value="reject" data-action="reject" class="secondary"${disabled}>Nei, jeg gir ikke samtykke</button>
</form>`,
  );
}

async function handleAltinnPage(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  origin: string,
) {
  const id = url.searchParams.get('id') ?? '';
  const request = requests.get(id.toLowerCase());
  if (!request) {
    return page(
      res,
      404,
      'Fant ikke forespørselen',
      `<h1>Fant ikke forespørselen</h1>
<p>Det finnes ingen forespørsel om samtykke med id «${esc(id)}» i utviklingsbackenden (den glemmer alt når serveren starter på nytt).</p>`,
    );
  }
  if (req.method === 'GET' || req.method === 'HEAD') return consentPage(res, request);
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'GET, POST');
    return send(res, 405, 'text/plain', 'Method Not Allowed');
  }
  // A form posted from another site is refused, as Altinn's antiforgery check would.
  if (req.headers.origin && req.headers.origin !== origin) {
    return send(res, 403, 'text/plain', 'Forbidden: cross-site form post');
  }
  const action = new URLSearchParams(await readBody(req)).get('action');
  if (action !== 'accept' && action !== 'reject') {
    return consentPage(res, request, 400, 'Velg «Ja» eller «Nei».');
  }
  const wanted: Status = action === 'accept' ? 'Accepted' : 'Rejected';
  // Accept and reject are allowed only from Created; repeating the same answer changes nothing.
  if (request.status !== 'Created' && request.status !== wanted) {
    return consentPage(res, request, 409, 'Forespørselen er allerede besvart.');
  }
  if (request.status === 'Created') {
    if (new Date(request.validTo) <= new Date()) {
      return consentPage(res, request, 409, 'Forespørselen har utløpt.');
    }
    const now = new Date().toISOString();
    request.status = wanted;
    if (wanted === 'Accepted') request.consented = now;
    request.consentRequestEvents.push(event(request.id, wanted, request.from, now));
  }
  const params =
    wanted === 'Accepted' ? 'Status=OK' : 'Status=Failed&ErrorMessage=User+did+not+give+consent';
  res.statusCode = 302;
  res.setHeader('Location', withAltinnReturnParams(request.redirectUrl, params));
  res.setHeader('Cache-Control', 'no-store');
  res.end();
}

const ALTINN_STYLES = `
:root { color-scheme: light; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; line-height: 1.5; color: #1e2b3c; background: #f4f5f6; }
body { margin: 0; }
.top { background: #022f51; color: #fff; padding: 0.75rem 1.5rem; }
.brand { margin: 0; font-weight: 700; font-size: 1.25rem; }
.brand span { font-weight: 400; }
main { max-width: 40rem; margin: 2rem auto; padding: 1.5rem 2rem; background: #fff; border-radius: 8px; }
.dev-note { background: #fff4d6; border-left: 4px solid #a15c00; padding: 0.5rem 0.75rem; }
.warning { background: #fde8e8; border-left: 4px solid #c01b1b; padding: 0.5rem 0.75rem; }
.message { margin: 1rem 0; padding: 0.5rem 1rem; border-left: 4px solid #0062ba; background: #eef5fc; }
.rights { padding-left: 1.25rem; }
.resource { font-weight: 600; }
dl { margin: 0.25rem 0 0.75rem; }
dl div { display: flex; gap: 0.5rem; }
dt::after { content: ':'; }
dd { margin: 0; }
form { display: flex; flex-wrap: wrap; gap: 0.75rem; margin-top: 1.5rem; }
button { font: inherit; font-weight: 600; padding: 0.625rem 1.25rem; border-radius: 4px; border: 2px solid #0062ba; cursor: pointer; }
button.primary { background: #0062ba; color: #fff; }
button.secondary { background: #fff; color: #0062ba; }
button:focus-visible { outline: 3px solid #1e2b3c; outline-offset: 2px; }
button:disabled { opacity: 0.5; cursor: not-allowed; }
`;

const ALTINN_FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#022f51"/><text x="16" y="23" text-anchor="middle" font-family="sans-serif" font-size="20" font-weight="700" fill="#fff">A</text></svg>';

// ---------------------------------------------------------------------------------------------
// The plugin

interface ListeningServer {
  address(): AddressInfo | string | null;
}

/** Serves the development backend and the stand-in Altinn page from the Vite dev (and preview) server. */
export function devBackend(): Plugin {
  const middleware =
    (server: { httpServer: ListeningServer | null }): Connect.NextHandleFunction =>
    (req, res, next) => {
      // The port the server really listens on (5173, or the next free one).
      const address = server.httpServer?.address();
      const port = typeof address === 'object' && address ? address.port : 5173;
      const origin = `http://localhost:${port}`;
      const url = new URL(req.url ?? '/', origin);
      const path = url.pathname;
      let handled: Promise<void>;
      if (path === API || path.startsWith(`${API}/`)) handled = handleApi(req, res, origin, path);
      else if (path === ALTINN_PAGE) handled = handleAltinnPage(req, res, url, origin);
      else if (path === ALTINN_CSS) return send(res, 200, 'text/css', ALTINN_STYLES);
      else if (path === ALTINN_ICON) return send(res, 200, 'image/svg+xml', ALTINN_FAVICON);
      else return next();
      handled.catch((error: unknown) => next(error));
    };
  return {
    name: 'altinn-request-elements:dev-backend',
    configureServer(server) {
      server.middlewares.use(middleware(server));
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware(server));
    },
  };
}
