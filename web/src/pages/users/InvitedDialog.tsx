import type { CreatedUser } from "../../api/users";
import { CopyField } from "../../components/CopyField";
import { Icon } from "../../components/Icon";
import { Modal } from "../../components/Modal";
import { useT } from "../../i18n";

/** The only time the temporary password is visible: the server keeps only its hash. */
export function InvitedDialog({ created, onClose }: { created: CreatedUser; onClose: () => void }) {
  const t = useT();
  const signInUrl = `${window.location.origin}/`;
  return (
    <Modal
      title={t("users.invitedTitle")}
      onClose={onClose}
      footer={
        <button type="button" class="btn btn-primary" onClick={onClose}>
          {t("users.invitedDone")}
        </button>
      }
    >
      <p class="confirm-body">{t("users.invitedBody", { email: created.user.email })}</p>
      {created.temporaryPassword ? (
        <>
          <div class="notice notice-warning">
            <Icon name="alert" size={16} />
            {t("users.invitedOnce")}
          </div>
          <CopyField label={t("users.signInAt")} value={signInUrl} />
          <CopyField label={t("users.email")} value={created.user.email} />
          <CopyField
            label={t("users.temporaryPassword")}
            value={created.temporaryPassword}
            hint={t("users.temporaryPasswordHint")}
          />
        </>
      ) : null}
    </Modal>
  );
}
