import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, jsonText } from "./columns";

/**
 * Every API call the WeChat sandbox received, with its answer's errcode, so
 * tests and the console can see what the product sent (custom messages,
 * tagging, token refreshes). Secrets are removed from `body` before storing.
 */
export const sandboxCalls = sqliteTable(
  "sandbox_calls",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    appId: text("app_id").notNull(),
    path: text("path").notNull(),
    body: jsonText<unknown>("body"),
    errcode: integer("errcode").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("sandbox_calls_app_idx").on(t.appId, t.path, t.id)],
);
