/**
 * The keyed hash that stands for a person in the store (never the national identity number itself),
 * and the hash of a request body that an idempotency key is bound to. WebCrypto: any runtime.
 */
const encoder = new TextEncoder();

function hex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** `person` → HMAC-SHA256 under the store's secret, hex. */
export function ownerDigest(secret: string | Uint8Array): (person: string) => Promise<string> {
  const key = crypto.subtle.importKey(
    'raw',
    typeof secret === 'string' ? encoder.encode(secret) : new Uint8Array(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return async (person) => hex(await crypto.subtle.sign('HMAC', await key, encoder.encode(person)));
}

/** JSON with object keys sorted, so one body hashes the same whatever its key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** SHA-256 of a request body (key order ignored), hex: what an idempotency key is bound to. */
export async function bodyDigest(body: unknown): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', encoder.encode(canonicalJson(body))));
}
