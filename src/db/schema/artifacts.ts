import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, primaryId, timestamp } from "./columns";

/** A file the product wrote to R2: a ZIP, an export, an upload. */
export const artifacts = sqliteTable(
  "artifacts",
  {
    id: primaryId(),
    accountId: text("account_id"),
    jobId: text("job_id"),
    kind: text("kind", { enum: ["zip", "xlsx", "csv", "upload"] }).notNull(),
    r2Key: text("r2_key").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull().default(0),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at").notNull(),
    deletedAt: timestamp("deleted_at"),
  },
  (t) => [
    index("artifacts_expiry_idx").on(t.deletedAt, t.expiresAt),
    index("artifacts_job_idx").on(t.jobId),
  ],
);
