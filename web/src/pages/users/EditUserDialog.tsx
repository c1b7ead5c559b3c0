import { useState } from "preact/hooks";
import { type UpdateUserBody, type User, type UserRole, updateUser } from "../../api/users";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Field } from "../../components/Field";
import { Modal } from "../../components/Modal";
import { useAction } from "../../hooks/use-action";
import { useT } from "../../i18n";
import { RoleAndAccessFields } from "./RoleAndAccessFields";

type EditUserDialogProps = {
  user: User;
  onClose: () => void;
  onSaved: (user: User) => void;
};

const sameSet = (a: string[], b: string[]) =>
  a.length === b.length && a.every((id) => b.includes(id));

/** Name, role and accounts of one user; only what changed is sent. */
export function EditUserDialog({ user, onClose, onSaved }: EditUserDialogProps) {
  const t = useT();
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<UserRole>(user.role);
  const [accountIds, setAccountIds] = useState<string[]>(user.accountIds);
  const { busy, error, run } = useAction({ keepBusy: true });

  const changes = (): UpdateUserBody => ({
    name: name.trim() !== user.name ? name.trim() : undefined,
    role: role !== user.role ? role : undefined,
    accountIds: role !== "owner" && !sameSet(accountIds, user.accountIds) ? accountIds : undefined,
  });

  const submit = async (e: Event) => {
    e.preventDefault();
    await run(async () => onSaved(await updateUser(user.id, changes())));
  };

  return (
    <Modal
      title={t("users.editTitle", { name: user.name || user.email })}
      onClose={onClose}
      footer={
        <>
          <button type="button" class="btn" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" form="edit-user" class="btn btn-primary" disabled={busy}>
            {busy ? t("common.saving") : t("common.save")}
          </button>
        </>
      }
    >
      <form id="edit-user" class="form" onSubmit={submit}>
        <div class="form-row">
          <Field label={t("users.email")}>
            <div class="static-value">{user.email}</div>
          </Field>
          <Field label={t("users.name")} htmlFor="edit-user-name">
            <input
              id="edit-user-name"
              class="input"
              maxLength={80}
              value={name}
              onInput={(e) => setName(e.currentTarget.value)}
            />
          </Field>
        </div>
        <RoleAndAccessFields
          role={role}
          onRole={setRole}
          accountIds={accountIds}
          onAccountIds={setAccountIds}
        />
        {error ? <ErrorNotice error={error} /> : null}
      </form>
    </Modal>
  );
}
