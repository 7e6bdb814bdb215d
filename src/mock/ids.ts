import { createHash, randomBytes } from 'node:crypto';

/** Every id the mock makes or checks: GUIDs, time-ordered event ids, stable made-up uuids, trace ids. */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is a GUID as .NET's `{id:guid}` route constraint and `Guid` binding read one. */
export function isGuid(value: string): boolean {
  return GUID.test(value);
}

let lastUuidMs = 0;
let uuidSequence = 0;

/** A UUID v7 (time-ordered): event ids sort by creation, as Altinn's do. Monotonic within a millisecond. */
export function uuidv7(ms: number): string {
  if (ms <= lastUuidMs) {
    ms = lastUuidMs;
    uuidSequence = (uuidSequence + 1) & 0xfff;
  } else {
    lastUuidMs = ms;
    uuidSequence = randomBytes(2).readUInt16BE(0) & 0x7ff;
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | ((uuidSequence >> 8) & 0x0f);
  bytes[7] = uuidSequence & 0xff;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  return formatGuid(bytes.toString('hex'));
}

/** A made-up UUID v4 that is always the same for the same kind and value (party and resource ids). */
export function stableUuid(kind: string, value: string): string {
  const hex = createHash('sha256').update(`mock-altinn-${kind}:${value}`).digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return formatGuid(`${hex.slice(0, 12)}4${hex.slice(13, 16)}${variant}${hex.slice(17, 32)}`);
}

function formatGuid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A W3C trace id as .NET's `Activity.Id` writes it: `00-<trace>-<span>-00`. */
export function traceId(): string {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-00`;
}
