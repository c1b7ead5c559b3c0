import { useState } from "preact/hooks";
import { ApiError } from "../../../api/client";
import { eraseFan } from "../../../api/erasure";
import { type DayRange, exportCodeFans, listCodeFans } from "../../../api/stats";
import type { CodeFan, CodeNumbers, FanSegment, Job } from "../../../api/types";
import { EmptyState } from "../../../components/EmptyState";
import { ErasePersonalDataDialog } from "../../../components/ErasePersonalDataDialog";
import { ErrorNotice, errorSummary } from "../../../components/ErrorNotice";
import { JobWatch } from "../../../components/JobWatch";
import { Pagination } from "../../../components/Pagination";
import { SkeletonRows } from "../../../components/Skeleton";
import { useApi } from "../../../hooks/use-api";
import { useFormat } from "../../../hooks/use-format";
import { useCan } from "../../../hooks/use-role";
import { type MessageKey, useI18n } from "../../../i18n";
import { useToast } from "../../../state/toasts";
import { ExportMenu } from "./ExportMenu";
import { FanRow } from "./FanRow";

const SEGMENTS: FanSegment[] = ["all", "new", "old"];
const COUNT_OF: Record<FanSegment, keyof CodeNumbers> = {
  all: "scanners",
  new: "newFollowers",
  old: "oldFans",
};
const PAGE_SIZE = 20;

type FansCardProps = {
  accountId: string;
  codeId: string;
  range: DayRange;
  numbers: CodeNumbers | undefined;
  segment: FanSegment;
  onSegment: (s: FanSegment) => void;
  /** Changes when a live scan arrives, so the list reloads. */
  version: number;
};

/** The code's scanners, filtered by the segment switch, with the exports of that same view. */
export function FansCard({
  accountId,
  codeId,
  range,
  numbers,
  segment,
  onSegment,
  version,
}: FansCardProps) {
  const { t, locale } = useI18n();
  const fmt = useFormat();
  const toast = useToast();
  const [page, setPage] = useState(1);
  const [job, setJob] = useState<Job | null>(null);
  const [erasing, setErasing] = useState<CodeFan | null>(null);
  const canErase = useCan("admin");
  // Exports are job-creating POSTs the server gives operators and up only.
  const canExport = useCan("write");
  const fans = useApi(
    (signal) =>
      listCodeFans(accountId, codeId, { ...range, segment, page, pageSize: PAGE_SIZE }, signal),
    [accountId, codeId, range.from, range.to, segment, page, version],
  );

  const startExport = async (format: "xlsx" | "csv") => {
    try {
      setJob(
        await exportCodeFans(accountId, codeId, { ...range, segment, format, language: locale }),
      );
      toast.show(t("detail.exportStarted"), "info");
    } catch (err) {
      if (err instanceof ApiError) toast.show(errorSummary(t, err), "error");
      else throw err;
    }
  };

  return (
    <section class="card card-flush" data-testid="fans-card">
      <div class="card-head">
        <h2 class="card-title">{t("detail.fans")}</h2>
        <fieldset class="segmented" aria-label={t("detail.fans")}>
          {SEGMENTS.map((s) => (
            <button
              key={s}
              type="button"
              class={`segmented-item${segment === s ? " is-active" : ""}`}
              aria-pressed={segment === s}
              onClick={() => {
                setPage(1);
                onSegment(s);
              }}
            >
              {t(`detail.segment.${s}` as MessageKey)}
              {numbers ? (
                <span class="segmented-count">{fmt.number(numbers[COUNT_OF[s]])}</span>
              ) : null}
            </button>
          ))}
        </fieldset>
        <div class="spacer" />
        {canExport ? <ExportMenu onExport={(format) => void startExport(format)} /> : null}
      </div>
      {job ? (
        <div class="card-pad card-pad-tight">
          <JobWatch job={job} />
        </div>
      ) : null}
      {fans.error ? (
        <div class="card-pad">
          <ErrorNotice error={fans.error} onRetry={fans.reload} />
        </div>
      ) : fans.data && fans.data.fans.length === 0 ? (
        <EmptyState compact icon="users" title={t("detail.fansEmpty")} />
      ) : (
        <div class="table-scroll">
          <table class={`table${fans.loading && fans.data ? " is-reloading" : ""}`}>
            <thead>
              <tr>
                <th>{t("detail.fan")}</th>
                <th>{t("detail.firstScan")}</th>
                <th>{t("detail.lastScan")}</th>
                <th class="num">{t("detail.scanCount")}</th>
                <th>{t("detail.fanType")}</th>
                <th>{t("detail.following")}</th>
                <th>{t("detail.tags")}</th>
                {canErase ? <th class="col-sticky" aria-label={t("common.actions")} /> : null}
              </tr>
            </thead>
            <tbody>
              {!fans.data ? <SkeletonRows columns={canErase ? 8 : 7} rows={5} /> : null}
              {fans.data?.fans.map((f) => (
                <FanRow
                  key={f.fanId}
                  fan={f}
                  onErase={canErase ? () => setErasing(f) : undefined}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {fans.data && fans.data.total > PAGE_SIZE ? (
        <Pagination page={page} pageSize={PAGE_SIZE} total={fans.data.total} onPage={setPage} />
      ) : null}
      {erasing ? (
        <ErasePersonalDataDialog
          subject="fan"
          label={erasing.openid}
          onClose={() => setErasing(null)}
          onErase={async () => {
            await eraseFan(accountId, erasing.fanId);
            toast.show(t("erase.fanDone"));
            fans.reload();
          }}
        />
      ) : null}
    </section>
  );
}
