/**
 * Access requests through Altinn 2's service owner `delegationRequests` (../shared/altinn-api.md
 * §3.1; Altinn 2 closed in June 2026): HAL in and out with the `ApiKey` header, the user sent to
 * `_links.sendRequest` and back with `DelegationRequestId`. Altinn 2 has no idempotency of its own,
 * so a retry after a lost answer first looks for the request in Altinn's list. This is the one
 * place where Altinn 2's request statuses become the view's.
 */
import {
  ACCESS_READ,
  ACCESS_WRITE,
  accessBodyReader,
  idempotencyKeyOf,
  subjectOf,
  type AccessOptions,
  type AccessRequest,
} from './access.js';
import { parseAltinn } from './altinn-api.js';
import { ProblemError } from './problem.js';
import { requestRoutes, type RequestKindApi } from './requests.js';
import {
  altinn2DelegationRequestSchema,
  type Altinn2DelegationRequest,
  type RequestStatus,
} from './schemas.js';
import type { NewRequest, RequestChange } from './store/request-store.js';
import type { HandlerModule, RouteContext } from './types.js';
import type { AltinnEnvironmentUrls } from './environments.js';

const BASE = '/api/serviceowner/delegationRequests';

const STATUSES: Readonly<Record<Altinn2DelegationRequest['RequestStatus'], RequestStatus>> = {
  created: 'created',
  unopened: 'pending',
  opened: 'pending',
  // Approved and Accepted are one state, spelled two ways ([C] in altinn-api.md §3.1).
  approved: 'accepted',
  accepted: 'accepted',
  rejected: 'rejected',
  deleted: 'withdrawn',
  none: 'unknown',
  other: 'unknown',
};

const readDelegationRequest = (answer: unknown): Altinn2DelegationRequest =>
  parseAltinn(altinn2DelegationRequestSchema, answer);

export function changeOf(request: Altinn2DelegationRequest): RequestChange {
  const url = request._links?.sendRequest?.href;
  return { status: STATUSES[request.RequestStatus], ...(url ? { url } : {}) };
}

export function accessAltinn2Module(
  options: AccessOptions,
  urls: AltinnEnvironmentUrls,
): HandlerModule {
  if (!options.apiKey)
    throw new TypeError('access.apiKey is required for Altinn 2 access requests.');
  const altinn2 = {
    baseUrl: urls.altinn2Url,
    // HAL is what Altinn 2 answers unless application/json is asked for; the links live there.
    headers: {
      ApiKey: options.apiKey,
      accept: 'application/hal+json',
      'content-type': 'application/hal+json',
    },
  };

  const recordOf = (request: AccessRequest, found: Altinn2DelegationRequest): NewRequest => ({
    kind: 'access',
    id: found.Guid,
    organization: request.org,
    subject: subjectOf(request),
    navigation: 'redirect',
    ...changeOf(found),
  });

  /** Reads the request from Altinn, as the person's (another person's is as if it did not exist). */
  async function readOwn(context: RouteContext, id: string): Promise<Altinn2DelegationRequest> {
    const answer = await context.altinn.send(
      'GET',
      `${BASE}/${encodeURIComponent(id)}`,
      ACCESS_READ,
      undefined,
      altinn2,
    );
    const found = readDelegationRequest(answer.body);
    if (found.CoveredBy !== context.identity.person) {
      throw new ProblemError({ status: 404, code: 'not-found', title: 'Not found' });
    }
    return found;
  }

  const api: RequestKindApi<AccessRequest> = {
    kind: 'access',
    filters: ['service', 'org'],
    services: true,
    readBody: accessBodyReader(options, 'altinn2'),
    idempotencyKey: idempotencyKeyOf,

    async create(context, request) {
      const answer = await context.altinn.send(
        'POST',
        BASE,
        ACCESS_WRITE,
        {
          CoveredBy: context.identity.person,
          OfferedBy: request.org,
          RedirectUrl: request.redirectUrl,
          KeepSessionAlive: true,
          RequestResources: (request.services ?? []).map((service) => ({
            ServiceCode: service.serviceCode,
            ServiceEditionCode: service.serviceEditionCode,
          })),
        },
        altinn2,
      );
      return recordOf(request, readDelegationRequest(answer.body));
    },

    /** The person's request for the same services that still waits to be sent, if Altinn 2 has one. */
    async recover(context, request) {
      const wanted = (request.services ?? []).map(
        (s) => `${s.serviceCode}:${s.serviceEditionCode}`,
      );
      const first = request.services?.[0];
      if (!first) return undefined;
      const query = new URLSearchParams({
        serviceCode: first.serviceCode,
        serviceEditionCode: String(first.serviceEditionCode),
        coveredBy: context.identity.person,
        offeredBy: request.org,
        'status[0]': 'created',
      });
      const answer = await context.altinn.send(
        'GET',
        `${BASE}?${query.toString()}`,
        ACCESS_READ,
        undefined,
        altinn2,
      );
      const list = (answer.body ?? {}) as { _embedded?: { delegationRequests?: unknown } };
      const items = Array.isArray(list._embedded?.delegationRequests)
        ? list._embedded.delegationRequests
        : [];
      const sameServices = (item: unknown): boolean => {
        const resources = (item as { RequestResources?: unknown }).RequestResources;
        const asked = (Array.isArray(resources) ? resources : []).map(
          (resource: { ServiceCode?: unknown; ServiceEditionCode?: unknown }) =>
            `${String(resource.ServiceCode)}:${String(resource.ServiceEditionCode)}`,
        );
        return asked.length === wanted.length && wanted.every((service) => asked.includes(service));
      };
      const found = items.filter(sameServices).at(-1);
      return found ? recordOf(request, readDelegationRequest(found)) : undefined;
    },

    async refresh(context, record) {
      return changeOf(await readOwn(context, record.id));
    },

    async withdraw(context, record) {
      await readOwn(context, record.id);
      await context.altinn.send(
        'DELETE',
        `${BASE}/${encodeURIComponent(record.id)}`,
        ACCESS_WRITE,
        undefined,
        altinn2,
      );
      return { status: 'withdrawn' };
    },
  };
  return requestRoutes(api);
}
