import { useState } from "preact/hooks";
import { listTokens, revokeToken } from "../../api/auth";
import type { ApiToken, CreatedApiToken } from "../../api/types";
import { Badge } from "../../components/Badge";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { EmptyState } from "../../components/EmptyState";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Icon } from "../../components/Icon";
import { PageHeader } from "../../components/PageHeader";
import { SkeletonRows } from "../../components/Skeleton";
import { useApi } from "../../hooks/use-api";
import { useFormat } from "../../hooks/use-format";
import { useT } from "../../i18n";
import { useToast } from "../../state/toasts";
import { CreateTokenDialog } from "./CreateTokenDialog";
import { TokenCreatedDialog } from "./TokenCreatedDialog";

function TokenStatus({ token }: { token: ApiToken }) {
  const t = useT();
  const fmt = useFormat();
  if (token.revokedAt) {
    return (
      <>
        <Badge>{t("tokens.revoked")}</Badge>
        <div class="cell-sub">{fmt.dateTime(token.revokedAt)}</div>
      </>
    );
  }
  if (token.expiresAt && token.expiresAt < Date.now())
    return <Badge tone="warning">{t("tokens.expired")}</Badge>;
  return <Badge tone="success">{t("tokens.active")}</Badge>;
}

export function TokensPage() {
  const t = useT();
  const fmt = useFormat();
  const toast = useToast();
  const tokens = useApi((signal) => listTokens(signal), []);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const list = tokens.data ?? [];

  const createButton = (
    <button type="button" class="btn btn-primary" onClick={() => setCreating(true)}>
      <Icon name="plus" size={15} />
      {t("tokens.create")}
    </button>
  );

  return (
    <div class="page">
      <PageHeader
        title={t("tokens.title")}
        subtitle={
          <>
            {t("tokens.subtitle")}{" "}
            <a href="/api/docs" target="_blank" rel="noreferrer">
              {t("tokens.docsLink")}
            </a>
          </>
        }
        actions={createButton}
      />
      {tokens.error ? <ErrorNotice error={tokens.error} onRetry={tokens.reload} /> : null}
      {tokens.data && list.length === 0 ? (
        <div class="card">
          <EmptyState icon="key" title={t("tokens.emptyTitle")} body={t("tokens.emptyBody")}>
            {createButton}
          </EmptyState>
        </div>
      ) : (
        <div class="card card-flush">
          <table class="table">
            <thead>
              <tr>
                <th>{t("tokens.name")}</th>
                <th>{t("tokens.prefix")}</th>
                <th>{t("tokens.scope")}</th>
                <th>{t("tokens.createdAt")}</th>
                <th>{t("tokens.lastUsed")}</th>
                <th>{t("tokens.expiresAt")}</th>
                <th />
                <th class="col-actions">{t("common.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {!tokens.data && tokens.loading ? <SkeletonRows columns={8} rows={3} /> : null}
              {list.map((tok) => (
                <tr key={tok.id} class={tok.revokedAt ? "is-muted" : undefined}>
                  <td class="strong">{tok.name}</td>
                  <td class="mono">{tok.prefix}…</td>
                  <td>{t(tok.scope === "read" ? "tokens.scope.read" : "tokens.scope.write")}</td>
                  <td class="muted">{fmt.dateTime(tok.createdAt)}</td>
                  <td class="muted">
                    {tok.lastUsedAt ? fmt.relative(tok.lastUsedAt) : t("common.never")}
                  </td>
                  <td class="muted">
                    {tok.expiresAt ? fmt.date(tok.expiresAt) : t("tokens.expiresNever")}
                  </td>
                  <td>
                    <TokenStatus token={tok} />
                  </td>
                  <td class="col-actions">
                    {tok.revokedAt ? null : (
                      <button
                        type="button"
                        class="btn btn-sm btn-ghost-danger"
                        onClick={() => setRevoking(tok)}
                      >
                        {t("tokens.revoke")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {creating ? (
        <CreateTokenDialog
          onClose={() => setCreating(false)}
          onCreated={(tok) => {
            setCreating(false);
            setCreated(tok);
            tokens.reload();
          }}
        />
      ) : null}
      {created ? <TokenCreatedDialog token={created} onClose={() => setCreated(null)} /> : null}
      {revoking ? (
        <ConfirmDialog
          title={t("tokens.revokeTitle", { name: revoking.name })}
          body={t("tokens.revokeBody")}
          confirmLabel={t("tokens.revoke")}
          danger
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            await revokeToken(revoking.id);
            toast.show(t("tokens.revoked"));
            tokens.reload();
          }}
        />
      ) : null}
    </div>
  );
}
