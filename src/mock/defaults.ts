import type {
  LocalizedText,
  MockAccessManager,
  MockAccessPackage,
  MockResource,
  MockService,
} from './types.js';

/**
 * Synthetic national identity numbers (Tenor style: month + 80), all with valid check digits.
 * 21818297804 is the person of Altinn's own consent example, and the demo portal's signed-in
 * person: its name is the one the portal shows.
 */
export const DEFAULT_PERSONS: readonly string[] = ['21818297804', '12859040150', '03878540084'];

/**
 * Organisation numbers with valid check digits. 991825827 receives consent in Altinn's example and
 * plays the receiving bank here; the names are the mock's own.
 */
export const DEFAULT_ORGANIZATIONS: readonly string[] = [
  '991825827',
  '311567829',
  '310456780',
  '312987651',
  '974761076',
];

export const DEFAULT_PARTY_NAMES: Readonly<Record<string, string>> = {
  '21818297804': 'Test Testesen',
  '12859040150': 'Ola Nordmann',
  '03878540084': 'Per Hansen',
  '991825827': 'DEMOBANKEN ASA',
  '311567829': 'SPAREBANKEN TESTFJORD',
  '310456780': 'FJELLTOPP REGNSKAP AS',
  '312987651': 'DRIFTSPARTNER IT AS',
  '974761076': 'SKATTEETATEN',
};

const INNTEKTSAAR: LocalizedText = { nb: 'Inntektsår', nn: 'Inntektsår', en: 'Income year' };

/**
 * The mock Resource Registry: three consent resources over two templates, one that is no consent
 * resource, and four access resources for the Altinn 3 service owner API (two the bank owns, one it
 * owns that cannot be delegated, one another organisation owns).
 */
export const DEFAULT_RESOURCES: readonly MockResource[] = [
  {
    id: 'standard-samtykke-for-dele-data',
    resourceType: 'Consent',
    consentTemplate: 'default',
    consentMetadata: { inntektsaar: { label: INNTEKTSAAR } },
    title: { nb: 'Inntektsopplysninger', nn: 'Inntektsopplysningar', en: 'Income information' },
    consentText: {
      nb: 'Opplysninger om inntekten din for inntektsåret {inntektsaar}.',
      nn: 'Opplysningar om inntekta di for inntektsåret {inntektsaar}.',
      en: 'Information about your income for the income year {inntektsaar}.',
    },
    actions: ['consent'],
  },
  {
    id: 'samtykke-skattegrunnlag',
    resourceType: 'Consent',
    consentTemplate: 'default',
    consentMetadata: { inntektsaar: { label: INNTEKTSAAR } },
    title: { nb: 'Skattegrunnlag', nn: 'Skattegrunnlag', en: 'Tax base' },
    consentText: {
      nb: 'Det summerte skattegrunnlaget ditt for inntektsåret {inntektsaar}.',
      nn: 'Det summerte skattegrunnlaget ditt for inntektsåret {inntektsaar}.',
      en: 'Your summed tax base for the income year {inntektsaar}.',
    },
    actions: ['consent'],
  },
  {
    id: 'samtykke-fullmakt',
    resourceType: 'Consent',
    consentTemplate: 'poa',
    title: {
      nb: 'Fullmakt til å sende inn søknad',
      nn: 'Fullmakt til å sende inn søknad',
      en: 'Power of attorney to submit an application',
    },
    consentText: {
      nb: 'Mottakeren kan sende inn søknad på dine vegne.',
      nn: 'Mottakaren kan sende inn søknad på dine vegner.',
      en: 'The recipient may submit an application on your behalf.',
    },
    actions: ['consent'],
  },
  {
    id: 'ikke-samtykke-ressurs',
    resourceType: 'GenericAccessResource',
    title: {
      nb: 'Vanlig tilgangsressurs',
      nn: 'Vanleg tilgangsressurs',
      en: 'Ordinary access resource',
    },
    actions: ['read'],
  },
  {
    id: 'lonnsmodul-tilgang',
    resourceType: 'GenericAccessResource',
    owner: '991825827',
    delegable: true,
    title: {
      nb: 'Tilgang til lønnsmodul',
      nn: 'Tilgang til lønsmodul',
      en: 'Access to the payroll module',
    },
    actions: ['read', 'write'],
  },
  {
    id: 'regnskap-innsyn',
    resourceType: 'GenericAccessResource',
    owner: '991825827',
    delegable: true,
    title: { nb: 'Innsyn i regnskap', nn: 'Innsyn i rekneskap', en: 'View the accounts' },
    actions: ['read'],
  },
  {
    id: 'ikke-delegerbar-ressurs',
    resourceType: 'GenericAccessResource',
    owner: '991825827',
    delegable: false,
    title: {
      nb: 'Ressurs som ikke kan delegeres',
      nn: 'Ressurs som ikkje kan delegerast',
      en: 'Resource that cannot be delegated',
    },
    actions: ['read'],
  },
  {
    id: 'skatteetaten-ressurs',
    resourceType: 'GenericAccessResource',
    owner: '974761076',
    delegable: true,
    title: {
      nb: 'Skatteetatens tjeneste',
      nn: 'Skatteetaten si teneste',
      en: 'A service of the Tax Administration',
    },
    actions: ['read'],
  },
];

/**
 * The mock Altinn 2 service registry: two services the bank owns (the first is the one in Altinn's
 * own examples), one another organisation owns.
 */
export const DEFAULT_SERVICES: readonly MockService[] = [
  {
    serviceCode: '4751',
    serviceEditionCode: 1,
    owner: '991825827',
    title: {
      nb: 'Tilgang til lønnsmodul',
      nn: 'Tilgang til lønsmodul',
      en: 'Access to the payroll module',
    },
    operations: ['Read', 'Write'],
  },
  {
    serviceCode: '5252',
    serviceEditionCode: 2,
    owner: '991825827',
    title: { nb: 'Innsyn i regnskap', nn: 'Innsyn i rekneskap', en: 'View the accounts' },
    operations: ['Read', 'Write'],
  },
  {
    serviceCode: '3131',
    serviceEditionCode: 1,
    owner: '974761076',
    title: {
      nb: 'Skatteetatens tjeneste',
      nn: 'Skatteetaten si teneste',
      en: 'A service of the Tax Administration',
    },
    operations: ['Read', 'Write'],
  },
];

/** Altinn 3 access packages: two that can be assigned, one that cannot. Ids are the mock's own. */
export const DEFAULT_ACCESS_PACKAGES: readonly MockAccessPackage[] = [
  {
    urn: 'urn:altinn:accesspackage:regnskapsforer-lonn',
    id: '5eb07bdc-5c3c-4c85-add3-5405b214b8a3',
    name: { nb: 'Regnskapsfører lønn', nn: 'Rekneskapsførar løn', en: 'Accountant payroll' },
    assignable: true,
  },
  {
    urn: 'urn:altinn:accesspackage:ansettelsesforhold',
    id: '3c2d4e6f-8a1b-4c5d-9e7f-0a1b2c3d4e5f',
    name: { nb: 'Ansettelsesforhold', nn: 'Tilsetjingsforhold', en: 'Employment relationships' },
    assignable: true,
  },
  {
    urn: 'urn:altinn:accesspackage:hovedadministrator',
    id: '0195efb8-7c80-7cb7-8fdc-9d1a0c6c3a11',
    name: { nb: 'Hovedadministrator', nn: 'Hovudadministrator', en: 'Main administrator' },
    assignable: false,
  },
];

/** Two invented access managers for each default organisation (`.example` addresses, RFC 2606). */
export const DEFAULT_ACCESS_MANAGERS: Readonly<Record<string, readonly MockAccessManager[]>> = {
  '991825827': [
    { name: 'Anne Berg', email: 'anne.berg@demobanken.example' },
    { name: 'Jonas Lie', email: 'jonas.lie@demobanken.example' },
  ],
  '311567829': [
    { name: 'Ingrid Dahl', email: 'ingrid.dahl@testfjord.example' },
    { name: 'Ola Vik', email: 'ola.vik@testfjord.example' },
  ],
  '310456780': [
    { name: 'Siri Moen', email: 'siri.moen@fjelltopp.example' },
    { name: 'Erik Strand', email: 'erik.strand@fjelltopp.example' },
  ],
  '312987651': [
    { name: 'Lars Holm', email: 'lars.holm@driftspartner.example' },
    { name: 'Mari Lund', email: 'mari.lund@driftspartner.example' },
  ],
  '974761076': [
    { name: 'Kristin Bakke', email: 'kristin.bakke@skatteetaten.example' },
    { name: 'Per Aas', email: 'per.aas@skatteetaten.example' },
  ],
};

/** A consent template: only whether it is a power of attorney matters to the page's wording. */
export interface MockConsentTemplate {
  id: string;
  version: number;
  isPoa: boolean;
}

/** Templates seen in Altinn's test data (altinn-api.md 2.3). */
export const CONSENT_TEMPLATES: Readonly<Record<string, MockConsentTemplate>> = {
  default: { id: 'default', version: 1, isPoa: false },
  sblanesoknad: { id: 'sblanesoknad', version: 1, isPoa: false },
  poa: { id: 'poa', version: 1, isPoa: true },
  bst_krav: { id: 'bst_krav', version: 1, isPoa: false },
  samtykkemal_simpleconsent: { id: 'samtykkemal_simpleconsent', version: 1, isPoa: false },
};

/** Scopes of the consent API (altinn-api.md 2.1). */
export const SCOPE_WRITE = 'altinn:consentrequests.write';
export const SCOPE_READ = 'altinn:consentrequests.read';
export const SCOPE_ORG = 'altinn:consentrequests.org';

/** Scopes of both service owner delegation request APIs, Altinn 2 and 3 (altinn-api.md 3.1, 3.2). */
export const SCOPE_DELEGATION_REQUESTS_WRITE = 'altinn:serviceowner/delegationrequests.write';
export const SCOPE_DELEGATION_REQUESTS_READ = 'altinn:serviceowner/delegationrequests.read';
