import type { Job } from "../api/types";
import { useT } from "../i18n";
import { jobFailures } from "../lib/job-failures";

/** The per-row failure report of a job, in row order, so bad rows are found, not lost. */
export function JobFailuresTable({ job, limit = 200 }: { job: Job; limit?: number }) {
  const t = useT();
  const failures = jobFailures(job);
  if (failures.length === 0) return null;
  return (
    <div class="job-failures">
      <div class="job-failures-title">
        {t("jobs.failures")} · {failures.length}
      </div>
      <table class="table table-compact">
        <tbody>
          {failures.slice(0, limit).map((f, i) => (
            <tr key={i}>
              <td class="col-narrow muted num">
                {f.row !== null ? t("jobs.row", { row: f.row }) : "—"}
              </td>
              <td>{f.name}</td>
              <td class="text-danger">{f.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
