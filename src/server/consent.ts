/**
 * The consent module: `POST /consent-requests` and `GET /consent-requests/{id}`, against Altinn 3's
 * enterprise consent API (../shared/altinn-api.md section 2). The browser says what to ask for; who
 * asks (`to`) is the portal's organisation from these options, and who is asked (`from`) is the
 * signed-in person from `identify`.
 */
import { resolveValidTo } from '../core/consent-request.js';
import { isUuid } from '../core/ids.js';
import { toRequestView } from '../core/request-view.js';
import { consentRequestBodySchema } from '../core/schemas.js';
import { readValidBody } from './body.js';
import type { HandlerModule, RouteContext } from './handler.js';
import { json, ProblemError } from './problem.js';
import { ownRedirectUrl } from './redirect-url.js';

export interface ConsentOptions {
  /** The organisation number that receives the consent (`to`); must be the Maskinporten client's. */
  organization: string;
  /** The consent resources the portal may ask for; anything else is refused. */
  resources: readonly string[];
  /** Validity when the browser names none (ISO 8601 duration). Default `P90D`. */
  defaultValidity?: string;
  /** The longest validity allowed (ISO 8601 duration). Default `P1Y`. */
  maxValidity?: string;
  /** Who gives consent: the signed-in `person` (default), or the `organization` they act for. */
  from?: 'person' | 'organization';
  /** `show` lists the request in the Altinn portal for later answers. Default `hide`. */
  portalViewMode?: 'hide' | 'show';
}

const BASE = '/accessmanagement/api/v1/enterprise/consentrequests';
const WRITE = ['altinn:consentrequests.write'];
const READ = ['altinn:consentrequests.read'];

/** Fields the browser must not set: the backend decides who asks whom. */
const SERVER_FIELDS = [
  'from',
  'to',
  'requiredDelegator',
  'handledBy',
  'coveredBy',
  'offeredBy',
  'portalViewMode',
];

const personUrn = (id: string) => `urn:altinn:person:identifier-no:${id}`;
const organizationUrn = (id: string) => `urn:altinn:organization:identifier-no:${id}`;

function invalid(detail: string, errors?: { path: string; message: string }[]): ProblemError {
  return new ProblemError({
    status: 400,
    code: 'invalid-body',
    title: 'Invalid consent request',
    detail,
    ...(errors ? { errors } : {}),
  });
}

export function consentModule(options: ConsentOptions): HandlerModule {
  if (!/^\d{9}$/.test(options.organization)) {
    throw new TypeError('consent.organization must be a 9-digit organisation number.');
  }
  const allowedResources = new Set(options.resources);
  const defaultValidity = options.defaultValidity ?? 'P90D';
  const maxValidity = options.maxValidity ?? 'P1Y';

  function fromOf(context: RouteContext): string {
    if (options.from !== 'organization') return personUrn(context.identity.person);
    if (!context.identity.organization) {
      throw new ProblemError({
        status: 403,
        code: 'not-signed-in',
        title: 'Not acting for an organisation',
      });
    }
    return organizationUrn(context.identity.organization);
  }

  async function create(context: RouteContext): Promise<Response> {
    const request = await readValidBody(context, consentRequestBodySchema, {
      title: 'Invalid consent request',
      serverFields: SERVER_FIELDS,
    });

    const refused = request.rights
      .map((right) => right.resource)
      .filter((resource) => !allowedResources.has(resource));
    if (refused.length) {
      throw new ProblemError({
        status: 403,
        code: 'resource-not-allowed',
        title: 'Resource not allowed',
        detail: `This portal does not ask for consent to ${[...new Set(refused)].join(', ')}.`,
      });
    }

    const redirectUrl = ownRedirectUrl(context, request.redirectUrl);

    const now = new Date(context.now());
    const validTo = resolveValidTo(request.validTo ?? defaultValidity, now);
    if (Number.isNaN(validTo.getTime())) {
      throw invalid('validTo: not a date and time that exists (too far from now).');
    }
    if (validTo.getTime() <= now.getTime()) throw invalid('validTo: must lie in the future.');
    if (validTo.getTime() > resolveValidTo(maxValidity, now).getTime()) {
      throw new ProblemError({
        status: 400,
        code: 'validity-too-long',
        title: 'Validity too long',
        detail: `validTo: at most ${maxValidity} from now.`,
      });
    }

    const answer = await context.altinn.send('POST', BASE, WRITE, {
      id: request.id,
      from: fromOf(context),
      to: organizationUrn(options.organization),
      validTo: validTo.toISOString(),
      consentRights: request.rights.map((right) => ({
        action: right.action ?? ['consent'],
        resource: [{ type: 'urn:altinn:resource', value: right.resource }],
        ...(right.metadata ? { metadata: right.metadata } : {}),
      })),
      ...(request.requestMessage ? { requestMessage: request.requestMessage } : {}),
      redirectUrl,
      portalViewMode: options.portalViewMode ?? 'hide',
    });
    return json(viewOf(answer.body), answer.status === 200 ? 200 : 201);
  }

  async function read(context: RouteContext): Promise<Response> {
    const id = context.params[0] ?? '';
    if (!isUuid(id)) throw new ProblemError({ status: 404, code: 'not-found', title: 'Not found' });
    const answer = await context.altinn.send('GET', `${BASE}/${id}`, READ);
    // Altinn lets the receiving organisation read every request it made; the signed-in user may read
    // only their own. Another person's request is answered as if it did not exist.
    const from = (answer.body as { from?: unknown }).from;
    if (typeof from !== 'string' || from.toLowerCase() !== fromOf(context).toLowerCase()) {
      throw new ProblemError({ status: 404, code: 'not-found', title: 'Not found' });
    }
    return json(viewOf(answer.body));
  }

  return {
    routes: [
      { method: 'POST', path: /^\/consent-requests\/?$/, handle: create },
      { method: 'GET', path: /^\/consent-requests\/([^/]+)$/, handle: read },
    ],
  };
}

function viewOf(altinnAnswer: unknown) {
  const view = toRequestView(altinnAnswer, 'consent');
  if (!view) {
    throw new ProblemError({
      status: 502,
      code: 'altinn-unavailable',
      title: 'Altinn answered something unexpected',
    });
  }
  return view;
}
