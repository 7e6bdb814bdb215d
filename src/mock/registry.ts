import data from './defaults.json' with { type: 'json' };
import { stableUuid } from './ids.js';
import type {
  MockAccessManager,
  MockAccessPackage,
  MockAltinnOptions,
  MockApprovers,
  MockResource,
  MockService,
} from './types.js';

/**
 * The mock's registries, each once: the Register (persons, organisations), the Resource Registry,
 * Altinn 2's service registry, the access packages, the organisations' access managers and who may
 * answer their system-user requests. Their defaults are data in `defaults.json`:
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
 * - the system register: the bank's accounting system, for which its customers make a system user,
 *   and who answers for each organisation: Test Testesen is the access manager (tilgangsstyrer) of
 *   every one; Ola Nordmann has another relation to FJELLTOPP REGNSKAP AS, so he can only escalate.
 */

export const PERSON_URN_PREFIX = 'urn:altinn:person:identifier-no:';
export const ORGANIZATION_URN_PREFIX = 'urn:altinn:organization:identifier-no:';
export const PARTY_UUID_URN_PREFIX = 'urn:altinn:party:uuid:';

export type PartyKind = 'person' | 'organization';

/** A party reference parsed from a request, before the register is asked. */
export interface PartyRef {
  kind: PartyKind;
  /** National identity number or organisation number. */
  number: string;
}

export interface Party extends PartyRef {
  /** External URN, e.g. `urn:altinn:person:identifier-no:21818297804`. */
  urn: string;
  /** Internal URN, `urn:altinn:party:uuid:<uuid>`. */
  partyUuidUrn: string;
  name: string;
}

const URN_FORMS = [
  ['person', PERSON_URN_PREFIX, /^\d{11}$/],
  ['organization', ORGANIZATION_URN_PREFIX, /^\d{9}$/],
] as const;

/** Parses the two documented URN forms; anything else is `undefined`. */
export function parsePartyUrn(value: string): PartyRef | undefined {
  const form = URN_FORMS.find(([, prefix]) => value.toLowerCase().startsWith(prefix));
  const number = form && value.slice(form[1].length);
  return form && number && form[2].test(number) ? { kind: form[0], number } : undefined;
}

/** A party with a made-up, stable party uuid; `name` defaults to the number. */
export function makeParty(kind: PartyKind, number: string, name = number): Party {
  const prefix = kind === 'person' ? PERSON_URN_PREFIX : ORGANIZATION_URN_PREFIX;
  const partyUuidUrn = PARTY_UUID_URN_PREFIX + stableUuid('party', number);
  return { kind, number, urn: prefix + number, partyUuidUrn, name };
}

export class PartyRegistry {
  private readonly parties: Party[];

  constructor(persons: readonly string[], orgs: readonly string[], names: Record<string, string>) {
    this.parties = [
      ...persons.map((number) => makeParty('person', number, names[number])),
      ...orgs.map((number) => makeParty('organization', number, names[number])),
    ];
  }

  find(ref: PartyRef): Party | undefined {
    return this.parties.find((party) => party.kind === ref.kind && party.number === ref.number);
  }

  /** By external URN. */
  byUrn(urn: string): Party | undefined {
    const ref = parsePartyUrn(urn);
    return ref && this.find(ref);
  }

  /** By a bare number: 11 digits a person, else an organisation. */
  byNumber(number: string): Party | undefined {
    return this.find({ kind: number.length === 11 ? 'person' : 'organization', number });
  }

  organization(number: string): Party | undefined {
    return this.find({ kind: 'organization', number });
  }

  /** A party outside the register (a service owner, say) still gets a name and an id. */
  orSynthetic(urn: string): Party {
    const number = urn.slice(urn.lastIndexOf(':') + 1);
    return (
      this.byUrn(urn) ?? makeParty(urn.includes(':person:') ? 'person' : 'organization', number)
    );
  }

  /** Someone to act as the logged-in user when the consent comes from an organisation. */
  anyPerson(): Party | undefined {
    return this.parties.find((party) => party.kind === 'person');
  }

  allOrganizations(): Party[] {
    return this.parties.filter((party) => party.kind === 'organization');
  }
}

export function isConsentResource(resource: MockResource): boolean {
  return (resource.resourceType ?? 'Consent').toLowerCase() === 'consent';
}

const DEFAULT_ACCESS_MANAGERS: Record<string, readonly MockAccessManager[]> = Object.fromEntries(
  data.organizations.map((org) => [org.number, org.accessManagers]),
);

/** The registries from the options and the defaults: a list replaces its default, a record adds. */
export function createRegistries(options: MockAltinnOptions) {
  const parties = new PartyRegistry(
    options.persons ?? data.persons.map((person) => person.number),
    options.organizations ?? data.organizations.map((org) => org.number),
    {
      ...Object.fromEntries(
        [...data.persons, ...data.organizations].map((p) => [p.number, p.name]),
      ),
      ...options.partyNames,
    },
  );
  const resources: readonly MockResource[] = options.resources ?? data.resources;
  const services: readonly MockService[] = options.services ?? data.services;
  const packages: readonly MockAccessPackage[] = options.accessPackages ?? data.accessPackages;
  const managers = { ...DEFAULT_ACCESS_MANAGERS, ...options.accessManagers };
  const approvers: Record<string, MockApprovers> = {
    ...data.systemUserApprovers,
    ...options.systemUserApprovers,
  };
  return {
    parties,
    /** Resource ids are looked up as given: Altinn's Resource Registry is case-sensitive here. [I] */
    resource: (id: string) => resources.find((resource) => resource.id === id),
    service: (code: string, edition: number) =>
      services.find((s) => s.serviceCode === code && s.serviceEditionCode === edition),
    /** By URN, by the URN's last part (`regnskapsforer-lonn`) or by id, as Altinn's `TryGetByAll`. [I] */
    accessPackage: (value: string) =>
      packages.find((pkg) =>
        [pkg.urn, pkg.urn.slice(pkg.urn.lastIndexOf(':') + 1), pkg.id].some(
          (key) => key.toLowerCase() === value.toLowerCase(),
        ),
      ),
    /** Who manages access for an organisation; two invented ones where none are configured. */
    accessManagers: (org: string): readonly MockAccessManager[] =>
      managers[org] ?? [
        { name: 'Tone Tilgang', email: `tilgang1@${org}.example` },
        { name: 'Stig Styrer', email: `tilgang2@${org}.example` },
      ],
    /** Who may answer an organisation's system-user requests. */
    approvers: (org: string): MockApprovers =>
      approvers[org] ?? { accessManagers: [parties.anyPerson()?.number ?? ''], others: [] },
  };
}
