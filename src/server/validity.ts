/**
 * The absolute end of a validity given as a date-time or an ISO 8601 duration (`P90D`, `P1Y`,
 * `PT12H`) counted from `now`; months and years are calendar months and years in UTC, staying in
 * the target month (31 January + P1M is the end of February). An invalid date when the result
 * lies beyond any date there is (`P300000Y`).
 */
import { ISO_DURATION } from './schemas.js';

export function resolveValidTo(value: string, now: Date): Date {
  const match = ISO_DURATION.exec(value);
  if (!match) return new Date(value);
  const n = (part: string | undefined): number => (part ? Number.parseFloat(part) : 0);
  const end = new Date(now.getTime());
  const day = end.getUTCDate();
  end.setUTCDate(1);
  end.setUTCFullYear(end.getUTCFullYear() + n(match[1]), end.getUTCMonth() + n(match[2]));
  const daysInMonth = new Date(
    Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0),
  ).getUTCDate();
  end.setUTCDate(Math.min(day, daysInMonth));
  end.setUTCDate(end.getUTCDate() + 7 * n(match[3]) + n(match[4]));
  end.setTime(end.getTime() + ((n(match[6]) * 60 + n(match[7])) * 60 + n(match[8])) * 1000);
  return end;
}
