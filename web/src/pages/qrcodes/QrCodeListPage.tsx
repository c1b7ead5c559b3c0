import { useState } from "preact/hooks";
import { ApiError } from "../../api/client";
import { bulkDeleteQrCodes, deleteQrCode, listQrCodes, qrCodeAction } from "../../api/qrcodes";
import { exportScans } from "../../api/stats";
import type { Job, QrCode } from "../../api/types";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorNotice, errorSummary } from "../../components/ErrorNotice";
import { Icon } from "../../components/Icon";
import { JobDialog } from "../../components/JobDialog";
import { LivePill } from "../../components/LivePill";
import { PageHeader } from "../../components/PageHeader";
import { Pagination } from "../../components/Pagination";
import { useApi } from "../../hooks/use-api";
import { useLiveRefresh } from "../../hooks/use-live";
import { useCan } from "../../hooks/use-role";
import { useI18n } from "../../i18n";
import { useToast } from "../../state/toasts";
import type { AccountPageProps } from "../AccountScope";
import { ReadOnlyNote } from "../ReadOnlyNote";
import { BulkBar } from "./BulkBar";
import { BulkDownloadDialog } from "./BulkDownloadDialog";
import { GroupsDialog } from "./GroupsDialog";
import { MoveToGroupDialog } from "./MoveToGroupDialog";
import { QrCodeTable } from "./QrCodeTable";
import { QrFilters, QrStatusTabs } from "./QrFilters";
import { QrListEmpty } from "./QrListEmpty";
import type { QrAction } from "./QrRowActions";
import { useGroups } from "./use-groups";
import { PAGE_SIZES, toApiQuery, useListQuery } from "./use-list-query";

type Dialog =
  | { kind: "delete"; code: QrCode }
  | { kind: "job"; title: string; job: Job }
  | { kind: "bulk-delete" | "move" | "download" | "groups" }
  | null;

export function QrCodeListPage({ account }: AccountPageProps) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const [query, update] = useListQuery();
  const list = useApi(
    (signal) => listQrCodes(account.id, toApiQuery(query), signal),
    [account.id, query],
  );
  const groups = useGroups(account.id);
  const live = useLiveRefresh(account.id, list.reload);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<Dialog>(null);
  // Every bulk action and every row change is an operator's; a viewer gets no selection.
  const canWrite = useCan("write");
  const base = `/accounts/${account.id}/qrcodes`;

  const select = (ids: string[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) on ? next.add(id) : next.delete(id);
      return next;
    });
  const refresh = () => {
    list.reload();
    groups.reload();
  };

  const onAction = async (code: QrCode, action: QrAction) => {
    if (action === "delete") return setDialog({ kind: "delete", code });
    try {
      await qrCodeAction(account.id, code.id, action);
      toast.show(
        t(
          action === "renew"
            ? "qr.renewed"
            : action === "archive"
              ? "qr.archived"
              : "qr.unarchived",
        ),
      );
      list.reload();
    } catch (err) {
      if (err instanceof ApiError) toast.show(errorSummary(t, err), "error");
      else throw err;
    }
  };

  const ids = [...selected];
  // One file with the scans of every selected code, each row naming its code.
  const startScansExport = async () => {
    try {
      const job = await exportScans(account.id, {
        qrcodeIds: ids,
        format: "xlsx",
        language: locale,
      });
      setDialog({ kind: "job", title: t("qr.exportScans"), job });
    } catch (err) {
      if (err instanceof ApiError) toast.show(errorSummary(t, err), "error");
      else throw err;
    }
  };
  const items = list.data?.items;
  return (
    <div class="page">
      <PageHeader
        title={t("qr.title")}
        subtitle={t("qr.subtitle")}
        actions={
          <>
            <LivePill on={live} />
            {canWrite ? (
              <>
                <a class="btn" href={`${base}/import`}>
                  <Icon name="upload" size={15} />
                  {t("qr.batch")}
                </a>
                <a class="btn btn-primary" href={`${base}/new`}>
                  <Icon name="plus" size={15} />
                  {t("qr.new")}
                </a>
              </>
            ) : (
              <ReadOnlyNote />
            )}
          </>
        }
      />
      <div class="card card-flush">
        <QrStatusTabs query={query} update={update} />
        <QrFilters
          query={query}
          update={update}
          groups={groups.data ?? []}
          onManageGroups={canWrite ? () => setDialog({ kind: "groups" }) : undefined}
        />
        {canWrite && selected.size > 0 ? (
          <BulkBar
            count={selected.size}
            onDownload={() => setDialog({ kind: "download" })}
            onExportScans={() => void startScansExport()}
            onMove={() => setDialog({ kind: "move" })}
            onDelete={() => setDialog({ kind: "bulk-delete" })}
            onClear={() => setSelected(new Set())}
          />
        ) : null}
        {list.error ? (
          <div class="card-pad">
            <ErrorNotice error={list.error} onRetry={list.reload} />
          </div>
        ) : items && items.length === 0 ? (
          <QrListEmpty base={base} query={query} update={update} />
        ) : (
          <div class="table-scroll">
            <QrCodeTable
              accountId={account.id}
              items={items}
              loading={list.loading}
              query={query}
              update={update}
              selected={selected}
              onSelect={canWrite ? select : undefined}
              onAction={onAction}
            />
          </div>
        )}
        {list.data && list.data.items.length > 0 ? (
          <Pagination
            page={query.page}
            pageSize={query.pageSize}
            total={list.data.total}
            sizes={PAGE_SIZES}
            onPage={(page) => update({ page })}
            onPageSize={(pageSize) => update({ pageSize })}
          />
        ) : null}
      </div>

      {dialog?.kind === "delete" ? (
        <ConfirmDialog
          title={t("qr.deleteTitle", { name: dialog.code.name })}
          body={t("qr.deleteBody")}
          confirmLabel={t("common.delete")}
          danger
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            await deleteQrCode(account.id, dialog.code.id);
            select([dialog.code.id], false);
            toast.show(t("qr.deleted", { count: 1 }));
            refresh();
          }}
        />
      ) : null}
      {dialog?.kind === "bulk-delete" ? (
        <ConfirmDialog
          title={t("qr.bulkDeleteTitle", { count: ids.length })}
          body={t("qr.deleteBody")}
          confirmLabel={t("common.delete")}
          danger
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            const { count } = await bulkDeleteQrCodes(account.id, ids);
            setSelected(new Set());
            toast.show(t("qr.deleted", { count }));
            refresh();
          }}
        />
      ) : null}
      {dialog?.kind === "move" ? (
        <MoveToGroupDialog
          accountId={account.id}
          ids={ids}
          groups={groups.data ?? []}
          onClose={() => setDialog(null)}
          onMoved={(count) => {
            setDialog(null);
            setSelected(new Set());
            toast.show(t("qr.moved", { count }));
            refresh();
          }}
        />
      ) : null}
      {dialog?.kind === "download" ? (
        <BulkDownloadDialog
          accountId={account.id}
          title={`${t("qr.downloadSelected")} · ${t("common.selected", { count: ids.length })}`}
          target={{ ids }}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === "job" ? (
        <JobDialog title={dialog.title} job={dialog.job} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === "groups" ? (
        <GroupsDialog
          accountId={account.id}
          groups={groups.data ?? []}
          onChanged={refresh}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </div>
  );
}
