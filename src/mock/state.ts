import { AccessRequestStore, DelegationRequestStore } from './access-store.js';
import { ConsentStore } from './consent-store.js';
import { CookieSealer } from './cookie-sealer.js';
import * as defaults from './defaults.js';
import type { MockMaskinporten } from './maskinporten.js';
import {
  AccessManagerRegistry,
  PackageRegistry,
  PartyRegistry,
  ResourceRegistry,
  ServiceRegistry,
} from './registry.js';
import { SystemUserRequestStore } from './systemuser-api.js';
import { dateToMicros } from './time.js';
import type {
  MockAltinnOptions,
  MockAltinnStats,
  MockApprovers,
  MockClient,
  MockSystem,
} from './types.js';

/** Everything a running mock knows: what every route handler gets as `context.mock`. */
export interface MockState {
  /** The base URL the mock announces, e.g. `http://127.0.0.1:4010`. */
  baseUrl: string;
  /** The APIs' clock, in epoch microseconds. */
  nowMicros(): number;
  parties: PartyRegistry;
  resources: ResourceRegistry;
  services: ServiceRegistry;
  packages: PackageRegistry;
  accessManagers: AccessManagerRegistry;
  consents: ConsentStore;
  delegationRequests: DelegationRequestStore;
  accessRequests: AccessRequestStore;
  /** The system register, by system id. */
  systems: Map<string, MockSystem>;
  systemUserRequests: SystemUserRequestStore;
  /** Who may answer an organisation's system-user requests. */
  approvers(orgNumber: string): MockApprovers;
  maskinporten: MockMaskinporten;
  apiKeys: Set<string>;
  stats: MockAltinnStats;
  /** Seals the return URL in Altinn's logout cookie. */
  sealer: CookieSealer;
  altinn2ApprovedStatus: 'Approved' | 'Accepted';
  reset(): void;
  registerClient(client: MockClient): void;
  registerApiKey(key: string): void;
  registerSystem(system: MockSystem): void;
}

function checkApiKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || key.trim() === '') {
    throw new TypeError('An API key must be a non-empty string');
  }
}

/** Checks the options that can be wrong before a port is taken. */
export function checkOptions(options: MockAltinnOptions): void {
  const numbers = [
    [options.persons ?? [], 11, 'persons'],
    [options.organizations ?? [], 9, 'organizations'],
  ] as const;
  for (const [list, digits, what] of numbers) {
    const bad = list.find((number) => !new RegExp(`^\\d{${digits}}$`).test(number));
    if (bad !== undefined) throw new TypeError(`${what} must be ${digits} digits: ${bad}`);
  }
  for (const key of options.apiKeys ?? []) checkApiKey(key);
}

const NO_CALLS: MockAltinnStats = {
  tokenRequests: 0,
  consentRequests: 0,
  altinn2DelegationRequests: 0,
  altinn3DelegationRequests: 0,
  systemUserRequests: 0,
};

export function createState(
  options: MockAltinnOptions,
  baseUrl: string,
  maskinporten: MockMaskinporten,
): MockState {
  const approvers = { ...defaults.DEFAULT_SYSTEM_USER_APPROVERS, ...options.systemUserApprovers };
  const parties = new PartyRegistry(
    options.persons ?? defaults.DEFAULT_PERSONS,
    options.organizations ?? defaults.DEFAULT_ORGANIZATIONS,
    { ...defaults.DEFAULT_PARTY_NAMES, ...options.partyNames },
  );
  const state: MockState = {
    baseUrl,
    nowMicros: () => dateToMicros(options.now?.() ?? new Date()),
    parties,
    resources: new ResourceRegistry(options.resources ?? defaults.DEFAULT_RESOURCES),
    services: new ServiceRegistry(options.services ?? defaults.DEFAULT_SERVICES),
    packages: new PackageRegistry(options.accessPackages ?? defaults.DEFAULT_ACCESS_PACKAGES),
    accessManagers: new AccessManagerRegistry({
      ...defaults.DEFAULT_ACCESS_MANAGERS,
      ...options.accessManagers,
    }),
    consents: new ConsentStore(),
    delegationRequests: new DelegationRequestStore(),
    accessRequests: new AccessRequestStore(),
    systems: new Map(),
    systemUserRequests: new SystemUserRequestStore(),
    approvers: (org) =>
      approvers[org] ?? { accessManagers: [parties.anyPerson()?.number ?? ''], others: [] },
    maskinporten,
    apiKeys: new Set(options.apiKeys),
    stats: { ...NO_CALLS },
    sealer: new CookieSealer(),
    altinn2ApprovedStatus: options.altinn2ApprovedStatus ?? 'Approved',
    reset: () => {
      for (const store of [
        state.consents,
        state.delegationRequests,
        state.accessRequests,
        state.systemUserRequests,
      ]) {
        store.clear();
      }
      maskinporten.reset();
      Object.assign(state.stats, NO_CALLS);
    },
    registerClient: (client) => maskinporten.registerClient(client),
    registerApiKey: (key) => {
      checkApiKey(key);
      state.apiKeys.add(key);
    },
    registerSystem: (system) => {
      if (!/^\d{9}_./.test(system.id)) {
        throw new TypeError(`A system id is <orgnr>_<name>: ${system.id}`);
      }
      state.systems.set(system.id, { ...system });
    },
  };
  for (const system of [...defaults.DEFAULT_SYSTEMS, ...(options.systems ?? [])]) {
    state.registerSystem(system);
  }
  return state;
}
