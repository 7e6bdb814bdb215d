import { randomBytes } from 'node:crypto';

/**
 * Date-time and id helpers. Altinn keeps times in PostgreSQL (`timestamptz`, microseconds) and
 * returns them in UTC as .NET writes a `DateTimeOffset`: `2026-07-18T06:18:12.25971+00:00`
 * (trailing zeros of the fraction dropped). Times are kept as epoch microseconds here.
 */

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,16}))?)?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

/**
 * Parses an ISO 8601 date-time into epoch microseconds (rounded, as PostgreSQL rounds), or
 * `undefined` when it is not one. Without an offset the time is read as UTC, as Altinn's servers do.
 */
export function parseDateTimeMicros(text: string): number | undefined {
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', , sign, oh, om] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(ms);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return undefined;
  let offsetMinutes = 0;
  if (sign && oh && om) {
    if (Number(oh) > 14 || Number(om) > 59) return undefined;
    offsetMinutes = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  }
  const fractionMicros = fraction ? Math.round(Number(`0.${fraction}`) * 1e6) : 0;
  return (ms - offsetMinutes * 60_000) * 1000 + fractionMicros;
}

/** Formats epoch microseconds as Altinn returns a time: UTC, `+00:00`, fraction without trailing zeros. */
export function formatMicros(micros: number): string {
  const wholeMs = Math.floor(micros / 1_000_000) * 1000;
  const fraction = micros - wholeMs * 1000;
  const base = new Date(wholeMs).toISOString().slice(0, 19);
  const digits = fraction ? `.${String(fraction).padStart(6, '0').replace(/0+$/, '')}` : '';
  return `${base}${digits}+00:00`;
}

export function dateToMicros(date: Date): number {
  return date.getTime() * 1000;
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
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A W3C trace id as .NET's `Activity.Id` writes it: `00-<trace>-<span>-00`. */
export function traceId(): string {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-00`;
}

/** `dd.MM.yyyy HH:mm` in Norwegian time, as Altinn's consent page writes the expiry. */
export function formatOsloDateTime(micros: number): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Oslo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(Math.floor(micros / 1000)));
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}.${part('month')}.${part('year')} ${part('hour')}:${part('minute')}`;
}

/**
 * A time as Altinn 2's API writes it: Norwegian local time without an offset, the fraction of a
 * second without trailing zeros (`2020-08-27T08:51:31.54`, altinn-api.md 3.1). Milliseconds at most.
 */
export function formatAltinn2DateTime(micros: number): string {
  const ms = Math.floor(micros / 1000);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Oslo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  const fraction = String(((ms % 1000) + 1000) % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}${fraction ? `.${fraction}` : ''}`;
}
