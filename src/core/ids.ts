const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID in its canonical 8-4-4-4-12 form (any version, as Altinn accepts any). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * A new random (version 4) UUID for a request id. `crypto.randomUUID` exists only in secure contexts,
 * so a page served over plain http on a LAN address falls back to `getRandomValues`.
 */
export function newRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Outside a secure context: random hex digits, with version 4 and the RFC 4122 variant (the `8`).
  const random = crypto.getRandomValues(new Uint8Array(31));
  let at = 0;
  return '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (digit) =>
    (Number(digit) ^ ((random[at++] ?? 0) & (15 >> (Number(digit) / 4)))).toString(16),
  );
}
