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

export class ResourceRegistry {
  constructor(private readonly resources: readonly MockResource[]) {}

  /** Resource ids are looked up as given: Altinn's Resource Registry is case-sensitive here. [I] */
  get(id: string): MockResource | undefined {
    return this.resources.find((resource) => resource.id === id);
  }

  template(id: string): MockConsentTemplate {
    return CONSENT_TEMPLATES[id] ?? { id, version: 1, isPoa: false };
  }
}

export class ServiceRegistry {
  constructor(private readonly services: readonly MockService[]) {}

  get(code: string, edition: number): MockService | undefined {
    return this.services.find((s) => s.serviceCode === code && s.serviceEditionCode === edition);
  }
}

export class PackageRegistry {
  constructor(private readonly packages: readonly MockAccessPackage[]) {}

  /** By URN, by the URN's last part (`regnskapsforer-lonn`) or by id, as Altinn's `TryGetByAll`. [I] */
  find(value: string): MockAccessPackage | undefined {
    const lower = value.toLowerCase();
    return this.packages.find((pkg) =>
      [pkg.urn, pkg.urn.slice(pkg.urn.lastIndexOf(':') + 1), pkg.id].some(
        (key) => key.toLowerCase() === lower,
      ),
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
