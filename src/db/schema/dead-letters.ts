import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, jsonText, primaryId, timestamp } from "./columns";

export const DEAD_LETTER_STATUSES = ["open", "retried", "discarded"] as const;
export type DeadLetterStatus = (typeof DEAD_LETTER_STATUSES)[number];

/**
 * A queue message that exhausted its retries; shown in the console with a
 * retry button. `accountId`, `type`, `jobId` and `summary` are read from the
 * body when it is recorded, so the list can be filtered by account access
 * and described without showing the body.
 */
export const deadLetters = sqliteTable(
  "dead_letters",
  {
    id: primaryId(),
    queue: text("queue").notNull(),
    body: jsonText<unknown>("body").notNull(),
    /** The message's `type`, or "unknown" when the body matched no job message. */
    type: text("type").notNull().default("unknown"),
    accountId: text("account_id"),
    jobId: text("job_id"),
    /** Plain words of what the message was for; never personal data. */
    summary: text("summary").notNull().default(""),
    /** What is known of the last failure (a job's error), without personal data. */
    lastError: text("last_error"),
    attempts: integer("attempts").notNull().default(0),
    status: text("status", { enum: DEAD_LETTER_STATUSES }).notNull().default("open"),
    createdAt: createdAt(),
    retriedAt: timestamp("retried_at"),
    discardedAt: timestamp("discarded_at"),
  },
  (t) => [
    index("dead_letters_status_idx").on(t.status, t.createdAt),
    index("dead_letters_account_idx").on(t.accountId, t.status, t.createdAt),
  ],
);
