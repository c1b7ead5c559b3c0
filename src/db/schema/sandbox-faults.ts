import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";

/**
 * Failures the WeChat sandbox was told to produce: the next `remaining`
 * calls to `path` ("*" for any) of the AppID wait `delayMs`, then answer
 * `errcode` (or normally when errcode is null).
 */
export const sandboxFaults = sqliteTable(
  "sandbox_faults",
  {
    id: text("id").primaryKey(),
    appId: text("app_id").notNull(),
    path: text("path").notNull(),
    errcode: integer("errcode"),
    errmsg: text("errmsg").notNull().default(""),
    delayMs: integer("delay_ms").notNull().default(0),
    remaining: integer("remaining").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("sandbox_faults_app_idx").on(t.appId, t.remaining)],
);
