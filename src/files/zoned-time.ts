/**
 * Wall-clock time of an instant in an IANA time zone, fast enough for a million cells.
 *
 *   zoneOffsetMs(date, timeZone): number          local minus UTC, in ms
 *   excelSerial(date, timeZone): number           days since 1899-12-30, local wall time
 *   formatZoned(date, timeZone, withTime): string "2026-03-01 08:05:09"
 *
 * Intl is slow per call, so the offset is cached per 15 minutes of UTC time: every zone's
 * transitions fall on a quarter hour.
 */

const QUARTER_HOUR = 15 * 60 * 1000;
const DAY = 86_400_000;
/** Excel's day 0 is 1899-12-30 (it counts the fictitious 1900-02-29), 25,569 days before 1970. */
const EXCEL_EPOCH_DAYS = 25_569;

const formatters = new Map<string, Intl.DateTimeFormat>();
// Deliberate isolate cache of offsets; bounded by clearing it when it grows.
const offsets = new Map<string, number>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

// Rows of an export are usually close in time: the last answer is checked first.
let last = { timeZone: "", bucket: Number.NaN, offset: 0 };

export function zoneOffsetMs(date: Date, timeZone: string): number {
  const bucket = Math.floor(date.getTime() / QUARTER_HOUR);
  if (bucket === last.bucket && timeZone === last.timeZone) return last.offset;
  const offset = lookupOffset(bucket, timeZone);
  last = { timeZone, bucket, offset };
  return offset;
}

function lookupOffset(bucket: number, timeZone: string): number {
  const key = `${timeZone}|${bucket}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;

  const at = new Date(bucket * QUARTER_HOUR);
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(at)) parts[p.type] = Number(p.value);
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  const offset = wall - at.getTime();
  if (offsets.size > 10_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

export function excelSerial(date: Date, timeZone: string): number {
  return (date.getTime() + zoneOffsetMs(date, timeZone)) / DAY + EXCEL_EPOCH_DAYS;
}

export function formatZoned(date: Date, timeZone: string, withTime: boolean): string {
  const iso = new Date(date.getTime() + zoneOffsetMs(date, timeZone)).toISOString();
  return withTime ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : iso.slice(0, 10);
}
