import { canManageRole, type User } from "../../api/users";
import { Badge } from "../../components/Badge";
import { Icon } from "../../components/Icon";
import { useFormat } from "../../hooks/use-format";
import { useT } from "../../i18n";
import { useAccounts } from "../../state/accounts";
import { useUser } from "../../state/session";
import { RoleBadge } from "./RoleBadge";

const SHOWN_ACCOUNTS = 3;

function GrantedAccounts({ user }: { user: User }) {
  const t = useT();
  const { accounts } = useAccounts();
  if (user.role === "owner") return <span class="muted">{t("users.allAccounts")}</span>;
  if (user.accountIds.length === 0)
    return <span class="text-warning">{t("users.noAccounts")}</span>;
  const names = user.accountIds.map((id) => accounts.find((a) => a.id === id)?.name ?? id);
  return (
    <div class="chips chips-sm">
      {names.slice(0, SHOWN_ACCOUNTS).map((name) => (
        <span key={name} class="chip chip-static">
          {name}
        </span>
      ))}
      {names.length > SHOWN_ACCOUNTS ? (
        <span class="chip chip-static" title={names.slice(SHOWN_ACCOUNTS).join("、")}>
          +{names.length - SHOWN_ACCOUNTS}
        </span>
      ) : null}
    </div>
  );
}

type UserRowProps = {
  user: User;
  onEdit: () => void;
  onToggleActive: () => void;
};

export function UserRow({ user, onEdit, onToggleActive }: UserRowProps) {
  const t = useT();
  const fmt = useFormat();
  const me = useUser();
  const isMe = me.id === user.id;
  const manageable = canManageRole(me.role, user.role);
  const active = user.status === "active";

  return (
    <tr data-testid="user-row" class={active ? undefined : "is-muted"}>
      <td>
        <div class="user-cell">
          <span class="user-avatar user-avatar-sm">
            {(user.name || user.email).slice(0, 1).toUpperCase()}
          </span>
          <div>
            <div class="strong">
              {user.name || user.email}
              {isMe ? <span class="you-tag">{t("users.you")}</span> : null}
            </div>
            {user.name ? <div class="cell-sub">{user.email}</div> : null}
          </div>
        </div>
      </td>
      <td>
        <RoleBadge role={user.role} />
      </td>
      <td>
        <GrantedAccounts user={user} />
      </td>
      <td>
        {active ? (
          <Badge tone="success">{t("users.status.active")}</Badge>
        ) : (
          <Badge>{t("users.status.deactivated")}</Badge>
        )}
      </td>
      <td class="muted nowrap">
        {user.lastLoginAt ? fmt.relative(user.lastLoginAt) : t("users.neverSignedIn")}
      </td>
      <td class="col-actions">
        {manageable ? (
          <div class="row-actions">
            <button type="button" class="btn btn-sm btn-ghost" onClick={onEdit}>
              <Icon name="edit" size={14} />
              {t("common.edit")}
            </button>
            {isMe ? null : (
              <button
                type="button"
                class={`btn btn-sm ${active ? "btn-ghost-danger" : "btn-ghost"}`}
                onClick={onToggleActive}
              >
                {t(active ? "users.deactivate" : "users.reactivate")}
              </button>
            )}
          </div>
        ) : (
          <span class="muted small" title={t("users.cannotManage")}>
            {t("users.managedByOwner")}
          </span>
        )}
      </td>
    </tr>
  );
}
