/**
 * Calendar days in an IANA time zone, computed with Intl so daylight saving
 * and historical offsets are right for any zone (no fixed offsets). Days are
 * labels "YYYY-MM-DD", which sort and compare as strings.
 */

// Deliberate isolate cache: building a DateTimeFormat costs far more than
// using one, and a formatter holds no request state.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

type WallClock = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
};

function wallClock(ms: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(ms)) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The day label of an instant in the zone. */
export function dayInZone(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** Milliseconds to add to UTC to get the zone's wall clock at this instant. */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

function parseDay(day: string): [number, number, number] {
  const [y, m, d] = day.split("-").map(Number);
  return [y ?? 1970, m ?? 1, d ?? 1];
}

/**
 * The first instant of a day in the zone. Usually local midnight; in a zone
 * whose daylight-saving jump skips midnight, the instant the day begins.
 */
export function zonedDayStart(day: string, timeZone: string): number {
  const [y, m, d] = parseDay(day);
  const wall = Date.UTC(y, m - 1, d);
  let t = wall - offsetAt(wall, timeZone);
  t = wall - offsetAt(t, timeZone);
  if (dayInZone(t, timeZone) === day) {
    // Midnight may exist twice or the guess may sit an hour late; step back while still this day.
    while (dayInZone(t - 60_000, timeZone) === day) t -= 60_000;
    return t;
  }
  // Midnight was skipped: the day starts at the first minute that carries its label.
  while (dayInZone(t, timeZone) < day) t += 60_000;
  return t;
}

/** The day label n days after `day` (n may be negative). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = parseDay(day);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Every day label from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) out.push(day);
  return out;
}

/**
 * A range of days in a zone as instants: `from` at the start of its first day,
 * `to` at the start of the day after its last, so the last day is included.
 */
export function zonedRangeBounds(
  range: { from?: string | undefined; to?: string | undefined },
  timeZone: string,
): { from?: number; to?: number } {
  return {
    ...(range.from ? { from: zonedDayStart(range.from, timeZone) } : {}),
    ...(range.to ? { to: zonedDayStart(addDays(range.to, 1), timeZone) } : {}),
  };
}
