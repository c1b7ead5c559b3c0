import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { bool, timestamp } from "./columns";

/**
 * What one fan did with one code, kept current on every event so that the
 * numbers of a code never need a pass over its raw scans.
 */
export const qrcodeFans = sqliteTable(
  "qrcode_fans",
  {
    qrcodeId: text("qrcode_id").notNull(),
    fanId: text("fan_id").notNull(),
    accountId: text("account_id").notNull(),
    firstScanAt: timestamp("first_scan_at").notNull(),
    lastScanAt: timestamp("last_scan_at").notNull(),
    scanCount: integer("scan_count").notNull().default(0),
    /** The fan followed by scanning this code (a new follower of it). */
    isNewFollower: bool("is_new_follower").notNull().default(false),
    /** The latest follow through this code. */
    followedAt: timestamp("followed_at"),
    /** The latest unfollow of the account after the fan's first scan of this code. */
    unfollowedAt: timestamp("unfollowed_at"),
  },
  (t) => [
    primaryKey({ columns: [t.qrcodeId, t.fanId] }),
    index("qrcode_fans_code_first_idx").on(t.qrcodeId, t.firstScanAt),
    index("qrcode_fans_code_last_idx").on(t.qrcodeId, t.lastScanAt),
    index("qrcode_fans_fan_idx").on(t.fanId),
    index("qrcode_fans_account_idx").on(t.accountId),
  ],
);
