import type { Db } from "../db/client";
import { setJobProgress } from "./service";

export type Progress = { done: number; failed: number; total?: number };

/**
 * A job's progress written at most once per `everyMs`. D1 allows 1,000
 * queries per Worker invocation (DEPENDENCIES.md), and a long export that
 * wrote after every page of rows spent half its budget on progress alone;
 * the console polls every few seconds, so more often shows nothing more.
 */
export function throttledProgress(db: Db, jobId: string, everyMs = 2000, now = Date.now) {
  let lastWrite = Number.NEGATIVE_INFINITY;
  return async (progress: Progress, options: { force?: boolean } = {}) => {
    const at = now();
    if (!options.force && at - lastWrite < everyMs) return false;
    lastWrite = at;
    await setJobProgress(db, jobId, progress);
    return true;
  };
}
