import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";

/** Access tokens the WeChat sandbox issued; they expire as WeChat's do. */
export const sandboxTokens = sqliteTable(
  "sandbox_tokens",
  {
    token: text("token").primaryKey(),
    appId: text("app_id").notNull(),
    expiresAt: integer("expires_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("sandbox_tokens_app_idx").on(t.appId, t.expiresAt)],
);
