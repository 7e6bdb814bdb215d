import type {
  LocalizedText,
  MockAccessManager,
  MockAccessPackage,
  MockApprovers,
  MockResource,
  MockService,
  MockSystem,
} from './types.js';

/** The mock's default registries: persons, organisations, resources, services, packages. */

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

function text(nb: string, nn: string, en: string): LocalizedText {
  return { nb, nn, en };
}

const INCOME_YEAR = { inntektsaar: { label: text('Inntektsår', 'Inntektsår', 'Income year') } };
const PAYROLL = text(
  'Tilgang til lønnsmodul',
  'Tilgang til lønsmodul',
  'Access to the payroll module',
);
const ACCOUNTS = text('Innsyn i regnskap', 'Innsyn i rekneskap', 'View the accounts');
const TAX_SERVICE = text(
  'Skatteetatens tjeneste',
  'Skatteetaten si teneste',
  'A service of the Tax Administration',
);

/** A resource the Altinn 3 service owner API can ask access to, owned by `owner`. */
function accessResource(id: string, owner: string, title: LocalizedText, delegable = true) {
  const actions = id === 'lonnsmodul-tilgang' ? ['read', 'write'] : ['read'];
  return { id, resourceType: 'GenericAccessResource', owner, delegable, title, actions };
}

/**
 * The mock Resource Registry: three consent resources over two templates, one that is no consent
 * resource, and four access resources for the Altinn 3 service owner API (two the bank owns, one it
 * owns that cannot be delegated, one another organisation owns).
 */
export const DEFAULT_RESOURCES: readonly MockResource[] = [
  {
    id: 'standard-samtykke-for-dele-data',
    consentTemplate: 'default',
    consentMetadata: INCOME_YEAR,
    title: text('Inntektsopplysninger', 'Inntektsopplysningar', 'Income information'),
    consentText: text(
      'Opplysninger om inntekten din for inntektsåret {inntektsaar}.',
      'Opplysningar om inntekta di for inntektsåret {inntektsaar}.',
      'Information about your income for the income year {inntektsaar}.',
    ),
  },
  {
    id: 'samtykke-skattegrunnlag',
    consentTemplate: 'default',
    consentMetadata: INCOME_YEAR,
    title: text('Skattegrunnlag', 'Skattegrunnlag', 'Tax base'),
    consentText: text(
      'Det summerte skattegrunnlaget ditt for inntektsåret {inntektsaar}.',
      'Det summerte skattegrunnlaget ditt for inntektsåret {inntektsaar}.',
      'Your summed tax base for the income year {inntektsaar}.',
    ),
  },
  {
    id: 'samtykke-fullmakt',
    consentTemplate: 'poa',
    title: text(
      'Fullmakt til å sende inn søknad',
      'Fullmakt til å sende inn søknad',
      'Power of attorney to submit an application',
    ),
    consentText: text(
      'Mottakeren kan sende inn søknad på dine vegne.',
      'Mottakaren kan sende inn søknad på dine vegner.',
      'The recipient may submit an application on your behalf.',
    ),
  },
  {
    id: 'ikke-samtykke-ressurs',
    resourceType: 'GenericAccessResource',
    title: text('Vanlig tilgangsressurs', 'Vanleg tilgangsressurs', 'Ordinary access resource'),
    actions: ['read'],
  },
  accessResource('lonnsmodul-tilgang', '991825827', PAYROLL),
  accessResource('regnskap-innsyn', '991825827', ACCOUNTS),
  accessResource(
    'ikke-delegerbar-ressurs',
    '991825827',
    text(
      'Ressurs som ikke kan delegeres',
      'Ressurs som ikkje kan delegerast',
      'Resource that cannot be delegated',
    ),
    false,
  ),
  accessResource('skatteetaten-ressurs', '974761076', TAX_SERVICE),
];

/**
 * The mock Altinn 2 service registry: two services the bank owns (the first is the one in Altinn's
 * own examples), one another organisation owns.
 */
export const DEFAULT_SERVICES: readonly MockService[] = [
  { serviceCode: '4751', serviceEditionCode: 1, owner: '991825827', title: PAYROLL },
  { serviceCode: '5252', serviceEditionCode: 2, owner: '991825827', title: ACCOUNTS },
  { serviceCode: '3131', serviceEditionCode: 1, owner: '974761076', title: TAX_SERVICE },
].map((service) => ({ ...service, operations: ['Read', 'Write'] }));

/** Altinn 3 access packages: two that can be assigned, one that cannot. Ids are the mock's own. */
export const DEFAULT_ACCESS_PACKAGES: readonly MockAccessPackage[] = [
  {
    urn: 'urn:altinn:accesspackage:regnskapsforer-lonn',
    id: '5eb07bdc-5c3c-4c85-add3-5405b214b8a3',
    name: text('Regnskapsfører lønn', 'Rekneskapsførar løn', 'Accountant payroll'),
    assignable: true,
  },
  {
    urn: 'urn:altinn:accesspackage:ansettelsesforhold',
    id: '3c2d4e6f-8a1b-4c5d-9e7f-0a1b2c3d4e5f',
    name: text('Ansettelsesforhold', 'Tilsetjingsforhold', 'Employment relationships'),
    assignable: true,
  },
  {
    urn: 'urn:altinn:accesspackage:hovedadministrator',
    id: '0195efb8-7c80-7cb7-8fdc-9d1a0c6c3a11',
    name: text('Hovedadministrator', 'Hovudadministrator', 'Main administrator'),
    assignable: false,
  },
];

/** Two invented access managers for each default organisation (`.example` addresses, RFC 2606). */
export const DEFAULT_ACCESS_MANAGERS: Readonly<Record<string, readonly MockAccessManager[]>> =
  Object.fromEntries(
    [
      ['991825827', 'demobanken', 'Anne Berg', 'Jonas Lie'],
      ['311567829', 'testfjord', 'Ingrid Dahl', 'Ola Vik'],
      ['310456780', 'fjelltopp', 'Siri Moen', 'Erik Strand'],
      ['312987651', 'driftspartner', 'Lars Holm', 'Mari Lund'],
      ['974761076', 'skatteetaten', 'Kristin Bakke', 'Per Aas'],
    ].map(([org = '', domain, ...names]) => [
      org,
      names.map((name) => ({
        name,
        email: `${name.toLowerCase().replace(' ', '.')}@${domain}.example`,
      })),
    ]),
  );

/** A consent template: only whether it is a power of attorney matters to the page's wording. */
export interface MockConsentTemplate {
  id: string;
  version: number;
  isPoa: boolean;
}

/** Templates seen in Altinn's test data (altinn-api.md 2.3). */
export const CONSENT_TEMPLATES: Readonly<Record<string, MockConsentTemplate>> = Object.fromEntries(
  ['default', 'sblanesoknad', 'poa', 'bst_krav', 'samtykkemal_simpleconsent'].map((id) => [
    id,
    { id, version: 1, isPoa: id === 'poa' },
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

/** The demo bank's accounting system, for which its customers create a system user. */
export const DEFAULT_SYSTEMS: readonly MockSystem[] = [
  {
    id: '991825827_regnskapssystemet',
    name: text('Regnskapssystemet', 'Rekneskapssystemet', 'The accounting system'),
    rights: ['regnskap-innsyn', 'lonnsmodul-tilgang'],
    accessPackages: [
      'urn:altinn:accesspackage:regnskapsforer-lonn',
      'urn:altinn:accesspackage:ansettelsesforhold',
    ],
    allowedRedirectUrls: ['http://localhost:5173/regnskapssystemet', 'http://localhost:5173/'],
  },
];

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
