import { createHash } from 'node:crypto';
import { none } from './auth.js';
import { isExpired } from './consent-store.js';
import { bearerToken, empty, json } from './http.js';
import { isGuid } from './ids.js';
import { iso6523, type ConsentLookup } from './maskinporten.js';
import { ORGANIZATION_URN_PREFIX, parsePartyUrn } from './registry.js';
import { route, type RouteContext, type RouteTable } from './routes.js';
import type { MockState } from './state.js';

/**
 * Consent tokens (altinn-api.md 2.9): what Maskinporten asks Altinn about a consent named in a
 * grant's `authorization_details`, and a small data owner that trusts such tokens. Maskinporten
 * issues the token only for a consent that is accepted, not revoked and not past `validTo`, given
 * by `from` to the token's consumer (`to`); the token then carries the consent (`to`, `consented`,
 * `validTo`, `consentRights`), and the data owner checks it without calling Altinn.
 */

/** The scope of the mock's data owner (`GET /dataowner/income/{party}`). */
export const SCOPE_INCOME = 'dataowner:income.read';
const CONSENT_DETAIL_TYPE = 'urn:altinn:consent';

/** Altinn's answer to Maskinporten's lookup (`POST …/maskinporten/consent/lookup`, `ValidateGetConsentRequest`). */
export function consentLookup(mock: MockState): ConsentLookup {
  return (requested, consumer) => {
    const { type, id, from } = (requested ?? {}) as Record<string, unknown>;
    if (type !== CONSENT_DETAIL_TYPE) return { refused: `type must be ${CONSENT_DETAIL_TYPE}` };
    if (typeof id !== 'string' || !isGuid(id)) return { refused: 'id must be a consent id' };
    if (typeof from !== 'string' || !parsePartyUrn(from)) {
      return { refused: 'from must be a person or organization URN' };
    }
    const consent = mock.consents.get(id);
    const refused = (code: string, words: string) => ({
      refused: `Consent ${id}: ${code} ${words}`,
    });
    if (!consent) return refused('AM-00001', 'Consent not found');
    const sameFrom = consent.from.toLowerCase() === from.toLowerCase();
    if (!sameFrom || consent.to !== ORGANIZATION_URN_PREFIX + consumer) {
      return refused('AM-00012', 'Consent party mismatch');
    }
    if (consent.status === 'Revoked') return refused('AM-00011', 'Consent is revoked');
    if (consent.status !== 'Accepted') return refused('AM-00014', 'Consent is not accepted');
    if (isExpired(consent, mock.nowMicros())) return refused('AM-00013', 'Consent is expired');
    return {
      detail: {
        type: CONSENT_DETAIL_TYPE,
        id: consent.id,
        from: consent.from,
        to: iso6523(consumer),
        consented: consent.consented,
        validTo: consent.validTo,
        consentRights: consent.consentRights.map((right) => ({
          action: [...right.action],
          resource: right.resource.map(({ type: kind, value }) => ({ type: kind, value })),
          ...(right.metadata ? { metadata: { ...right.metadata } } : {}),
        })),
      },
    };
  };
}

/**
 * The data owner's check of a consent token: Maskinporten's signature and issuer, the scope, and a
 * consent from `party` that is still valid by its own `validTo`.
 */
async function consentFor(request: Request, mock: MockState, party: string) {
  const token = bearerToken(request);
  const payload = token && (await mock.maskinporten.claims(token));
  if (!payload) return empty(401, { 'WWW-Authenticate': 'Bearer' });
  const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ') : [];
  const details = Array.isArray(payload.authorization_details)
    ? (payload.authorization_details as Record<string, unknown>[])
    : [];
  const consent = details.find((detail) => {
    const from = typeof detail.from === 'string' ? parsePartyUrn(detail.from) : undefined;
    const validTo = typeof detail.validTo === 'string' ? Date.parse(detail.validTo) : NaN;
    return (
      detail.type === CONSENT_DETAIL_TYPE &&
      from?.number === party &&
      validTo > mock.nowMicros() / 1000
    );
  });
  if (!scopes.includes(SCOPE_INCOME) || !consent) {
    return json(403, { error: 'A consent token from this party is needed' });
  }
  return consent;
}

/** Made-up, stable incomes: the same party and year give the same amount. */
function income(party: string, year: string): number {
  const digest = createHash('sha256').update(`${party}:${year}`).digest();
  return 350_000 + (digest.readUInt32BE(0) % 650_000);
}

/** `GET /dataowner/income/{party}`: the party's income for each `inntektsaar` the consent names. */
async function incomeRoute(request: Request, { mock, params }: RouteContext): Promise<Response> {
  const party = params.party ?? '';
  const consent = await consentFor(request, mock, party);
  if (consent instanceof Response) return consent;
  const rights = Array.isArray(consent.consentRights)
    ? (consent.consentRights as { metadata?: Record<string, string> }[])
    : [];
  // Each right's first metadata value is its year (`inntektsaar`).
  const firstValues = rights.flatMap((right) => Object.values(right.metadata ?? {}).slice(0, 1));
  const years = [...new Set(firstValues)].filter((year) => /^\d{4}$/.test(year)).sort();
  return json(200, {
    consentId: consent.id,
    incomes: years.map((year) => ({ year, amount: income(party, year), currency: 'NOK' })),
  });
}

/** The data owner: on the mock's origin, not Altinn's, as a tax authority's API would be. */
export const dataOwnerRoutes: RouteTable = {
  base: '/dataowner',
  routes: [route('GET', '/income/{party}', none, incomeRoute)],
};
