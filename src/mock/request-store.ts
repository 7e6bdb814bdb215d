/** Requests by id, lower case: Altinn's ids are GUIDs, which compare without case. */
export class RequestStore<T> {
  readonly requests = new Map<string, T>();

  clear(): void {
    this.requests.clear();
  }

  get(id: string): T | undefined {
    return this.requests.get(id.toLowerCase());
  }

  protected add(id: string, request: T): T {
    this.requests.set(id, request);
    return request;
  }
}
