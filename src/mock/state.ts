import { DelegationRequestStore } from './altinn2-api.js';
import { AccessRequestStore } from './altinn3-api.js';
import { ConsentStore } from './consent-store.js';
import { CookieSealer } from './cookie-sealer.js';
import * as defaults from './defaults.js';
import type { MockMaskinporten } from './maskinporten.js';
import * as registry from './registry.js';
import { SystemUserRequestStore } from './systemuser-api.js';
import { dateToMicros } from './time.js';
import type { MockAltinnOptions, MockAltinnStats, MockApprovers, MockSystem } from './types.js';

/** Everything a running mock knows: what every route handler gets as `context.mock`. */
export type MockState = ReturnType<typeof createState>;

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

/** The registries from the options and the defaults, empty stores, the counters. */
export function createState(
  options: MockAltinnOptions,
  /** The base URL the mock announces, e.g. `http://127.0.0.1:4010`. */
  baseUrl: string,
  maskinporten: MockMaskinporten,
) {
  const approvers = { ...defaults.DEFAULT_SYSTEM_USER_APPROVERS, ...options.systemUserApprovers };
  const parties = new registry.PartyRegistry(
    options.persons ?? defaults.DEFAULT_PERSONS,
    options.organizations ?? defaults.DEFAULT_ORGANIZATIONS,
    { ...defaults.DEFAULT_PARTY_NAMES, ...options.partyNames },
  );
  const stores = {
    consents: new ConsentStore(),
    delegationRequests: new DelegationRequestStore(),
    accessRequests: new AccessRequestStore(),
    systemUserRequests: new SystemUserRequestStore(),
  };
  /** The system register, by system id. */
  const systems = new Map<string, MockSystem>();
  const apiKeys = new Set(options.apiKeys);
  const stats = { ...NO_CALLS };
  const registerSystem = (system: MockSystem): void => {
    if (!/^\d{9}_./.test(system.id)) {
      throw new TypeError(`A system id is <orgnr>_<name>: ${system.id}`);
    }
    systems.set(system.id, { ...system });
  };
  for (const system of [...defaults.DEFAULT_SYSTEMS, ...(options.systems ?? [])]) {
    registerSystem(system);
  }
  return {
    baseUrl,
    /** The APIs' clock, in epoch microseconds. */
    nowMicros: (): number => dateToMicros(options.now?.() ?? new Date()),
    parties,
    resources: new registry.ResourceRegistry(options.resources ?? defaults.DEFAULT_RESOURCES),
    services: new registry.ServiceRegistry(options.services ?? defaults.DEFAULT_SERVICES),
    packages: new registry.PackageRegistry(
      options.accessPackages ?? defaults.DEFAULT_ACCESS_PACKAGES,
    ),
    accessManagers: new registry.AccessManagerRegistry({
      ...defaults.DEFAULT_ACCESS_MANAGERS,
      ...options.accessManagers,
    }),
    ...stores,
    systems,
    /** Who may answer an organisation's system-user requests. */
    approvers: (org: string): MockApprovers =>
      approvers[org] ?? { accessManagers: [parties.anyPerson()?.number ?? ''], others: [] },
    maskinporten,
    apiKeys,
    stats,
    /** Seals the return URL in Altinn's logout cookie. */
    sealer: new CookieSealer(),
    altinn2ApprovedStatus: options.altinn2ApprovedStatus ?? ('Approved' as const),
    reset: (): void => {
      for (const store of Object.values(stores)) store.clear();
      maskinporten.reset();
      Object.assign(stats, NO_CALLS);
    },
    registerClient: maskinporten.registerClient.bind(maskinporten),
    registerApiKey: (key: string): void => {
      checkApiKey(key);
      apiKeys.add(key);
    },
    registerSystem,
  };
}
