/**
 * `DELETE {endpoint}/{kind}-requests/{id}`: withdraws a request. The backend client has no DELETE
 * yet; rather than a second client, this sends the client's own read of the request with its method
 * changed, so headers, time-out, problem details and the check that the answer is a view of this
 * request stay the client's.
 */
import { BackendClient } from '../../core/client.js';
import { getConfig } from '../../core/config.js';
import type { RequestKind } from '../../core/request-status.js';
import type { RequestView } from '../../core/view.js';

export function withdrawRequest(
  endpoint: string | undefined,
  kind: RequestKind,
  id: string,
): Promise<RequestView> {
  const client = new BackendClient({
    ...(endpoint ? { endpoint } : {}),
    fetch: (input, init) =>
      (getConfig().fetch ?? globalThis.fetch)(input, { ...init, method: 'DELETE' }),
  });
  return client.getRequest(kind, id);
}
