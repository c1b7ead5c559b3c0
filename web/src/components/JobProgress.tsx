import type { Job } from "../api/types";
import { useFormat } from "../hooks/use-format";
import { useT } from "../i18n";
import { jobProgress } from "../lib/job-failures";

/** The bar and the counts of one job; failed rows show in red at the end of the bar. */
export function JobProgress({ job }: { job: Job }) {
  const t = useT();
  const fmt = useFormat();
  const ratio = jobProgress(job);
  const failedRatio = job.total > 0 ? job.failed / job.total : 0;
  const running = job.status === "running" || job.status === "queued";

  return (
    <div class="job-progress" data-testid="job-progress">
      <div
        class={`progress${running ? " is-running" : ""}`}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={job.total}
        aria-valuenow={job.done + job.failed}
      >
        <div class="progress-done" style={{ width: `${(ratio - failedRatio) * 100}%` }} />
        <div class="progress-failed" style={{ width: `${failedRatio * 100}%` }} />
      </div>
      <div class="job-progress-text">
        {job.total > 0 ? (
          <span class="num">
            {t("jobs.progress", { done: fmt.number(job.done), total: fmt.number(job.total) })}
          </span>
        ) : null}
        {job.failed > 0 ? (
          <span class="text-danger">
            {t("jobs.failedCount", { count: fmt.number(job.failed) })}
          </span>
        ) : null}
        <span class="muted num">{fmt.percent(ratio)}</span>
      </div>
    </div>
  );
}
