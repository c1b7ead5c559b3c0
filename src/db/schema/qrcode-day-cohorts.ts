import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const COHORT_KINDS = ["scan", "follow"] as const;
export type CohortKind = (typeof COHORT_KINDS)[number];

/**
 * How many fans scanned (kind `scan`) or followed through (kind `follow`) a
 * code on `day` whose previous such day was `prevDay` ("" for the first),
 * and how many of them unfollowed afterwards (`gone`). Distinct fans over
 * [from, to] = sum over day in [from, to] and prevDay < from: each fan has
 * exactly one such day. Kept in the same batch as the scan.
 */
export const qrcodeDayCohorts = sqliteTable(
  "qrcode_day_cohorts",
  {
    qrcodeId: text("qrcode_id").notNull(),
    kind: text("kind", { enum: COHORT_KINDS }).notNull(),
    day: text("day").notNull(),
    prevDay: text("prev_day").notNull(),
    accountId: text("account_id").notNull(),
    fans: integer("fans").notNull().default(0),
    gone: integer("gone").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.qrcodeId, t.kind, t.day, t.prevDay] }),
    index("qrcode_day_cohorts_account_day_idx").on(t.accountId, t.day),
  ],
);
