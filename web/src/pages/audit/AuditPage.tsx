import { useState } from "preact/hooks";
import { auditExportUrl } from "../../api/audit";
import { listUsers } from "../../api/users";
import { EmptyState } from "../../components/EmptyState";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Icon } from "../../components/Icon";
import { PageHeader } from "../../components/PageHeader";
import { SkeletonRows } from "../../components/Skeleton";
import { useApi } from "../../hooks/use-api";
import { useT } from "../../i18n";
import { AuditFilters } from "./AuditFilters";
import { AUDIT_COLUMNS, AuditRow } from "./AuditRow";
import { useAuditFilter } from "./use-audit-filter";
import { useAuditLog } from "./use-audit-log";
import { AuditNamesProvider, useAuditNames } from "./use-audit-names";
import "./audit.css";

/** Every change made through the console or the API: who, when, what, before and after. */
export function AuditPage() {
  const t = useT();
  const [filter, update] = useAuditFilter();
  const log = useAuditLog(filter);
  const names = useAuditNames(log.entries);
  const users = useApi((signal) => listUsers(signal), []);
  const [open, setOpen] = useState<number | null>(null);
  const filtered = Object.values(filter).some(Boolean);

  return (
    <AuditNamesProvider value={names}>
      <div class="page">
        <PageHeader
          title={t("audit.title")}
          subtitle={t("audit.subtitle")}
          actions={
            <a class="btn" href={auditExportUrl(filter)} download>
              <Icon name="download" size={15} />
              {t(filtered ? "audit.exportFiltered" : "audit.export")}
            </a>
          }
        />
        {log.error ? <ErrorNotice error={log.error} onRetry={log.reload} /> : null}
        <section class="card card-flush">
          <AuditFilters filter={filter} update={update} users={users.data ?? []} />
          {log.loaded && log.entries.length === 0 ? (
            <EmptyState
              icon="history"
              title={t(filtered ? "audit.emptyFiltered" : "audit.emptyTitle")}
              body={t(filtered ? "audit.emptyFilteredBody" : "audit.emptyBody")}
            />
          ) : (
            <table class={`table audit-table${log.loading && log.loaded ? " is-reloading" : ""}`}>
              <thead>
                <tr>
                  <th>{t("audit.when")}</th>
                  <th>{t("audit.who")}</th>
                  <th>{t("audit.what")}</th>
                  <th>{t("audit.target")}</th>
                  <th>{t("audit.changes")}</th>
                  <th class="col-actions" />
                </tr>
              </thead>
              <tbody>
                {!log.loaded ? <SkeletonRows columns={AUDIT_COLUMNS} rows={6} /> : null}
                {log.entries.map((entry) => (
                  <AuditRow
                    key={entry.id}
                    entry={entry}
                    users={users.data ?? []}
                    open={open === entry.id}
                    onToggle={() => setOpen((o) => (o === entry.id ? null : entry.id))}
                  />
                ))}
              </tbody>
            </table>
          )}
          {log.hasMore ? (
            <div class="audit-more">
              <button type="button" class="btn" onClick={log.loadMore} disabled={log.loadingMore}>
                {log.loadingMore ? t("common.loading") : t("audit.loadMore")}
              </button>
            </div>
          ) : log.entries.length > 0 ? (
            <div class="table-footnote">{t("audit.end", { n: log.entries.length })}</div>
          ) : null}
        </section>
      </div>
    </AuditNamesProvider>
  );
}
