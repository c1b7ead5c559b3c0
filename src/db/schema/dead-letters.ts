import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, jsonText, primaryId, timestamp } from "./columns";

/** A queue message that exhausted its retries; shown in the console with a retry button. */
export const deadLetters = sqliteTable(
  "dead_letters",
  {
    id: primaryId(),
    queue: text("queue").notNull(),
    body: jsonText<unknown>("body").notNull(),
    attempts: integer("attempts").notNull().default(0),
    status: text("status", { enum: ["open", "retried", "discarded"] })
      .notNull()
      .default("open"),
    createdAt: createdAt(),
    retriedAt: timestamp("retried_at"),
  },
  (t) => [index("dead_letters_status_idx").on(t.status, t.createdAt)],
);
