import { sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, primaryId, updatedAt } from "./columns";

export const qrGroups = sqliteTable(
  "qr_groups",
  {
    id: primaryId(),
    accountId: text("account_id").notNull(),
    name: text("name").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("qr_groups_account_name_uq").on(t.accountId, t.name)],
);
