/**
 * Numbers and times as an operator reads them: in the console's language and
 * in the account's time zone (Asia/Shanghai unless the account says otherwise),
 * never the browser's, so a day on the chart is the day the server counted.
 */
export type Formatter = {
  locale: string;
  timeZone: string;
  number: (n: number) => string;
  percent: (ratio: number) => string;
  date: (ms: number) => string;
  dateTime: (ms: number) => string;
  time: (ms: number) => string;
  /** "in 3 days", "2 hours ago". */
  relative: (ms: number, now?: number) => string;
  /** The calendar day `YYYY-MM-DD` of an instant in the time zone. */
  dayKey: (ms: number) => string;
  /** A `YYYY-MM-DD` day as a short label ("3月5日", "Mar 5"). */
  shortDay: (day: string) => string;
  bytes: (n: number) => string;
};

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

export function createFormatter(locale: string, timeZone: string): Formatter {
  const num = new Intl.NumberFormat(locale);
  const pct = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(locale, {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  const dateTime = new Intl.DateTimeFormat(locale, {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const time = new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  });
  const dayKey = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  const shortDay = new Intl.DateTimeFormat(locale, {
    timeZone: "UTC",
    month: "short",
    day: "numeric",
  });
  const rel = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });

  return {
    locale,
    timeZone,
    number: (n) => num.format(n),
    percent: (r) => pct.format(r),
    date: (ms) => date.format(ms),
    dateTime: (ms) => dateTime.format(ms),
    time: (ms) => time.format(ms),
    relative: (ms, now = Date.now()) => {
      const diff = ms - now;
      for (const [unit, size] of UNITS) {
        if (Math.abs(diff) >= size) return rel.format(Math.round(diff / size), unit);
      }
      return rel.format(Math.round(diff / 1000), "second");
    },
    dayKey: (ms) => dayKey.format(ms),
    shortDay: (day) => shortDay.format(new Date(`${day}T00:00:00Z`)),
    bytes: (n) => {
      if (n < 1024) return `${num.format(n)} B`;
      if (n < 1024 * 1024) return `${num.format(Math.round(n / 102.4) / 10)} KB`;
      return `${num.format(Math.round(n / 104857.6) / 10)} MB`;
    },
  };
}
