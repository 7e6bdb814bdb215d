import { CONSENT_TEMPLATES, type MockConsentTemplate } from './defaults.js';
import { stableUuid } from './ids.js';
import type { MockAccessManager, MockAccessPackage, MockResource, MockService } from './types.js';

/**
 * The mock's registries, each once: the Register (persons, organisations), the Resource Registry,
 * Altinn 2's service registry, the access packages, and the organisations' access managers.
 */

export const PERSON_URN_PREFIX = 'urn:altinn:person:identifier-no:';
export const ORGANIZATION_URN_PREFIX = 'urn:altinn:organization:identifier-no:';
export const PARTY_UUID_URN_PREFIX = 'urn:altinn:party:uuid:';

export type PartyKind = 'person' | 'organization';

export interface Party {
  kind: PartyKind;
  /** National identity number or organisation number. */
  number: string;
  /** External URN, e.g. `urn:altinn:person:identifier-no:21818297804`. */
  urn: string;
  /** Internal URN, `urn:altinn:party:uuid:<uuid>`. */
  partyUuidUrn: string;
  name: string;
}

/** A party reference parsed from a request, before the register is asked. */
export interface PartyRef {
  kind: PartyKind;
  number: string;
}

/** Parses the two documented URN forms; anything else is `undefined`. */
export function parsePartyUrn(value: string): PartyRef | undefined {
  const lower = value.toLowerCase();
  for (const [kind, prefix, digits] of [
    ['person', PERSON_URN_PREFIX, 11],
    ['organization', ORGANIZATION_URN_PREFIX, 9],
  ] as const) {
    if (!lower.startsWith(prefix)) continue;
    const number = value.slice(prefix.length);
    return new RegExp(`^\\d{${digits}}$`).test(number) ? { kind, number } : undefined;
  }
  return undefined;
}

/** The kind of party a bare number names: 11 digits a person, else an organisation. */
export function kindOfNumber(number: string): PartyKind {
  return number.length === 11 ? 'person' : 'organization';
}

/** A party with a made-up, stable party uuid; `name` defaults to the number. */
export function makeParty(kind: PartyKind, number: string, name = number): Party {
  return {
    kind,
    number,
    urn: (kind === 'person' ? PERSON_URN_PREFIX : ORGANIZATION_URN_PREFIX) + number,
    partyUuidUrn: PARTY_UUID_URN_PREFIX + stableUuid('party', number),
    name,
  };
}

export class PartyRegistry {
  private readonly parties = new Map<string, Party>();

  constructor(
    persons: readonly string[],
    organizations: readonly string[],
    names: Record<string, string>,
  ) {
    for (const number of persons) this.add(makeParty('person', number, names[number]));
    for (const number of organizations) this.add(makeParty('organization', number, names[number]));
  }

  private add(party: Party): void {
    this.parties.set(`${party.kind}:${party.number}`, party);
  }

  find(ref: PartyRef): Party | undefined {
    return this.parties.get(`${ref.kind}:${ref.number}`);
  }

  /** By external URN. */
  byUrn(urn: string): Party | undefined {
    const ref = parsePartyUrn(urn);
    return ref ? this.find(ref) : undefined;
  }

  /** By a bare national identity number or organisation number. */
  byNumber(number: string): Party | undefined {
    return this.find({ kind: kindOfNumber(number), number });
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
    return [...this.parties.values()].find((party) => party.kind === 'person');
  }

  allOrganizations(): Party[] {
    return [...this.parties.values()].filter((party) => party.kind === 'organization');
  }
}

export function isConsentResource(resource: MockResource): boolean {
  return (resource.resourceType ?? 'Consent').toLowerCase() === 'consent';
}

export class ResourceRegistry {
  private readonly resources = new Map<string, MockResource>();

  constructor(resources: readonly MockResource[]) {
    for (const resource of resources) this.resources.set(resource.id, resource);
  }

  /** Resource ids are looked up as given: Altinn's Resource Registry is case-sensitive here. [I] */
  get(id: string): MockResource | undefined {
    return this.resources.get(id);
  }

  /** By the made-up uuid the Altinn 3 API shows as the resource's `id`. */
  byUuid(uuid: string): MockResource | undefined {
    return [...this.resources.values()].find(
      (resource) => stableUuid('resource', resource.id) === uuid.toLowerCase(),
    );
  }

  template(id: string): MockConsentTemplate {
    return CONSENT_TEMPLATES[id] ?? { id, version: 1, isPoa: false };
  }
}

export class ServiceRegistry {
  private readonly services = new Map<string, MockService>();

  constructor(services: readonly MockService[]) {
    for (const service of services) {
      this.services.set(`${service.serviceCode}/${service.serviceEditionCode}`, service);
    }
  }

  get(code: string, edition: number): MockService | undefined {
    return this.services.get(`${code}/${edition}`);
  }
}

export class PackageRegistry {
  constructor(private readonly packages: readonly MockAccessPackage[]) {}

  /** By URN, by the URN's last part (`regnskapsforer-lonn`) or by id, as Altinn's `TryGetByAll`. [I] */
  find(value: string): MockAccessPackage | undefined {
    const lower = value.toLowerCase();
    return this.packages.find(
      (pkg) =>
        pkg.urn.toLowerCase() === lower ||
        pkg.urn.slice(pkg.urn.lastIndexOf(':') + 1).toLowerCase() === lower ||
        pkg.id.toLowerCase() === lower,
    );
  }
}

/** Who manages access for an organisation; two invented ones where none are configured. */
export class AccessManagerRegistry {
  constructor(private readonly managers: Readonly<Record<string, readonly MockAccessManager[]>>) {}

  of(orgNumber: string): readonly MockAccessManager[] {
    return (
      this.managers[orgNumber] ?? [
        { name: 'Tone Tilgang', email: `tilgang1@${orgNumber}.example` },
        { name: 'Stig Styrer', email: `tilgang2@${orgNumber}.example` },
      ]
    );
  }
}
