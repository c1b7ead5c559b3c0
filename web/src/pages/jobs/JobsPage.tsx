import { useState } from "preact/hooks";
import { isJobFinished, listAccountJobs } from "../../api/jobs";
import type { Job } from "../../api/types";
import { EmptyState } from "../../components/EmptyState";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Icon } from "../../components/Icon";
import { JobFailuresTable } from "../../components/JobFailuresTable";
import { JobProgress } from "../../components/JobProgress";
import { JobStatusBadge } from "../../components/JobStatusBadge";
import { PageHeader } from "../../components/PageHeader";
import { SkeletonRows } from "../../components/Skeleton";
import { useApi } from "../../hooks/use-api";
import { useFormat } from "../../hooks/use-format";
import { useInterval } from "../../hooks/use-interval";
import { type MessageKey, useT } from "../../i18n";
import type { AccountPageProps } from "../AccountScope";

function duration(job: Job): number | null {
  if (!job.startedAt) return null;
  return (job.finishedAt ?? Date.now()) - job.startedAt;
}

function JobRow({ job }: { job: Job }) {
  const t = useT();
  const fmt = useFormat();
  const [open, setOpen] = useState(false);
  const ms = duration(job);
  const hasFailures = job.failed > 0;

  return (
    <>
      <tr data-testid="job-row">
        <td>
          <div class="strong">{t(`jobs.type.${job.type}` as MessageKey)}</div>
          <div class="cell-sub mono">{job.id}</div>
        </td>
        <td>
          <JobStatusBadge job={job} />
        </td>
        <td class="col-progress">
          <JobProgress job={job} />
          {job.error ? <div class="cell-sub text-danger">{job.error}</div> : null}
        </td>
        <td class="muted">{fmt.dateTime(job.createdAt)}</td>
        <td class="num muted">
          {ms === null ? "—" : `${fmt.number(Math.round(ms / 100) / 10)} s`}
        </td>
        <td class="col-actions">
          {hasFailures ? (
            <button type="button" class="btn btn-sm btn-ghost" onClick={() => setOpen((o) => !o)}>
              {t("jobs.failures")}
              <Icon name={open ? "chevronDown" : "chevronRight"} size={13} />
            </button>
          ) : null}
          {job.downloadUrl ? (
            <a class="btn btn-sm" href={job.downloadUrl} download>
              <Icon name="download" size={14} />
              {t("jobs.downloadFile")}
            </a>
          ) : null}
        </td>
      </tr>
      {open ? (
        <tr class="row-detail">
          <td colSpan={6}>
            <JobFailuresTable job={job} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

function JobTable({ title, jobs, loading }: { title: string; jobs: Job[]; loading: boolean }) {
  const t = useT();
  return (
    <section class="card card-flush">
      <div class="card-head">
        <h2 class="card-title">{title}</h2>
      </div>
      {!loading && jobs.length === 0 ? (
        <EmptyState compact icon="jobs" title={t("jobs.emptyTitle")} />
      ) : (
        <table class="table">
          <thead>
            <tr>
              <th>{t("jobs.col.type")}</th>
              <th>{t("jobs.col.status")}</th>
              <th>{t("jobs.col.progress")}</th>
              <th>{t("jobs.createdAt")}</th>
              <th class="num">{t("jobs.duration")}</th>
              <th class="col-actions" />
            </tr>
          </thead>
          <tbody>
            {loading ? <SkeletonRows columns={6} rows={4} /> : null}
            {jobs.map((job) => (
              <JobRow key={job.id} job={job} />
            ))}
          </tbody>
        </table>
      )}
      <div class="table-footnote">{t("jobs.linkExpires")}</div>
    </section>
  );
}

export function JobsPage({ account }: AccountPageProps) {
  const t = useT();
  const jobs = useApi((signal) => listAccountJobs(account.id, signal), [account.id]);
  const list = jobs.data ?? [];
  const active = list.filter((j) => !isJobFinished(j));
  const finished = list.filter(isJobFinished);
  const running = active.length > 0;
  useInterval(jobs.reload, 2000, running);

  return (
    <div class="page">
      <PageHeader
        title={t("jobs.title")}
        subtitle={t("jobs.subtitle")}
        actions={
          <>
            {running ? (
              <span class="live-pill">
                <span class="live-dot" />
                {t("jobs.autoRefresh")}
              </span>
            ) : null}
            <button type="button" class="btn" onClick={jobs.reload}>
              <Icon name="refresh" size={14} />
              {t("common.refresh")}
            </button>
          </>
        }
      />
      {jobs.error ? <ErrorNotice error={jobs.error} onRetry={jobs.reload} /> : null}
      {jobs.data && list.length === 0 ? (
        <div class="card">
          <EmptyState icon="jobs" title={t("jobs.emptyTitle")} body={t("jobs.emptyBody")}>
            <a class="btn btn-primary" href={`/accounts/${account.id}/qrcodes`}>
              {t("nav.qrcodes")}
            </a>
          </EmptyState>
        </div>
      ) : (
        <>
          {active.length > 0 ? (
            <JobTable title={t("jobs.running")} jobs={active} loading={false} />
          ) : null}
          <JobTable
            title={t("jobs.finished")}
            jobs={finished}
            loading={!jobs.data && jobs.loading}
          />
        </>
      )}
    </div>
  );
}
