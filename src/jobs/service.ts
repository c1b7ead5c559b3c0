import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { type JobStatus, type JobType, jobs } from "../db/schema";
import { newId } from "../lib/ids";
import type { JobMessage } from "./messages";
import type { JobRow } from "./runners";

export type CreateJobOptions = {
  accountId: string | null;
  type: JobType;
  total: number;
  params: Record<string, unknown>;
  createdBy: string | null;
};

/** Writes the job row, then queues it. The row exists before any consumer can see the message. */
export async function createJob(db: Db, queue: Queue, options: CreateJobOptions): Promise<JobRow> {
  const now = Date.now();
  const [row] = await db
    .insert(jobs)
    .values({ id: newId("job"), ...options, status: "queued", createdAt: now, updatedAt: now })
    .returning();
  if (!row) throw new Error("job insert returned nothing");
  await queue.send({ type: "run_job", jobId: row.id } satisfies JobMessage);
  return row;
}

export async function getJob(db: Db, jobId: string): Promise<JobRow | undefined> {
  return db.query.jobs.findFirst({ where: (j, { eq }) => eq(j.id, jobId) });
}

export async function listAccountJobs(db: Db, accountId: string, limit = 50): Promise<JobRow[]> {
  return db
    .select()
    .from(jobs)
    .where(eq(jobs.accountId, accountId))
    .orderBy(desc(jobs.createdAt))
    .limit(limit);
}

/** Moves a queued (or crashed, still running) job to running; false when it already ended. */
export async function markJobRunning(db: Db, jobId: string): Promise<boolean> {
  const now = Date.now();
  const rows = await db
    .update(jobs)
    .set({ status: "running", startedAt: sql`coalesce(${jobs.startedAt}, ${now})`, updatedAt: now })
    .where(and(eq(jobs.id, jobId), sql`${jobs.status} in ('queued', 'running')`))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

export async function setJobProgress(
  db: Db,
  jobId: string,
  progress: { done: number; failed: number; total?: number },
) {
  await db
    .update(jobs)
    .set({ ...progress, updatedAt: Date.now() })
    .where(eq(jobs.id, jobId));
}

export type FinishJobOptions = {
  status: Extract<JobStatus, "succeeded" | "failed" | "cancelled">;
  result?: Record<string, unknown>;
  artifactId?: string;
  error?: string;
};

export async function finishJob(db: Db, jobId: string, options: FinishJobOptions) {
  const now = Date.now();
  await db
    .update(jobs)
    .set({
      status: options.status,
      result: options.result ?? null,
      artifactId: options.artifactId ?? null,
      error: options.error ?? null,
      finishedAt: now,
      updatedAt: now,
    })
    .where(eq(jobs.id, jobId));
}
