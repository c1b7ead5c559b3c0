import { useEffect } from "preact/hooks";
import { getJob, isJobFinished } from "../api/jobs";
import type { Job } from "../api/types";
import { useApi } from "../hooks/use-api";
import { useInterval } from "../hooks/use-interval";
import { useT } from "../i18n";
import { ErrorNotice } from "./ErrorNotice";
import { Icon } from "./Icon";
import { JobFailuresTable } from "./JobFailuresTable";
import { JobProgress } from "./JobProgress";
import { JobStatusBadge } from "./JobStatusBadge";

type JobWatchProps = { job: Job; onFinished?: (job: Job) => void };

/** Follows a queued job to its end: progress bar, then the file or the failure report. */
export function JobWatch({ job: initial, onFinished }: JobWatchProps) {
  const t = useT();
  const state = useApi((signal) => getJob(initial.id, signal), [initial.id]);
  const job = state.data ?? initial;
  const done = isJobFinished(job);
  useInterval(state.reload, 1000, !done);

  useEffect(() => {
    if (done) onFinished?.(job);
  }, [done, job, onFinished]);

  return (
    <div class="job-watch" data-testid="job-watch" data-status={job.status}>
      <div class="job-watch-head">
        <JobStatusBadge job={job} />
        {job.downloadUrl ? (
          <a
            class="btn btn-primary btn-sm"
            href={job.downloadUrl}
            download
            data-testid="job-download"
          >
            <Icon name="download" size={14} />
            {t("jobs.downloadFile")}
          </a>
        ) : null}
      </div>
      <JobProgress job={job} />
      {job.error ? <div class="text-danger small">{job.error}</div> : null}
      {state.error && !done ? <ErrorNotice error={state.error} /> : null}
      <JobFailuresTable job={job} />
    </div>
  );
}
