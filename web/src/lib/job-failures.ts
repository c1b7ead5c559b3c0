import type { Job } from "../api/types";

export type JobFailure = { row: number | null; name: string; reason: string };

function field(o: Record<string, unknown>, ...names: string[]): unknown {
  for (const n of names) if (o[n] !== undefined && o[n] !== null) return o[n];
  return undefined;
}

/**
 * A job's per-row failures from its `result`. Each job type writes its own
 * result; this reads the common spellings so one report serves them all.
 */
export function jobFailures(job: Job): JobFailure[] {
  const list = field(job.result, "failures", "errors", "failedRows");
  if (!Array.isArray(list)) return [];
  return list.flatMap((item): JobFailure[] => {
    if (typeof item !== "object" || item === null) return [];
    const o = item as Record<string, unknown>;
    const row = field(o, "row", "rowIndex", "line");
    const errcode = field(o, "errcode");
    const reason = String(field(o, "reason", "message", "error", "problem") ?? "");
    return [
      {
        row: typeof row === "number" ? row : null,
        name: String(field(o, "name", "id") ?? ""),
        // WeChat's errcode first, so a support request can quote it.
        reason: typeof errcode === "number" ? `${errcode} · ${reason}` : reason,
      },
    ];
  });
}

export function jobProgress(job: Job): number {
  if (job.total <= 0) return job.status === "succeeded" ? 1 : 0;
  return Math.min(1, (job.done + job.failed) / job.total);
}
