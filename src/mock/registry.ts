import { createHash } from 'node:crypto';
import { CONSENT_TEMPLATES, type MockConsentTemplate } from './defaults.js';
import type { MockAccessManager, MockAccessPackage, MockResource, MockService } from './types.js';

/**
 * The mock's Register (persons, organisations), Resource Registry, Altinn 2 service registry,
 * access packages, and the organisations' access managers.
 */

export const PERSON_URN_PREFIX = 'urn:altinn:person:identifier-no:';
export const ORGANIZATION_URN_PREFIX = 'urn:altinn:organization:identifier-no:';
export const PARTY_UUID_URN_PREFIX = 'urn:altinn:party:uuid:';

export interface Party {
  kind: 'person' | 'organization';
  /** National identity number or organisation number. */
  number: string;
  /** External URN, e.g. `urn:altinn:person:identifier-no:21818297804`. */
  urn: string;
  /** Internal URN, `urn:altinn:party:uuid:<uuid>`. */
  partyUuidUrn: string;
  name: string;
}

/** A party reference parsed from a request, before the register is asked. */
export type PartyUrn = { kind: 'person' | 'organization'; number: string };

/** Parses the two documented URN forms; anything else is `undefined`. */
export function parsePartyUrn(value: string): PartyUrn | undefined {
  const lower = value.toLowerCase();
  if (lower.startsWith(PERSON_URN_PREFIX)) {
    const number = value.slice(PERSON_URN_PREFIX.length);
    return /^\d{11}$/.test(number) ? { kind: 'person', number } : undefined;
  }
  if (lower.startsWith(ORGANIZATION_URN_PREFIX)) {
    const number = value.slice(ORGANIZATION_URN_PREFIX.length);
    return /^\d{9}$/.test(number) ? { kind: 'organization', number } : undefined;
  }
  return undefined;
}

/** A stable, made-up party uuid for a number, so the same party always has the same uuid. */
function partyUuid(number: string): string {
  return stableUuid('party', number);
}

/** A made-up UUID v4 that is always the same for the same kind and value. */
export function stableUuid(kind: string, value: string): string {
  const hex = createHash('sha256').update(`mock-altinn-${kind}:${value}`).digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export class PartyRegistry {
  private readonly persons = new Map<string, Party>();
  private readonly organizations = new Map<string, Party>();

  constructor(
    persons: readonly string[],
    organizations: readonly string[],
    names: Record<string, string>,
  ) {
    for (const number of persons) {
      this.persons.set(number, {
        kind: 'person',
        number,
        urn: PERSON_URN_PREFIX + number,
        partyUuidUrn: PARTY_UUID_URN_PREFIX + partyUuid(number),
        name: names[number] ?? number,
      });
    }
    for (const number of organizations) {
      this.organizations.set(number, {
        kind: 'organization',
        number,
        urn: ORGANIZATION_URN_PREFIX + number,
        partyUuidUrn: PARTY_UUID_URN_PREFIX + partyUuid(number),
        name: names[number] ?? number,
      });
    }
  }

  find(ref: PartyUrn): Party | undefined {
    return ref.kind === 'person'
      ? this.persons.get(ref.number)
      : this.organizations.get(ref.number);
  }

  /** Looks a party up by its external URN. */
  byUrn(urn: string): Party | undefined {
    const ref = parsePartyUrn(urn);
    return ref ? this.find(ref) : undefined;
  }

  organization(number: string): Party | undefined {
    return this.organizations.get(number);
  }

  /** Someone to act as the logged-in user when the consent comes from an organisation. */
  anyPerson(): Party | undefined {
    return this.persons.values().next().value;
  }

  allOrganizations(): Party[] {
    return [...this.organizations.values()];
  }
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

  all(): MockResource[] {
    return [...this.resources.values()];
  }

  template(id: string): MockConsentTemplate {
    return CONSENT_TEMPLATES[id] ?? { id, version: 1, isPoa: false };
  }
}

export function isConsentResource(resource: MockResource): boolean {
  return (resource.resourceType ?? 'Consent').toLowerCase() === 'consent';
}

export class ServiceRegistry {
  private readonly services = new Map<string, MockService>();

  constructor(services: readonly MockService[]) {
    for (const service of services) {
      this.services.set(
        ServiceRegistry.key(service.serviceCode, service.serviceEditionCode),
        service,
      );
    }
  }

  private static key(code: string, edition: number): string {
    return `${code}/${edition}`;
  }

  get(code: string, edition: number): MockService | undefined {
    return this.services.get(ServiceRegistry.key(code, edition));
  }
}

export class PackageRegistry {
  private readonly packages: MockAccessPackage[];

  constructor(packages: readonly MockAccessPackage[]) {
    this.packages = [...packages];
  }

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

  byUrn(urn: string): MockAccessPackage | undefined {
    return this.packages.find((pkg) => pkg.urn === urn);
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
