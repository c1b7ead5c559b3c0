import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, jsonText, primaryId, timestamp, updatedAt } from "./columns";

export const JOB_TYPES = [
  "qrcode_batch_create",
  "qrcode_zip",
  "fans_export",
  "scans_export",
  "contacts_export",
  "audit_export",
] as const;
export type JobType = (typeof JOB_TYPES)[number];
export const JOB_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const jobs = sqliteTable(
  "jobs",
  {
    id: primaryId(),
    accountId: text("account_id"),
    type: text("type", { enum: JOB_TYPES }).notNull(),
    status: text("status", { enum: JOB_STATUSES }).notNull().default("queued"),
    total: integer("total").notNull().default(0),
    done: integer("done").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    params: jsonText<Record<string, unknown>>("params").notNull().default({}),
    result: jsonText<Record<string, unknown>>("result"),
    artifactId: text("artifact_id"),
    error: text("error"),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    startedAt: timestamp("started_at"),
    finishedAt: timestamp("finished_at"),
  },
  (t) => [
    index("jobs_account_created_idx").on(t.accountId, t.createdAt),
    index("jobs_status_idx").on(t.status),
  ],
);

/** One row of a batch job; lets a crashed job resume where it stopped. */
export const jobItems = sqliteTable(
  "job_items",
  {
    jobId: text("job_id").notNull(),
    rowIndex: integer("row_index").notNull(),
    status: text("status", { enum: ["pending", "done", "failed"] })
      .notNull()
      .default("pending"),
    input: jsonText<Record<string, unknown>>("input").notNull(),
    error: text("error"),
    resultId: text("result_id"),
  },
  (t) => [
    primaryKey({ columns: [t.jobId, t.rowIndex] }),
    index("job_items_status_idx").on(t.jobId, t.status),
  ],
);
