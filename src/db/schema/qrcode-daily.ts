import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Scan events per code and day (account time zone), kept in the same batch as the scan. */
export const qrcodeDaily = sqliteTable(
  "qrcode_daily",
  {
    qrcodeId: text("qrcode_id").notNull(),
    day: text("day").notNull(),
    accountId: text("account_id").notNull(),
    scans: integer("scans").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.qrcodeId, t.day] }),
    index("qrcode_daily_account_day_idx").on(t.accountId, t.day),
  ],
);
