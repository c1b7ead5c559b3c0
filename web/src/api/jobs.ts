import { request } from "./client";
import type { Job } from "./types";

export const getJob = (jobId: string, signal?: AbortSignal) =>
  request<{ job: Job }>(`/api/jobs/${jobId}`, { signal }).then((r) => r.job);

export const listAccountJobs = (accountId: string, signal?: AbortSignal) =>
  request<{ jobs: Job[] }>(`/api/accounts/${accountId}/jobs`, { signal }).then((r) => r.jobs);

export const isJobFinished = (job: Job) =>
  job.status === "succeeded" || job.status === "failed" || job.status === "cancelled";
