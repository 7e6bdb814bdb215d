import { DelegationRequestStore } from './altinn2-api.js';
import { AccessRequestStore } from './altinn3-api.js';
import { ConsentStore } from './consent-store.js';
import { CookieSealer } from './cookie-sealer.js';
import data from './defaults.json' with { type: 'json' };
import type { MockMaskinporten } from './maskinporten.js';
import { createRegistries } from './registry.js';
import { SystemUserRequestStore } from './systemuser-api.js';
import type { MockAltinnOptions, MockAltinnStats, MockSystem } from './types.js';

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
  for (const system of [...data.systems, ...(options.systems ?? [])]) {
    registerSystem(system);
  }
  return {
    baseUrl,
    /** The APIs' clock, in epoch microseconds. */
    nowMicros: (): number => (options.now?.() ?? new Date()).getTime() * 1000,
    ...createRegistries(options),
    ...stores,
    systems,
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
