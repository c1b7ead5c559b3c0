import { Badge } from "../../components/Badge";
import { EmptyState } from "../../components/EmptyState";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Icon } from "../../components/Icon";
import { PageHeader } from "../../components/PageHeader";
import { SkeletonRows } from "../../components/Skeleton";
import { useFormat } from "../../hooks/use-format";
import { useRoleAtLeast } from "../../hooks/use-role";
import { type MessageKey, useT } from "../../i18n";
import { useAccounts } from "../../state/accounts";
import { CheckBadge } from "./CheckBadge";

export function AccountListPage() {
  const t = useT();
  const fmt = useFormat();
  const { accounts, loading, error, reload } = useAccounts();
  // Adding an account needs the admin role; others are granted accounts by an admin.
  const isAdmin = useRoleAtLeast("admin");

  const add = isAdmin ? (
    <a class="btn btn-primary" href="/accounts/new">
      <Icon name="plus" size={15} />
      {t("account.add")}
    </a>
  ) : null;

  return (
    <div class="page">
      <PageHeader title={t("account.title")} subtitle={t("account.subtitle")} actions={add} />
      {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      {!loading && !error && accounts.length === 0 ? (
        <div class="card">
          <EmptyState
            icon="account"
            title={t("account.emptyTitle")}
            body={t(isAdmin ? "account.emptyBody" : "account.noGrantBody")}
          >
            {add}
          </EmptyState>
        </div>
      ) : (
        <div class="card card-flush">
          <table class="table">
            <thead>
              <tr>
                <th>{t("account.name")}</th>
                <th>{t("account.appId")}</th>
                <th>{t("account.kind")}</th>
                <th>{t("account.messageMode")}</th>
                <th>{t("account.timeZone")}</th>
                <th>{t("account.lastCheck")}</th>
                <th class="col-actions">{t("common.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {loading && accounts.length === 0 ? <SkeletonRows columns={7} rows={3} /> : null}
              {accounts.map((a) => (
                <tr key={a.id}>
                  <td>
                    <a class="table-link" href={`/accounts/${a.id}/qrcodes`}>
                      {a.name}
                    </a>
                    <div class="cell-sub mono">{a.originalId}</div>
                  </td>
                  <td class="mono">{a.appId}</td>
                  <td>
                    {a.isSandbox ? (
                      <Badge tone="info">{t("account.kind.sandbox")}</Badge>
                    ) : (
                      <Badge tone="success">{t("account.kind.real")}</Badge>
                    )}
                  </td>
                  <td>{t(`account.mode.${a.messageMode}` as MessageKey)}</td>
                  <td class="muted">{a.timeZone}</td>
                  <td>
                    <CheckBadge check={a.lastCheck} />
                    {a.lastCheck ? (
                      <div class="cell-sub">{fmt.relative(a.lastCheck.at)}</div>
                    ) : null}
                  </td>
                  <td class="col-actions">
                    <a class="btn btn-sm btn-ghost" href={`/accounts/${a.id}/settings`}>
                      <Icon name={isAdmin ? "edit" : "info"} size={14} />
                      {t("nav.settings")}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
