import data from './defaults.json' with { type: 'json' };
import type {
  MockAccessManager,
  MockAccessPackage,
  MockApprovers,
  MockResource,
  MockService,
  MockSystem,
} from './types.js';

/**
 * The mock's default registries, as data in `defaults.json`:
 * - persons: synthetic national identity numbers (Tenor style, month + 80, valid check digits).
 *   21818297804 is the person of Altinn's own consent example and the demo portal's signed-in
 *   person, with the name the portal shows (Test Testesen);
 * - organisations with valid check digits, each with two invented access managers (`.example`
 *   addresses, RFC 2606). 991825827 receives consent in Altinn's example and plays the bank;
 * - the Resource Registry: three consent resources over two templates, one that is no consent
 *   resource, and four access resources for Altinn 3 (two the bank owns, one it owns that cannot be
 *   delegated, one the tax office owns);
 * - Altinn 2's services (the bank's two, the first as in Altinn's examples, and the tax office's);
 * - Altinn 3's access packages (two assignable, one not; the ids are the mock's own);
 * - the consent templates seen in Altinn's test data (altinn-api.md 2.3);
 * - the system register: the bank's accounting system, for which its customers make a system user.
 */

export const DEFAULT_PERSONS: readonly string[] = data.persons.map((person) => person.number);
export const DEFAULT_ORGANIZATIONS: readonly string[] = data.organizations.map((org) => org.number);
export const DEFAULT_PARTY_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  [...data.persons, ...data.organizations].map((party) => [party.number, party.name]),
);
export const DEFAULT_ACCESS_MANAGERS: Readonly<Record<string, readonly MockAccessManager[]>> =
  Object.fromEntries(data.organizations.map((org) => [org.number, org.accessManagers]));
export const DEFAULT_RESOURCES: readonly MockResource[] = data.resources;
export const DEFAULT_SERVICES: readonly MockService[] = data.services;
export const DEFAULT_ACCESS_PACKAGES: readonly MockAccessPackage[] = data.accessPackages;
export const DEFAULT_SYSTEMS: readonly MockSystem[] = data.systems;

/** A consent template: only whether it is a power of attorney matters to the page's wording. */
export interface MockConsentTemplate {
  id: string;
  version: number;
  isPoa: boolean;
}

export const CONSENT_TEMPLATES: Readonly<Record<string, MockConsentTemplate>> = Object.fromEntries(
  data.consentTemplates.map((id) => [id, { id, version: 1, isPoa: id === 'poa' }]),
);

/**
 * Test Testesen is the access manager (tilgangsstyrer) of every default organisation; Ola Nordmann
 * has another relation to FJELLTOPP REGNSKAP AS, so he can only escalate its requests.
 */
export const DEFAULT_SYSTEM_USER_APPROVERS: Readonly<Record<string, MockApprovers>> =
  Object.fromEntries(
    DEFAULT_ORGANIZATIONS.map((org) => [
      org,
      { accessManagers: ['21818297804'], others: org === '310456780' ? ['12859040150'] : [] },
    ]),
  );

/** Scopes of the consent API (altinn-api.md 2.1). */
export const SCOPE_WRITE = 'altinn:consentrequests.write';
export const SCOPE_READ = 'altinn:consentrequests.read';
export const SCOPE_ORG = 'altinn:consentrequests.org';

/** Scopes of both service owner delegation request APIs, Altinn 2 and 3 (altinn-api.md 3.1, 3.2). */
export const SCOPE_DELEGATION_REQUESTS_WRITE = 'altinn:serviceowner/delegationrequests.write';
export const SCOPE_DELEGATION_REQUESTS_READ = 'altinn:serviceowner/delegationrequests.read';

/** Scopes of system-user requests (altinn-api.md 3.4: the code's, not the docs' `systemuser.write`). */
export const SCOPE_SYSTEM_USER_REQUEST_WRITE = 'altinn:authentication/systemuser.request.write';
export const SCOPE_SYSTEM_USER_REQUEST_READ = 'altinn:authentication/systemuser.request.read';
