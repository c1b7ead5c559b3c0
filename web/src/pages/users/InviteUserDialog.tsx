import { useState } from "preact/hooks";
import { type CreatedUser, createUser, type UserRole } from "../../api/users";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Field } from "../../components/Field";
import { Modal } from "../../components/Modal";
import { useAction } from "../../hooks/use-action";
import { useT } from "../../i18n";
import { RoleAndAccessFields } from "./RoleAndAccessFields";

type InviteUserDialogProps = { onClose: () => void; onInvited: (created: CreatedUser) => void };

export function InviteUserDialog({ onClose, onInvited }: InviteUserDialogProps) {
  const t = useT();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [role, setRole] = useState<UserRole>("operator");
  const [accountIds, setAccountIds] = useState<string[]>([]);
  const { busy, error, run } = useAction({ keepBusy: true });

  const submit = async (e: Event) => {
    e.preventDefault();
    await run(async () => {
      const grants = role === "owner" ? [] : accountIds;
      onInvited(
        await createUser({ email: email.trim(), name: name.trim(), role, accountIds: grants }),
      );
    });
  };

  return (
    <Modal
      title={t("users.invite")}
      onClose={onClose}
      size="md"
      footer={
        <>
          <button type="button" class="btn" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button
            type="submit"
            form="invite-user"
            class="btn btn-primary"
            disabled={busy || !email.trim()}
          >
            {t("users.inviteSubmit")}
          </button>
        </>
      }
    >
      <form id="invite-user" class="form" onSubmit={submit}>
        <div class="form-row">
          <Field label={t("users.email")} htmlFor="invite-email">
            <input
              id="invite-email"
              class="input"
              type="email"
              required
              maxLength={254}
              placeholder="name@company.com"
              value={email}
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
          </Field>
          <Field label={t("users.name")} htmlFor="invite-name" optional={t("common.optional")}>
            <input
              id="invite-name"
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
        <div class="field-hint">{t("users.inviteHint")}</div>
        {error ? <ErrorNotice error={error} /> : null}
      </form>
    </Modal>
  );
}
