/**
 * Maskinporten access tokens by the JWT-bearer grant: the client signs a short-lived grant with its
 * own key, Maskinporten answers with an access token for the scopes asked. Tokens are cached until
 * shortly before they expire, and concurrent callers share one request.
 */
import { importJWK, importPKCS8, SignJWT, type CryptoKey, type JWK, type KeyObject } from 'jose';

/** Gives an access token for the scopes asked (e.g. `altinn:consentrequests.write`). */
export interface TokenSource {
  getToken(scopes: readonly string[]): Promise<string>;
}

/** Maskinporten's issuers; the issuer is also the grant's audience. */
export const MASKINPORTEN_ISSUERS = {
  test: 'https://test.maskinporten.no/',
  prod: 'https://maskinporten.no/',
} as const;

export interface MaskinportenOptions {
  /** `test`, `prod`, or an issuer URL (a local mock). The token endpoint is `<issuer>token`. */
  environment: keyof typeof MASKINPORTEN_ISSUERS | { issuer: string; tokenEndpoint?: string };
  /** The integration's client id in Maskinporten (the grant's `iss`). */
  clientId: string;
  /** The private key registered for the integration: a JWK, a PKCS #8 PEM string, or a key object. */
  privateKey: JWK | string | CryptoKey | KeyObject;
  /** The key id (`kid`) Maskinporten knows the key by; default: the JWK's own `kid`. */
  keyId?: string;
  /** Signing algorithm; default RS256 (EC keys: ES256). */
  algorithm?: string;
  /** Acting for another organisation that delegated the scopes to this one (`consumer_org`). */
  consumerOrg?: string;
  /** Seconds before expiry at which a cached token is replaced. Default 30. */
  refreshMarginSeconds?: number;
  /** `fetch` for the token endpoint. Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Milliseconds before the token request fails. Default 10000. */
  timeout?: number;
  /** The clock, for tests. */
  now?: () => number;
}

/** A failed token request; `status` and `error` are Maskinporten's. The grant is never included. */
export class MaskinportenError extends Error {
  override readonly name: string = 'MaskinportenError';
  constructor(
    message: string,
    readonly status?: number,
    readonly error?: string,
  ) {
    super(message);
  }
}

interface CachedToken {
  token: string;
  expiresAt: number;
}

async function signingKey(options: MaskinportenOptions): Promise<{
  key: CryptoKey | KeyObject | Uint8Array;
  algorithm: string;
  keyId: string | undefined;
}> {
  const { privateKey } = options;
  if (typeof privateKey === 'string') {
    const algorithm = options.algorithm ?? 'RS256';
    return { key: await importPKCS8(privateKey, algorithm), algorithm, keyId: options.keyId };
  }
  if (isJwk(privateKey)) {
    const jwk = privateKey;
    const algorithm = options.algorithm ?? jwk.alg ?? (jwk.kty === 'EC' ? 'ES256' : 'RS256');
    return { key: await importJWK(jwk, algorithm), algorithm, keyId: options.keyId ?? jwk.kid };
  }
  return { key: privateKey, algorithm: options.algorithm ?? 'RS256', keyId: options.keyId };
}

function isJwk(key: JWK | CryptoKey | KeyObject): key is JWK {
  return typeof (key as JWK).kty === 'string';
}

/** Asks Maskinporten for tokens with a signed grant: the part both token sources share. */
function grantRequester(options: MaskinportenOptions) {
  const issuer =
    typeof options.environment === 'string'
      ? MASKINPORTEN_ISSUERS[options.environment]
      : options.environment.issuer;
  if (!issuer)
    throw new TypeError(`Unknown Maskinporten environment ${String(options.environment)}.`);
  const tokenEndpoint =
    typeof options.environment === 'object' && options.environment.tokenEndpoint
      ? options.environment.tokenEndpoint
      : new URL('token', issuer.endsWith('/') ? issuer : `${issuer}/`).href;
  const now = options.now ?? Date.now;
  const key = signingKey(options);

  /** A token for `scope`, with `claims` added to the grant; a refusal is Maskinporten's answer. */
  async function request(
    scope: string,
    claims: Record<string, unknown>,
  ): Promise<CachedToken | { refusal: MaskinportenError; description: string }> {
    const { key: signWith, algorithm, keyId } = await key;
    const issuedAt = Math.floor(now() / 1000);
    const consumerOrg = options.consumerOrg ? { consumer_org: options.consumerOrg } : {};
    const grant = await new SignJWT({ scope, ...consumerOrg, ...claims })
      .setProtectedHeader(keyId ? { alg: algorithm, kid: keyId } : { alg: algorithm })
      .setIssuer(options.clientId)
      .setAudience(issuer)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + 60)
      .setJti(crypto.randomUUID())
      .sign(signWith);

    const fetchImpl = options.fetch ?? globalThis.fetch;
    let response: Response;
    try {
      response = await fetchImpl(tokenEndpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({
          grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
          assertion: grant,
        }),
        signal: AbortSignal.timeout(options.timeout ?? 10_000),
      });
    } catch (error) {
      throw new MaskinportenError(
        `Maskinporten could not be reached at ${tokenEndpoint}: ${String(error)}`,
      );
    }
    const text = await response.text();
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // Described below from the status alone.
    }
    if (!response.ok || typeof body.access_token !== 'string') {
      const error = typeof body.error === 'string' ? body.error : undefined;
      const description = typeof body.error_description === 'string' ? body.error_description : '';
      return {
        refusal: new MaskinportenError(
          `Maskinporten refused the token request (${response.status}${error ? ` ${error}` : ''}${description ? `: ${description}` : ''}).`,
          response.status,
          error,
        ),
        description,
      };
    }
    const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : 120;
    return { token: body.access_token, expiresAt: now() + expiresIn * 1000 };
  }

  return { request, now };
}

/**
 * Tokens by key, kept until `margin` before they expire; a caller that arrives while a token is
 * being fetched waits for the same request. A failure is not kept: the next caller tries again.
 */
function tokenCache(now: () => number, margin: number) {
  const cache = new Map<string, CachedToken>();
  const inFlight = new Map<string, Promise<CachedToken>>();
  return async (key: string, fetchToken: () => Promise<CachedToken>): Promise<string> => {
    const cached = cache.get(key);
    if (cached && cached.expiresAt - margin > now()) return cached.token;
    let pending = inFlight.get(key);
    if (!pending) {
      pending = fetchToken().then(
        (fresh) => {
          cache.set(key, fresh);
          inFlight.delete(key);
          return fresh;
        },
        (error: unknown) => {
          inFlight.delete(key);
          throw error;
        },
      );
      inFlight.set(key, pending);
    }
    return (await pending).token;
  };
}

/**
 * A {@link TokenSource} that asks Maskinporten. One token is kept per set of scopes; a caller that
 * arrives while that token is being fetched waits for the same request.
 */
export function maskinportenTokenSource(options: MaskinportenOptions): TokenSource {
  const { request, now } = grantRequester(options);
  const cached = tokenCache(now, (options.refreshMarginSeconds ?? 30) * 1000);
  return {
    getToken(scopes) {
      const scope = [...new Set(scopes)].sort().join(' ');
      return cached(scope, async () => {
        const answer = await request(scope, {});
        if ('refusal' in answer) throw answer.refusal;
        return answer;
      });
    },
  };
}

/** Which consent a consent token is for: its id, and who gave it. */
export interface ConsentReference {
  /** The consent request's id. */
  consentId: string;
  /**
   * Who consented: a national identity number (11 digits), an organisation number (9 digits), or
   * their URN (`urn:altinn:person:identifier-no:…`, `urn:altinn:organization:identifier-no:…`).
   */
  from: string;
  /**
   * Who received the consent (its `to`: 9 digits or the URN), when that is not this client's own
   * organisation: the grant then names it as `consumer_org`, and Maskinporten gives a token whose
   * `consumer` is that organisation and whose `supplier` is this client's. For an operator acting
   * for several organisations, or a resource owner that asked with `altinn:consentrequests.org`
   * on behalf of others; the organisation must have delegated the data owner's scopes to this one
   * in Altinn (altinn-api.md §2.9). Default: `consumerOrg`, else this client's own organisation.
   */
  to?: string;
}

export interface ConsentTokenOptions extends MaskinportenOptions {
  /** The data owner's scopes the token is for (from the data owner's documentation). */
  scopes: readonly string[];
}

/** Why Maskinporten gave no consent token. */
export type ConsentTokenFailure =
  'not-accepted' | 'revoked' | 'expired' | 'party-mismatch' | 'not-found' | 'refused';

/** Maskinporten gave no consent token; `reason` says why, from Altinn's code in its answer. */
export class ConsentTokenError extends MaskinportenError {
  override readonly name = 'ConsentTokenError';
  constructor(
    message: string,
    readonly reason: ConsentTokenFailure,
    status?: number,
    error?: string,
  ) {
    super(message, status, error);
  }
}

/**
 * Altinn's codes that Maskinporten passes on when its consent lookup fails (altinn-api.md §2.9).
 * That Maskinporten names the code in `error_description` is inferred; the words are a fallback,
 * read only when the error is the consent's (`invalid_authorization_details`): "expired" or "not
 * found" in another error is about the grant or the client.
 */
const CONSENT_FAILURES: readonly [string, RegExp, ConsentTokenFailure][] = [
  ['AM-00014', /not accepted/i, 'not-accepted'],
  ['AM-00011', /revoked/i, 'revoked'],
  ['AM-00013', /expired/i, 'expired'],
  ['AM-00012', /mismatch/i, 'party-mismatch'],
  ['AM-00001', /not found/i, 'not-found'],
];

/** Why Maskinporten refused a consent token, from its `error` and `error_description`. */
function consentFailure(error: string | undefined, description: string): ConsentTokenFailure {
  const consents = error === 'invalid_authorization_details';
  const found = CONSENT_FAILURES.find(
    ([code, words]) => description.includes(code) || (consents && words.test(description)),
  );
  return found?.[2] ?? 'refused';
}

const CONSENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The organisation number of `to`. */
function receivingOrganization(to: string): string {
  const number = /^(?:urn:altinn:organization:identifier-no:)?(\d{9})$/.exec(to)?.[1];
  if (!number) throw new TypeError('consentToken: to must be 9 digits, or its urn:altinn: URN.');
  return number;
}

/** The party URN of `from`. */
function consentingParty(from: string): string {
  if (/^\d{11}$/.test(from)) return `urn:altinn:person:identifier-no:${from}`;
  if (/^\d{9}$/.test(from)) return `urn:altinn:organization:identifier-no:${from}`;
  if (/^urn:altinn:(person:identifier-no:\d{11}|organization:identifier-no:\d{9})$/.test(from)) {
    return from;
  }
  throw new TypeError('consentToken: from must be 11 or 9 digits, or their urn:altinn: URN.');
}

/**
 * Consent tokens (altinn-api.md §2.9): a Maskinporten token whose grant names an accepted consent
 * in `authorization_details`, for the data owner's `scopes`. The data owner checks the consent in
 * the token without asking Altinn. A token is kept per consent until shortly before it expires
 * (Maskinporten's tokens live minutes, so a revocation is felt within that time), and concurrent
 * callers for one consent share one request. A consent that is not accepted, revoked or expired
 * fails with a {@link ConsentTokenError} that says so.
 *
 * @example
 * const incomeToken = consentToken({ ...maskinporten, scopes: ['skatteetaten:inntekt'] });
 * const token = await incomeToken({ consentId, from: person }); // after the person accepted
 */
export function consentToken(
  options: ConsentTokenOptions,
): (consent: ConsentReference) => Promise<string> {
  const { request, now } = grantRequester(options);
  const cached = tokenCache(now, (options.refreshMarginSeconds ?? 30) * 1000);
  const scope = [...new Set(options.scopes)].sort().join(' ');
  if (!scope) throw new TypeError('consentToken needs the data owner’s scopes.');
  return (consent) => {
    if (!CONSENT_ID.test(consent.consentId)) {
      return Promise.reject(new TypeError('consentToken: consentId must be a UUID.'));
    }
    let from: string;
    let to: string | undefined;
    try {
      from = consentingParty(consent.from);
      to = consent.to === undefined ? undefined : receivingOrganization(consent.to);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    const id = consent.consentId.toLowerCase();
    return cached(`${id} ${from} ${to ?? ''}`, async () => {
      const answer = await request(scope, {
        ...(to ? { consumer_org: to } : {}),
        authorization_details: [{ type: 'urn:altinn:consent', id, from }],
      });
      if (!('refusal' in answer)) return answer;
      const { refusal, description } = answer;
      const reason = consentFailure(refusal.error, description);
      throw new ConsentTokenError(refusal.message, reason, refusal.status, refusal.error);
    });
  };
}
