import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";

/** Per-AppID counters of the WeChat sandbox (src/sandbox): permanent codes made so far (cap 100,000). */
export const sandboxApps = sqliteTable("sandbox_apps", {
  appId: text("app_id").primaryKey(),
  permanentQrCount: integer("permanent_qr_count").notNull().default(0),
  createdAt: createdAt(),
});
