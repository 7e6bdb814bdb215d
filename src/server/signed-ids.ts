/**
 * Request ids that carry proof of whose they are. Altinn 3's service owner API says a request's
 * status (`GET /{id}/status`) but not who made it, so the backend hands the browser
 * `<altinn id>.<HMAC of person and id>` and reads only ids whose HMAC matches the signed-in person.
 * Stateless: any instance with the same secret can check them. WebCrypto works in every runtime.
 */
const encoder = new TextEncoder();

function base64url(bytes: ArrayBuffer): string {
  let binary = '';
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> | undefined {
  // A length of 1 mod 4 is no base64 at all (atob would throw).
  if (!/^[A-Za-z0-9_-]+$/.test(text) || text.length % 4 === 1) return undefined;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

export class SignedIds {
  readonly #key: Promise<CryptoKey>;

  constructor(secret: string) {
    if (secret.length < 32) throw new TypeError('access.secret must be at least 32 characters.');
    this.#key = crypto.subtle.importKey(
      'raw',
      encoder.encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
  }

  /** `id`, signed for `owner`. */
  async sign(id: string, owner: string): Promise<string> {
    const mac = await crypto.subtle.sign(
      'HMAC',
      await this.#key,
      encoder.encode(`${owner}\n${id}`),
    );
    return `${id}.${base64url(mac)}`;
  }

  /** The Altinn id inside `signed`, if it was signed for `owner`; else `undefined`. */
  async verify(signed: string, owner: string): Promise<string | undefined> {
    const dot = signed.lastIndexOf('.');
    if (dot <= 0) return undefined;
    const id = signed.slice(0, dot);
    const mac = fromBase64url(signed.slice(dot + 1));
    if (!mac) return undefined;
    // verify() compares in constant time.
    const valid = await crypto.subtle.verify(
      'HMAC',
      await this.#key,
      mac,
      encoder.encode(`${owner}\n${id}`),
    );
    return valid ? id : undefined;
  }
}
