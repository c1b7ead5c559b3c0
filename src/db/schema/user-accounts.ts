import { index, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";

/** Which official accounts a non-owner user may see. Owners see all. */
export const userAccounts = sqliteTable(
  "user_accounts",
  {
    userId: text("user_id").notNull(),
    accountId: text("account_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.accountId] }),
    index("user_accounts_account_idx").on(t.accountId),
  ],
);
