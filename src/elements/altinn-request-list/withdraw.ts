/** `DELETE {endpoint}/{kind}-requests/{id}`: withdraws a request, through the backend client. */
import { BackendClient } from '../../core/client.js';
import type { RequestKind } from '../../core/request-status.js';
import type { RequestView } from '../../core/view.js';

export function withdrawRequest(
  endpoint: string | undefined,
  kind: RequestKind,
  id: string,
): Promise<RequestView> {
  return new BackendClient(endpoint ? { endpoint } : {}).withdrawRequest(kind, id);
}
