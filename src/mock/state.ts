import { AccessRequestStore, DelegationRequestStore } from './access-store.js';
import { ConsentStore } from './consent-store.js';
import { CookieSealer } from './cookie-sealer.js';
import {
  DEFAULT_ACCESS_MANAGERS,
  DEFAULT_ACCESS_PACKAGES,
  DEFAULT_ORGANIZATIONS,
  DEFAULT_PARTY_NAMES,
  DEFAULT_PERSONS,
  DEFAULT_RESOURCES,
  DEFAULT_SERVICES,
  DEFAULT_SYSTEMS,
  DEFAULT_SYSTEM_USER_APPROVERS,
} from './defaults.js';
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

function checkNumbers(numbers: readonly string[], digits: number, what: string): void {
  const bad = numbers.find((number) => !new RegExp(`^\\d{${digits}}$`).test(number));
  if (bad !== undefined) throw new TypeError(`${what} must be ${digits} digits: ${bad}`);
}

/** Checks the options that can be wrong before a port is taken. */
export function checkOptions(options: MockAltinnOptions): void {
  checkNumbers(options.persons ?? DEFAULT_PERSONS, 11, 'persons');
  checkNumbers(options.organizations ?? DEFAULT_ORGANIZATIONS, 9, 'organizations');
  for (const key of options.apiKeys ?? []) checkApiKey(key);
}

export function createState(
  options: MockAltinnOptions,
  baseUrl: string,
  maskinporten: MockMaskinporten,
): MockState {
  const stats: MockAltinnStats = {
    tokenRequests: 0,
    consentRequests: 0,
    altinn2DelegationRequests: 0,
    altinn3DelegationRequests: 0,
    systemUserRequests: 0,
  };
  const systems = new Map<string, MockSystem>();
  const approvers = { ...DEFAULT_SYSTEM_USER_APPROVERS, ...options.systemUserApprovers };
  const apiKeys = new Set(options.apiKeys ?? []);
  const state: MockState = {
    baseUrl,
    nowMicros: () => dateToMicros(options.now ? options.now() : new Date()),
    parties: new PartyRegistry(
      options.persons ?? DEFAULT_PERSONS,
      options.organizations ?? DEFAULT_ORGANIZATIONS,
      { ...DEFAULT_PARTY_NAMES, ...options.partyNames },
    ),
    resources: new ResourceRegistry(options.resources ?? DEFAULT_RESOURCES),
    services: new ServiceRegistry(options.services ?? DEFAULT_SERVICES),
    packages: new PackageRegistry(options.accessPackages ?? DEFAULT_ACCESS_PACKAGES),
    accessManagers: new AccessManagerRegistry({
      ...DEFAULT_ACCESS_MANAGERS,
      ...options.accessManagers,
    }),
    consents: new ConsentStore(),
    delegationRequests: new DelegationRequestStore(),
    accessRequests: new AccessRequestStore(),
    systems,
    systemUserRequests: new SystemUserRequestStore(),
    approvers: (org) =>
      approvers[org] ?? { accessManagers: [state.parties.anyPerson()?.number ?? ''], others: [] },
    maskinporten,
    apiKeys,
    stats,
    sealer: new CookieSealer(),
    altinn2ApprovedStatus: options.altinn2ApprovedStatus ?? 'Approved',
    reset: () => {
      state.consents.clear();
      state.delegationRequests.clear();
      state.accessRequests.clear();
      state.systemUserRequests.clear();
      maskinporten.reset();
      for (const key of Object.keys(stats) as (keyof MockAltinnStats)[]) stats[key] = 0;
    },
    registerClient: (client) => maskinporten.registerClient(client),
    registerApiKey: (key) => {
      checkApiKey(key);
      apiKeys.add(key);
    },
    registerSystem: (system) => {
      if (!/^\d{9}_./.test(system.id))
        throw new TypeError(`A system id is <orgnr>_<name>: ${system.id}`);
      systems.set(system.id, { ...system });
    },
  };
  for (const system of [...DEFAULT_SYSTEMS, ...(options.systems ?? [])])
    state.registerSystem(system);
  return state;
}
