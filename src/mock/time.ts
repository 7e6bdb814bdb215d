/**
 * Date-times. Altinn keeps times in PostgreSQL (`timestamptz`, microseconds) and returns them in
 * UTC as .NET writes a `DateTimeOffset`: `2026-07-18T06:18:12.25971+00:00` (trailing zeros of the
 * fraction dropped). Times are kept as epoch microseconds here.
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
  const [year, month, day] = [Number(y), Number(mo), Number(d)];
  const [hour, minute, second] = [Number(h), Number(mi), Number(s)];
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

/** Formats epoch microseconds as Altinn 3 returns a time: UTC, `+00:00`, fraction without trailing zeros. */
export function formatMicros(micros: number): string {
  const wholeMs = Math.floor(micros / 1_000_000) * 1000;
  const fraction = micros - wholeMs * 1000;
  const base = new Date(wholeMs).toISOString().slice(0, 19);
  const digits = fraction ? `.${String(fraction).padStart(6, '0').replace(/0+$/, '')}` : '';
  return `${base}${digits}+00:00`;
}

const TWO_DIGITS = ['month', 'day', 'hour', 'minute', 'second'].map((part) => [part, '2-digit']);
const OSLO = new Intl.DateTimeFormat('en-GB', {
  ...(Object.fromEntries(TWO_DIGITS) as Intl.DateTimeFormatOptions),
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  hourCycle: 'h23',
});

/** The parts of a time in Norwegian time, by name (`year`, `month`, …, `second`). */
function osloParts(ms: number): Record<string, string> {
  return Object.fromEntries(OSLO.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
}

/** `dd.MM.yyyy HH:mm` in Norwegian time, as Altinn's consent page writes the expiry. */
export function formatOsloDateTime(micros: number): string {
  const p = osloParts(Math.floor(micros / 1000));
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`;
}

/**
 * A time as Altinn 2's API writes it: Norwegian local time without an offset, the fraction of a
 * second without trailing zeros (`2020-08-27T08:51:31.54`, altinn-api.md 3.1). Milliseconds at most.
 */
export function formatAltinn2DateTime(micros: number): string {
  const ms = Math.floor(micros / 1000);
  const p = osloParts(ms);
  const fraction = String(((ms % 1000) + 1000) % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${fraction ? `.${fraction}` : ''}`;
}
