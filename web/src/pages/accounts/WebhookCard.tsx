import type { Account } from "../../api/types";
import { CopyField } from "../../components/CopyField";
import { type MessageKey, useT } from "../../i18n";

/** What the operator pastes into WeChat's admin (Server configuration). */
export function WebhookCard({ account }: { account: Account }) {
  const t = useT();
  const url = `${window.location.origin}${account.webhookPath}`;

  return (
    <div class="card">
      <h2 class="card-title">{t("account.webhookTitle")}</h2>
      <p class="card-hint">{t("account.webhookHint")}</p>
      <div class="stack">
        <CopyField label={t("account.webhookUrl")} value={url} wrap />
        <div class="copy-field">
          <div class="copy-field-label">{t("account.webhookToken")}</div>
          <div class="muted small">
            {account.secrets.token ? t("common.set") : t("common.notSet")} ·{" "}
            {t("account.webhookTokenHidden")}
          </div>
        </div>
        <div class="copy-field">
          <div class="copy-field-label">{t("account.webhookMode")}</div>
          <div>{t(`account.mode.${account.messageMode}` as MessageKey)}</div>
        </div>
      </div>
    </div>
  );
}
