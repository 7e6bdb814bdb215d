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
  override readonly name = 'MaskinportenError';
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

/**
 * A {@link TokenSource} that asks Maskinporten. One token is kept per set of scopes; a caller that
 * arrives while that token is being fetched waits for the same request.
 */
export function maskinportenTokenSource(options: MaskinportenOptions): TokenSource {
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
  const margin = (options.refreshMarginSeconds ?? 30) * 1000;
  const key = signingKey(options);
  const cache = new Map<string, CachedToken>();
  const inFlight = new Map<string, Promise<CachedToken>>();

  async function fetchToken(scope: string): Promise<CachedToken> {
    const { key: signWith, algorithm, keyId } = await key;
    const issuedAt = Math.floor(now() / 1000);
    const claims: Record<string, unknown> = { scope };
    if (options.consumerOrg) claims.consumer_org = options.consumerOrg;
    const grant = await new SignJWT(claims)
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
      throw new MaskinportenError(
        `Maskinporten refused the token request (${response.status}${error ? ` ${error}` : ''}${description ? `: ${description}` : ''}).`,
        response.status,
        error,
      );
    }
    const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : 120;
    return { token: body.access_token, expiresAt: now() + expiresIn * 1000 };
  }

  return {
    async getToken(scopes) {
      const scope = [...new Set(scopes)].sort().join(' ');
      const cached = cache.get(scope);
      if (cached && cached.expiresAt - margin > now()) return cached.token;
      let pending = inFlight.get(scope);
      if (!pending) {
        pending = fetchToken(scope).then(
          (fresh) => {
            cache.set(scope, fresh);
            inFlight.delete(scope);
            return fresh;
          },
          (error: unknown) => {
            // A failure is not cached: the next caller tries again.
            inFlight.delete(scope);
            throw error;
          },
        );
        inFlight.set(scope, pending);
      }
      return (await pending).token;
    },
  };
}
