import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { bool, timestamp } from "./columns";

/**
 * One row per code, fan and day (in the account's time zone) on which the fan
 * scanned the code. `prevDay` / `prevFollowDay` chain a fan's days so that
 * "distinct fans in a date range" becomes a sum over `qrcode_day_cohorts`:
 * a fan is counted on the first day in the range, the one whose previous
 * day lies before the range. See src/stats/README.md for the definitions.
 */
export const qrcodeFanDays = sqliteTable(
  "qrcode_fan_days",
  {
    qrcodeId: text("qrcode_id").notNull(),
    fanId: text("fan_id").notNull(),
    /** YYYY-MM-DD in the account's time zone at the time of recording. */
    day: text("day").notNull(),
    accountId: text("account_id").notNull(),
    firstScanAt: timestamp("first_scan_at").notNull(),
    scans: integer("scans").notNull().default(0),
    /** The fan's previous scan day of this code; "" when this is the first. */
    prevDay: text("prev_day").notNull().default(""),
    /** The fan unfollowed the account after `firstScanAt`. */
    scanGone: bool("scan_gone").notNull().default(false),
    /** First follow through this code on this day; null when the fan did not follow here that day. */
    followedAt: timestamp("followed_at"),
    /** The previous day the fan followed through this code; "" when none. Set with followedAt. */
    prevFollowDay: text("prev_follow_day"),
    /** The fan unfollowed the account after `followedAt`. */
    followGone: bool("follow_gone").notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.qrcodeId, t.fanId, t.day] }),
    index("qrcode_fan_days_code_day_idx").on(t.qrcodeId, t.day, t.fanId),
    index("qrcode_fan_days_fan_idx").on(t.fanId),
  ],
);
