import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { bool, createdAt, timestamp } from "./columns";

/** QR codes the WeChat sandbox created; a scan simulation finds the ticket by scene. */
export const sandboxQrcodes = sqliteTable(
  "sandbox_qrcodes",
  {
    ticket: text("ticket").primaryKey(),
    appId: text("app_id").notNull(),
    actionName: text("action_name").notNull(),
    /** scene_id as decimal text, or scene_str; "0" when the `scene` wrapper was left out. */
    scene: text("scene").notNull(),
    permanent: bool("permanent").notNull(),
    url: text("url").notNull(),
    expireSeconds: integer("expire_seconds"),
    expiresAt: timestamp("expires_at"),
    createdAt: createdAt(),
  },
  (t) => [index("sandbox_qrcodes_scene_idx").on(t.appId, t.scene)],
);
