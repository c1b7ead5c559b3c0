import { useState } from "preact/hooks";
import { listSessions, revokeSession, type Session } from "../../api/sessions";
import { Badge } from "../../components/Badge";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Icon } from "../../components/Icon";
import { SkeletonRows } from "../../components/Skeleton";
import { useApi } from "../../hooks/use-api";
import { useFormat } from "../../hooks/use-format";
import { useT } from "../../i18n";
import { useSession } from "../../state/session";
import { useToast } from "../../state/toasts";
import { deviceName } from "./device-name";

/**
 * Where the user is signed in; any session but this one can be signed out from
 * here. `version` changes when something else ended sessions (a new password).
 */
export function SessionsCard({ version }: { version: number }) {
  const t = useT();
  const fmt = useFormat();
  const toast = useToast();
  const { signOut } = useSession();
  const sessions = useApi((signal) => listSessions(signal), [version]);
  const [revoking, setRevoking] = useState<Session | null>(null);
  const [revokingOthers, setRevokingOthers] = useState(false);
  const list = sessions.data ?? [];
  const others = list.filter((s) => !s.current);
  const label = (s: Session) =>
    deviceName(s.userAgent) ??
    (s.userAgent
      ? t("security.program", { name: s.userAgent.slice(0, 40) })
      : t("security.unknownDevice"));

  return (
    <section class="card card-flush" data-testid="sessions-card">
      <div class="card-head">
        <div>
          <h2 class="card-title">{t("security.sessions")}</h2>
          <div class="muted small">{t("security.sessionsHint")}</div>
        </div>
        <div class="spacer" />
        {others.length > 0 ? (
          <button type="button" class="btn btn-sm" onClick={() => setRevokingOthers(true)}>
            <Icon name="logout" size={14} />
            {t("security.revokeOthers")}
          </button>
        ) : null}
      </div>
      {sessions.error ? (
        <div class="card-pad">
          <ErrorNotice error={sessions.error} onRetry={sessions.reload} />
        </div>
      ) : null}
      <table class="table">
        <thead>
          <tr>
            <th>{t("security.device")}</th>
            <th>{t("security.signedInAt")}</th>
            <th>{t("security.lastActive")}</th>
            <th>{t("security.expires")}</th>
            <th class="col-actions" />
          </tr>
        </thead>
        <tbody>
          {!sessions.data && sessions.loading ? <SkeletonRows columns={5} rows={2} /> : null}
          {list.map((s) => (
            <tr key={s.id} data-testid="session-row" data-session-id={s.id}>
              <td>
                <div class="session-device">
                  <Icon name={deviceName(s.userAgent) ? "globe" : "key"} size={16} />
                  <span class="strong" title={s.userAgent}>
                    {label(s)}
                  </span>
                  {s.current ? <Badge tone="success">{t("security.thisDevice")}</Badge> : null}
                </div>
              </td>
              <td class="muted nowrap">{fmt.dateTime(s.createdAt)}</td>
              <td class="muted nowrap">{fmt.relative(s.lastSeenAt)}</td>
              <td class="muted nowrap">{fmt.date(s.expiresAt)}</td>
              <td class="col-actions">
                <button
                  type="button"
                  class="btn btn-sm btn-ghost-danger"
                  onClick={() => (s.current ? void signOut() : setRevoking(s))}
                >
                  {t(s.current ? "topbar.signOut" : "security.revoke")}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {revoking ? (
        <ConfirmDialog
          title={t("security.revokeTitle")}
          body={t("security.revokeBody", { device: label(revoking) })}
          confirmLabel={t("security.revoke")}
          danger
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            await revokeSession(revoking.id);
            toast.show(t("security.revoked"));
            sessions.reload();
          }}
        />
      ) : null}
      {revokingOthers ? (
        <ConfirmDialog
          title={t("security.revokeOthersTitle")}
          body={t("security.revokeOthersBody", { n: others.length })}
          confirmLabel={t("security.revokeOthers")}
          danger
          onClose={() => setRevokingOthers(false)}
          onConfirm={async () => {
            for (const s of others) await revokeSession(s.id);
            toast.show(t("security.revokedOthers"));
            sessions.reload();
          }}
        />
      ) : null}
    </section>
  );
}
