import { useState } from "preact/hooks";
import { type CreatedUser, listUsers, type User } from "../../api/users";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Icon } from "../../components/Icon";
import { PageHeader } from "../../components/PageHeader";
import { SkeletonRows } from "../../components/Skeleton";
import { useApi } from "../../hooks/use-api";
import { useT } from "../../i18n";
import { useToast } from "../../state/toasts";
import { EditUserDialog } from "./EditUserDialog";
import { InvitedDialog } from "./InvitedDialog";
import { InviteUserDialog } from "./InviteUserDialog";
import { ToggleActiveDialog } from "./ToggleActiveDialog";
import { UserRow } from "./UserRow";
import "./users.css";

/** Who may sign in, with which role, to which accounts (admins and owners). */
export function UsersPage() {
  const t = useT();
  const toast = useToast();
  const users = useApi((signal) => listUsers(signal), []);
  const [inviting, setInviting] = useState(false);
  const [invited, setInvited] = useState<CreatedUser | null>(null);
  const [editing, setEditing] = useState<User | null>(null);
  const [toggling, setToggling] = useState<User | null>(null);
  const list = users.data ?? [];
  const active = list.filter((u) => u.status === "active").length;

  const replace = (next: User) =>
    users.setData((prev) => (prev ?? []).map((u) => (u.id === next.id ? next : u)));

  return (
    <div class="page">
      <PageHeader
        title={t("users.title")}
        subtitle={t("users.subtitle")}
        actions={
          <button type="button" class="btn btn-primary" onClick={() => setInviting(true)}>
            <Icon name="plus" size={15} />
            {t("users.invite")}
          </button>
        }
      />
      {users.error ? <ErrorNotice error={users.error} onRetry={users.reload} /> : null}
      <section class="card card-flush">
        <div class="card-head">
          <h2 class="card-title">{t("users.members")}</h2>
          {users.data ? (
            <span class="muted small">{t("users.count", { active, total: list.length })}</span>
          ) : null}
        </div>
        <table class="table" data-testid="users-table">
          <thead>
            <tr>
              <th>{t("users.user")}</th>
              <th>{t("users.role")}</th>
              <th>{t("users.accounts")}</th>
              <th>{t("users.status")}</th>
              <th>{t("users.lastSignIn")}</th>
              <th class="col-actions">{t("common.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {!users.data && users.loading ? <SkeletonRows columns={6} rows={3} /> : null}
            {list.map((user) => (
              <UserRow
                key={user.id}
                user={user}
                onEdit={() => setEditing(user)}
                onToggleActive={() => setToggling(user)}
              />
            ))}
          </tbody>
        </table>
      </section>
      {inviting ? (
        <InviteUserDialog
          onClose={() => setInviting(false)}
          onInvited={(created) => {
            setInviting(false);
            setInvited(created);
            users.reload();
          }}
        />
      ) : null}
      {invited ? <InvitedDialog created={invited} onClose={() => setInvited(null)} /> : null}
      {editing ? (
        <EditUserDialog
          user={editing}
          onClose={() => setEditing(null)}
          onSaved={(user) => {
            setEditing(null);
            replace(user);
            toast.show(t("users.saved"));
          }}
        />
      ) : null}
      {toggling ? (
        <ToggleActiveDialog user={toggling} onClose={() => setToggling(null)} onDone={replace} />
      ) : null}
    </div>
  );
}
