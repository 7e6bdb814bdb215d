import type { LocalizedText, MockResource } from './types.js';

/**
 * Synthetic national identity numbers (Tenor style: month + 80), all with valid check digits.
 * 21818297804 is the person of Altinn's own consent example.
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
  '21818297804': 'Kari Nordmann',
  '12859040150': 'Ola Nordmann',
  '03878540084': 'Per Hansen',
  '991825827': 'DEMOBANKEN ASA',
  '311567829': 'SPAREBANKEN TESTFJORD',
  '310456780': 'FJELLTOPP REGNSKAP AS',
  '312987651': 'DRIFTSPARTNER IT AS',
  '974761076': 'SKATTEETATEN',
};

const INNTEKTSAAR: LocalizedText = { nb: 'Inntektsår', nn: 'Inntektsår', en: 'Income year' };

/** The mock Resource Registry: three consent resources over two templates, and one that is no consent resource. */
export const DEFAULT_RESOURCES: readonly MockResource[] = [
  {
    id: 'standard-samtykke-for-dele-data',
    resourceType: 'Consent',
    consentTemplate: 'default',
    consentMetadata: { inntektsaar: { label: INNTEKTSAAR } },
    title: {
      nb: 'Inntektsopplysninger',
      nn: 'Inntektsopplysningar',
      en: 'Income information',
    },
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
    title: {
      nb: 'Skattegrunnlag',
      nn: 'Skattegrunnlag',
      en: 'Tax base',
    },
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
];

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
