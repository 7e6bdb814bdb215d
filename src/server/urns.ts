/** Altinn's party URNs (altinn-api.md §2.3): the backend names who asks whom, never the browser. */
export const personUrn = (id: string): string => `urn:altinn:person:identifier-no:${id}`;
export const organizationUrn = (id: string): string =>
  `urn:altinn:organization:identifier-no:${id}`;
