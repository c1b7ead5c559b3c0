import type { JobRow } from "./runners";

/** The API view of a job; `downloadUrl` is a signed, expiring link when it made a file. */
export function presentJob(job: JobRow, downloadUrl: string | null) {
  const result = job.result ?? {};
  return {
    id: job.id,
    accountId: job.accountId,
    type: job.type,
    status: job.status,
    total: job.total,
    done: job.done,
    failed: job.failed,
    result,
    error: job.error,
    downloadUrl,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}
