import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { type JobType, jobs, replyDeliveries } from "../db/schema";
import { type JobMessage, jobMessageSchema } from "../jobs/messages";

/** What a dead letter is about, read from its body and the rows it names. */
export type MessageDescription = {
  type: string;
  accountId: string | null;
  jobId: string | null;
  summary: string;
  lastError: string | null;
};

const JOB_LABELS: Record<JobType, string> = {
  qrcode_batch_create: "Create QR codes in a batch",
  qrcode_zip: "Package QR code images as a ZIP",
  fans_export: "Export a code's fans",
  scans_export: "Export scan records",
  contacts_export: "Export contacts",
  audit_export: "Export the audit log",
};

/**
 * Plain words for the console, from ids only: a body may reach here with
 * anything in it, and none of it (openids, message text) is repeated.
 */
export async function describeMessage(db: Db, body: unknown): Promise<MessageDescription> {
  const parsed = jobMessageSchema.safeParse(body);
  if (!parsed.success) {
    return {
      type: "unknown",
      accountId: null,
      jobId: null,
      summary: "A message the worker could not read",
      lastError: "The message matches no job message the worker knows",
    };
  }
  return describeJobMessage(db, parsed.data);
}

async function describeJobMessage(db: Db, message: JobMessage): Promise<MessageDescription> {
  switch (message.type) {
    case "run_job": {
      const job = await db.query.jobs.findFirst({ where: eq(jobs.id, message.jobId) });
      return {
        type: message.type,
        accountId: job?.accountId ?? null,
        jobId: message.jobId,
        summary: job ? JOB_LABELS[job.type] : "Run a job that no longer exists",
        lastError: job?.error ?? null,
      };
    }
    case "after_scan":
      return {
        type: message.type,
        accountId: message.accountId,
        jobId: null,
        summary: `Fan tags, member tags and reply messages after scan ${message.scanId}`,
        lastError: null,
      };
    case "deliver_reply": {
      const delivery = await db.query.replyDeliveries.findFirst({
        columns: { accountId: true, errorMessage: true },
        where: eq(replyDeliveries.id, message.deliveryId),
      });
      return {
        type: message.type,
        accountId: delivery?.accountId ?? null,
        jobId: null,
        summary: "Send a reply message to a fan again",
        lastError: delivery?.errorMessage ?? null,
      };
    }
  }
}
