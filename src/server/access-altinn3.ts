/**
 * Access requests through Altinn 3's service owner delegation requests (../shared/altinn-api.md
 * §3.2): created through `/resource` and `/package` (never the root POST, which takes the parties
 * the other way round), followed through `GET /{id}/status`, withdrawn through `PUT /{id}/withdraw`.
 * Altinn sends nobody back: the user finishes in a new tab while the page polls. This is the one
 * place where Altinn 3's request statuses become the view's.
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
  altinn3RequestSchema,
  altinn3RequestStatusSchema,
  type Altinn3RequestStatus,
  type RequestStatus,
} from './schemas.js';
import type { HandlerModule } from './types.js';
import type { AltinnEnvironmentUrls } from './environments.js';
import { organizationUrn, personUrn } from './urns.js';

const BASE = '/accessmanagement/api/v1/serviceowner/delegationrequests';

const STATUSES: Readonly<Record<Altinn3RequestStatus, RequestStatus>> = {
  draft: 'created',
  pending: 'pending',
  approved: 'accepted',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
  none: 'unknown',
  other: 'unknown',
};

export const statusOf = (answer: unknown): RequestStatus =>
  STATUSES[parseAltinn(altinn3RequestStatusSchema, answer)];

export function accessAltinn3Module(
  options: AccessOptions,
  urls: AltinnEnvironmentUrls,
): HandlerModule {
  /** Altinn 3's page for the request, absolute (older deployments answered a relative link). */
  const detailsLinkOf = (id: string, given?: string | null): string =>
    given && /^https?:\/\//.test(given)
      ? given
      : `${urls.uiUrl}/accessmanagement/ui/requests/resource?requestId=${encodeURIComponent(id)}`;

  const api: RequestKindApi<AccessRequest> = {
    kind: 'access',
    filters: ['resource', 'package', 'org'],
    services: false,
    readBody: accessBodyReader(options, 'altinn3'),
    idempotencyKey: idempotencyKeyOf,

    // A repeated POST answers the same Draft (Altinn 3 reuses it): creating again is safe.
    async create(context, request) {
      const parties = {
        from: personUrn(context.identity.person),
        to: organizationUrn(request.org),
      };
      const answer =
        request.resource !== undefined
          ? await context.altinn.send('POST', `${BASE}/resource`, ACCESS_WRITE, {
              ...parties,
              resource: request.resource,
            })
          : await context.altinn.send('POST', `${BASE}/package`, ACCESS_WRITE, {
              ...parties,
              package: request.package,
            });
      const created = parseAltinn(altinn3RequestSchema, answer.body);
      return {
        kind: 'access',
        id: created.id,
        organization: request.org,
        subject: subjectOf(request),
        status: STATUSES[created.status],
        url: detailsLinkOf(created.id, created.links?.detailsLink),
        navigation: 'new-window',
      };
    },

    async refresh(context, record) {
      const answer = await context.altinn
        .send('GET', `${BASE}/${encodeURIComponent(record.id)}/status`, ACCESS_READ)
        .catch((error: unknown) => {
          // Altinn 3 answers an unknown id with 400 AM.VLD-00035 (alone, or inside a validation
          // problem), not 404.
          const unknownId = (code?: string) => code === 'AM.VLD-00035';
          if (
            error instanceof ProblemError &&
            (unknownId(error.problem.code) ||
              error.problem.errors?.some((item) => unknownId(item.code)))
          ) {
            throw new ProblemError({ status: 404, code: 'not-found', title: 'Not found' });
          }
          throw error;
        });
      return { status: statusOf(answer.body) };
    },

    async withdraw(context, record) {
      await context.altinn.send(
        'PUT',
        `${BASE}/${encodeURIComponent(record.id)}/withdraw`,
        ACCESS_WRITE,
      );
      return { status: 'withdrawn' };
    },
  };
  return requestRoutes(api);
}
