import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Fixed-window counters for throttling sign-in and form submissions. */
export const rateLimits = sqliteTable("rate_limits", {
  /** What is counted, e.g. `login:ip:<hash>`; never a raw address or email. */
  key: text("key").primaryKey(),
  windowStart: integer("window_start").notNull(),
  count: integer("count").notNull(),
});
