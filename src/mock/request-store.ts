/** Requests by id, lower case: Altinn's ids are GUIDs, which compare without case. */
export class RequestStore<T> {
  readonly requests = new Map<string, T>();

  clear(): void {
    this.requests.clear();
  }

  get(id: string): T | undefined {
    return this.requests.get(id.toLowerCase());
  }

  add(id: string, request: T): T {
    this.requests.set(id, request);
    return request;
  }
}

/** The moves of a request, by name: from which statuses, to which. */
export type Moves<S extends string> = Record<string, { from: readonly S[]; to: S }>;

/** Makes the move, or `false` when the status does not allow it. */
export function move<S extends string>(
  current: S,
  moves: Moves<S>,
  name: string,
  apply: (to: S) => void,
): boolean {
  const allowed = moves[name];
  if (!allowed?.from.includes(current)) return false;
  apply(allowed.to);
  return true;
}
