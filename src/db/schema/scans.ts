import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { bool, createdAt, timestamp } from "./columns";

export const SCAN_EVENTS = ["subscribe", "SCAN"] as const;

/**
 * One scan event. `qrcodeId` is null when the scene matched no code (kept as
 * an unknown scan). `dedupeKey` makes a retried delivery one scan.
 */
export const scans = sqliteTable(
  "scans",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    accountId: text("account_id").notNull(),
    qrcodeId: text("qrcode_id"),
    scene: text("scene").notNull(),
    fanId: text("fan_id").notNull(),
    event: text("event", { enum: SCAN_EVENTS }).notNull(),
    /** True when this scan was the fan's follow (a subscribe event). */
    isNewFollower: bool("is_new_follower").notNull(),
    occurredAt: timestamp("occurred_at").notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("scans_dedupe_uq").on(t.dedupeKey),
    index("scans_qrcode_time_idx").on(t.qrcodeId, t.occurredAt),
    index("scans_account_time_idx").on(t.accountId, t.occurredAt),
    index("scans_fan_idx").on(t.fanId),
  ],
);
