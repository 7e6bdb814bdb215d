import { randomUUID } from 'node:crypto';
import {
  SignJWT,
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  type CryptoKey,
  type JWK,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { none } from './auth.js';
import { consentLookup } from './consent-token.js';
import { json, mediaType } from './http.js';
import { route, type Caller, type RouteTable } from './routes.js';
import type { MockClient } from './types.js';

/**
 * The mock Maskinporten: `POST /maskinporten/token` takes a JWT grant (RFC 7523) and answers with a
 * self-contained access token signed by the mock's own key, carrying the client's organisation as
 * `consumer`, as Maskinporten does (altinn-api.md 1 and 2.1; Digdir's docs on the JWT grant).
 * A grant with `consumer_org` acts for another organisation (altinn-api.md 2.9, "on behalf of"):
 * that one becomes `consumer`, and the client's own organisation `supplier`.
 */

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** Maskinporten documents RS256/384/512; EC keys are accepted too so tests can use small keys. */
const GRANT_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'];
/** Maskinporten allows grants with `iat` at most 10 s off its clock. */
const CLOCK_SKEW_SECONDS = 10;
const MAX_GRANT_LIFETIME_SECONDS = 120;
const ACCESS_TOKEN_LIFETIME_SECONDS = 120;

type OAuthErrorCode =
  | `invalid_${'request' | 'grant' | 'client' | 'scope' | 'authorization_details'}`
  | 'unsupported_grant_type';

/**
 * Maskinporten's consent lookup in Altinn (altinn-api.md 2.9): the filled-in detail of the token for
 * one `authorization_details` item, or why there is none (Altinn's code and words).
 */
export type ConsentLookup = (
  detail: unknown,
  consumer: string,
) => { detail: Record<string, unknown> } | { refused: string };

class OAuthError extends Error {
  constructor(
    readonly error: OAuthErrorCode,
    readonly description: string,
  ) {
    super(description);
  }
}

function refuse(error: OAuthErrorCode, description: string): never {
  throw new OAuthError(error, description);
}

function badGrant(description: string): never {
  return refuse('invalid_grant', description);
}

/** Checks a client and copies the public members of its key, refusing private or other keys. */
function publicJwkOf(client: MockClient): JWK {
  const { clientId, publicJwk: jwk } = client;
  const fail = (what: string): never => {
    throw new TypeError(clientId ? `Client ${clientId}: ${what}` : 'A client needs a clientId');
  };
  if (!clientId) fail('');
  if (!/^\d{9}$/.test(client.orgNumber)) fail('orgNumber must be 9 digits');
  if (!Array.isArray(client.scopes)) fail('scopes must be an array');
  if (typeof jwk.kid !== 'string' || jwk.kid === '') fail('publicJwk needs a kid');
  if (jwk.d !== undefined) fail('publicJwk holds a private key; pass the public key only');
  const common = { kid: jwk.kid, ...(jwk.alg ? { alg: jwk.alg } : {}) };
  if (jwk.kty === 'RSA' && jwk.n && jwk.e) return { kty: 'RSA', n: jwk.n, e: jwk.e, ...common };
  if (jwk.kty === 'EC' && jwk.crv && jwk.x && jwk.y) {
    return { kty: 'EC', crv: jwk.crv, x: jwk.x, y: jwk.y, ...common };
  }
  return fail('publicJwk must be an RSA or EC public key');
}

export function iso6523(orgNumber: string): { authority: string; ID: string } {
  return { authority: 'iso6523-actorid-upis', ID: `0192:${orgNumber}` };
}

export class MockMaskinporten {
  private readonly clients = new Map<string, { client: MockClient; keySet: JWTVerifyGetKey }>();
  /** Grant ids already used, with the grant's `exp` (seconds), so a grant cannot be replayed. */
  private readonly usedGrantIds = new Map<string, number>();

  private constructor(
    /** `<base>/maskinporten/`: the issuer of access tokens and the `aud` grants must name. */
    readonly issuer: string,
    private readonly signingKey: CryptoKey,
    private readonly verificationKey: CryptoKey,
    readonly publicJwk: JWK,
  ) {}

  static async create(baseUrl: string): Promise<MockMaskinporten> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = `mock-altinn-${randomUUID()}`;
    const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
    return new MockMaskinporten(`${baseUrl}/maskinporten/`, privateKey, publicKey, publicJwk);
  }

  get tokenEndpoint(): string {
    return `${this.issuer}token`;
  }

  registerClient(client: MockClient): void {
    const keySet = createLocalJWKSet({ keys: [publicJwkOf(client)] });
    const copy = { ...client, scopes: [...client.scopes] };
    this.clients.set(client.clientId, { client: copy, keySet });
  }

  reset(): void {
    this.usedGrantIds.clear();
  }

  /** `POST /maskinporten/token`: an access token, or an OAuth error (400). */
  async token(request: Request, consents?: ConsentLookup): Promise<Response> {
    const noStore = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };
    try {
      return json(200, await this.issue(request, consents), noStore);
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      return json(400, { error: error.error, error_description: error.description }, noStore);
    }
  }

  /** The claims of an access token of ours (signature and issuer checked), else `undefined`. */
  async claims(token: string): Promise<JWTPayload | undefined> {
    const options = { issuer: this.issuer, algorithms: ['RS256'] };
    return jwtVerify(token, this.verificationKey, options).then(
      (verified) => verified.payload,
      () => undefined,
    );
  }

  /** Checks an access token an API received; `undefined` when it is not a valid one of ours. */
  async verifyAccessToken(token: string): Promise<Caller | undefined> {
    const payload = await this.claims(token);
    const orgOf = (claim: unknown): string | undefined => {
      const id = (claim as { ID?: unknown } | undefined)?.ID;
      return typeof id === 'string' ? /^0192:(\d{9})$/.exec(id)?.[1] : undefined;
    };
    const orgNumber = orgOf(payload?.consumer);
    if (!payload || !orgNumber || typeof payload.scope !== 'string') return undefined;
    return {
      clientId: typeof payload.client_id === 'string' ? payload.client_id : '',
      orgNumber,
      supplier: orgOf(payload.supplier),
      scopes: payload.scope.split(' ').filter(Boolean),
    };
  }

  private async issue(
    request: Request,
    consents?: ConsentLookup,
  ): Promise<Record<string, unknown>> {
    if (mediaType(request) !== 'application/x-www-form-urlencoded') {
      refuse('invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
    }
    const form = new URLSearchParams(await request.text());
    const grantType = form.get('grant_type');
    const assertion = form.get('assertion');
    if (!grantType) refuse('invalid_request', 'grant_type is missing');
    if (grantType !== JWT_BEARER) refuse('unsupported_grant_type', `Not ${JWT_BEARER}`);
    if (!assertion) refuse('invalid_request', 'assertion is missing');

    const { client, claims } = await this.verifyGrant(assertion);
    const scope = this.grantedScopes(client, claims).join(' ');
    const consumer = this.consumerOf(client, claims.consumer_org);
    const details = this.consentDetails(claims.authorization_details, consumer, consents);
    // The audience is the grant's `resource` (one or more URLs), as Maskinporten sets it.
    const { resource } = claims;
    const named = resource !== undefined && [resource].flat().every((r) => typeof r === 'string');
    const audience = named ? (resource as string | string[]) : 'unspecified';
    const now = Math.floor(Date.now() / 1000);
    const accessToken = await new SignJWT({
      scope,
      client_amr: 'private_key_jwt',
      token_type: 'Bearer',
      client_id: client.clientId,
      consumer: iso6523(consumer),
      ...(consumer === client.orgNumber
        ? {}
        : { supplier: iso6523(client.orgNumber), delegation_source: 'https://www.altinn.no' }),
      ...(details ? { authorization_details: details } : {}),
    })
      .setProtectedHeader({ alg: 'RS256', kid: this.publicJwk.kid ?? '' })
      .setIssuer(this.issuer)
      .setAudience(audience)
      .setIssuedAt(now)
      .setExpirationTime(now + ACCESS_TOKEN_LIFETIME_SECONDS)
      .setJti(randomUUID())
      .sign(this.signingKey);
    const expiresIn = ACCESS_TOKEN_LIFETIME_SECONDS;
    return { access_token: accessToken, token_type: 'Bearer', expires_in: expiresIn, scope };
  }

  private async verifyGrant(
    assertion: string,
  ): Promise<{ client: MockClient; claims: JWTPayload }> {
    let header: { alg?: string; kid?: string };
    let unverified: JWTPayload;
    try {
      header = decodeProtectedHeader(assertion);
      unverified = decodeJwt(assertion);
    } catch {
      return badGrant('The assertion is not a signed JWT');
    }
    const { alg, kid } = header;
    if (!alg || !GRANT_ALGORITHMS.includes(alg)) badGrant(`Unsupported algorithm: ${String(alg)}`);
    const iss = unverified.iss;
    if (typeof iss !== 'string' || iss === '') badGrant('iss (the client id) is missing');
    const registered = this.clients.get(iss) ?? refuse('invalid_client', `Unknown client: ${iss}`);
    if (!kid) badGrant('kid is missing from the header (x5c certificates are not mocked)');
    if (kid !== registered.client.publicJwk.kid) badGrant(`Unknown kid for ${iss}: ${kid}`);

    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(assertion, registered.keySet, {
        algorithms: GRANT_ALGORITHMS,
        audience: [this.issuer, this.issuer.replace(/\/$/, '')],
        clockTolerance: CLOCK_SKEW_SECONDS,
        requiredClaims: ['iat', 'exp', 'jti'],
      }));
    } catch (error) {
      return badGrant(this.describeGrantError(error));
    }
    const now = Math.floor(Date.now() / 1000);
    const [iat, exp] = [claims.iat ?? 0, claims.exp ?? 0];
    if (iat > now + CLOCK_SKEW_SECONDS) badGrant('iat is in the future (over 10 s clock skew)');
    if (exp <= iat || exp - iat > MAX_GRANT_LIFETIME_SECONDS) {
      badGrant(`exp must be after iat and at most ${MAX_GRANT_LIFETIME_SECONDS} s later`);
    }
    const jti = claims.jti;
    if (typeof jti !== 'string' || jti === '') badGrant('jti is missing');
    for (const [usedId, usedExp] of this.usedGrantIds) {
      if (usedExp + CLOCK_SKEW_SECONDS < now) this.usedGrantIds.delete(usedId);
    }
    if (this.usedGrantIds.has(jti)) badGrant('The assertion has already been used (jti)');
    this.usedGrantIds.set(jti, exp);
    return { client: registered.client, claims };
  }

  /**
   * A consent token's `authorization_details`: each `urn:altinn:consent` item filled in from
   * Altinn's consent store, or the grant is refused (`invalid_authorization_details` with Altinn's
   * code: RFC 9396's error; what Maskinporten puts in `error_description` is inferred). [I]
   */
  private consentDetails(
    requested: unknown,
    consumer: string,
    consents: ConsentLookup | undefined,
  ): Record<string, unknown>[] | undefined {
    if (requested === undefined) return undefined;
    if (!Array.isArray(requested) || requested.length === 0 || !consents) {
      refuse('invalid_authorization_details', 'authorization_details must be a non-empty array');
    }
    return requested.map((detail) => {
      const found = consents(detail, consumer);
      if ('refused' in found) refuse('invalid_authorization_details', found.refused);
      return found.detail;
    });
  }

  private grantedScopes(client: MockClient, claims: JWTPayload): string[] {
    if (typeof claims.scope !== 'string' || claims.scope.trim() === '') {
      refuse('invalid_scope', 'scope is missing');
    }
    const requested = claims.scope.split(/\s+/).filter(Boolean);
    const refused = requested.filter((scope) => !client.scopes.includes(scope));
    if (refused.length > 0) refuse('invalid_scope', `Scope not allowed: ${refused.join(' ')}`);
    return requested;
  }

  /**
   * The organisation the token is for: the client's own, or `consumer_org` when the client may act
   * for it (`MockClient.consumerOrgs`; Maskinporten asks Altinn's "API-delegering"). [I: error code]
   */
  private consumerOf(client: MockClient, consumerOrg: unknown): string {
    if (consumerOrg === undefined) return client.orgNumber;
    if (typeof consumerOrg !== 'string' || !/^\d{9}$/.test(consumerOrg)) {
      refuse('invalid_request', 'consumer_org must be an organisation number');
    }
    if (client.consumerOrgs && !client.consumerOrgs.includes(consumerOrg)) {
      badGrant(`${consumerOrg} has not delegated the scopes to ${client.clientId}`);
    }
    return consumerOrg;
  }

  private describeGrantError(error: unknown): string {
    if (error instanceof errors.JWSSignatureVerificationFailed) return 'Invalid signature';
    if (error instanceof errors.JWTExpired) return 'The assertion has expired (exp)';
    if (error instanceof errors.JWTClaimValidationFailed) {
      if (error.claim === 'aud') return `Invalid audience: expected ${this.issuer}`;
      return `Invalid claim ${error.claim}: ${error.reason}`;
    }
    if (error instanceof errors.JOSEAlgNotAllowed) return 'Unsupported signing algorithm';
    return error instanceof Error ? `Invalid assertion: ${error.message}` : 'Invalid assertion';
  }
}

/** Maskinporten's routes: the token endpoint, its metadata and the key that signs access tokens. */
export const maskinportenRoutes: RouteTable = {
  base: '/maskinporten',
  routes: [
    route(
      'POST',
      '/token',
      none,
      (request, { mock }) => mock.maskinporten.token(request, consentLookup(mock)),
      'tokenRequests',
    ),
    route('GET', '/.well-known/oauth-authorization-server', none, (_, { mock }) =>
      json(200, {
        issuer: mock.maskinporten.issuer,
        token_endpoint: mock.maskinporten.tokenEndpoint,
        jwks_uri: `${mock.maskinporten.issuer}jwk`,
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
        grant_types_supported: [JWT_BEARER],
        token_endpoint_auth_signing_alg_values_supported: GRANT_ALGORITHMS,
      }),
    ),
    route('GET', '/jwk', none, (_, { mock }) => json(200, { keys: [mock.maskinporten.publicJwk] })),
  ],
};
