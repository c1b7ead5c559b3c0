import type { CreatedApiToken } from "../../api/types";
import { CopyField } from "../../components/CopyField";
import { Icon } from "../../components/Icon";
import { Modal } from "../../components/Modal";
import { useT } from "../../i18n";

/** The only time the full token is visible. */
export function TokenCreatedDialog({
  token,
  onClose,
}: {
  token: CreatedApiToken;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Modal
      title={t("tokens.createdTitle")}
      onClose={onClose}
      footer={
        <button type="button" class="btn btn-primary" onClick={onClose}>
          {t("common.close")}
        </button>
      }
    >
      <div class="notice notice-warning">
        <Icon name="alert" size={16} />
        {t("tokens.createdBody")}
      </div>
      <CopyField label={token.name} value={token.token} />
      <pre class="code-sample">{`curl -H "Authorization: Bearer ${token.token}" \\\n  ${window.location.origin}/api/accounts`}</pre>
    </Modal>
  );
}
