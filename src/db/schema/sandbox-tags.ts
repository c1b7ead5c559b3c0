import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";

/** Fan tags in the WeChat sandbox; ids start at 100, 0/1/2 are WeChat's reserved ones. */
export const sandboxTags = sqliteTable(
  "sandbox_tags",
  {
    appId: text("app_id").notNull(),
    id: integer("id").notNull(),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.appId, t.id] })],
);
