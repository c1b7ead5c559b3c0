import type { JobType, jobs } from "../db/schema";
import type { HandlerOutcome } from "./handlers";

export type JobRow = typeof jobs.$inferSelect;

/**
 * Runs one job to its end, or as far as it gets before asking to be retried.
 * Runners must be resumable: a job can be started again after a crash, so
 * each keeps its progress in D1 (job_items, or counters) and skips done work.
 */
export type JobRunner = (
  env: Env,
  job: JobRow,
  ctx: ExecutionContext,
) => Promise<HandlerOutcome | undefined>;

const runners = new Map<JobType, JobRunner>();

export function registerJobRunner(type: JobType, runner: JobRunner) {
  runners.set(type, runner);
}

export function getJobRunner(type: JobType): JobRunner | undefined {
  return runners.get(type);
}
