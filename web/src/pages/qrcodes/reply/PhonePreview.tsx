import type { ReplyMessage } from "../../../api/types";
import { Icon } from "../../../components/Icon";
import { useT } from "../../../i18n";
import { PhoneMessage } from "./PhoneMessage";
import { isPassiveAt } from "./reply-rules";

type PhonePreviewProps = { accountName: string; messages: ReplyMessage[] };

/** The chat as the fan sees it right after scanning, each message labelled with how it travels. */
export function PhonePreview({ accountName, messages }: PhonePreviewProps) {
  const t = useT();
  const initial = accountName.trim().slice(0, 1) || "公";
  return (
    <div class="phone-wrap">
      <div class="phone-caption">{t("reply.preview")}</div>
      <div class="phone" data-testid="phone-preview">
        <div class="phone-bar">
          <Icon name="chevronLeft" size={16} />
          <span class="phone-title">{accountName}</span>
          <Icon name="user" size={16} />
        </div>
        <div class="phone-chat">
          {messages.length === 0 ? <div class="phone-empty">{t("reply.previewEmpty")}</div> : null}
          {messages.map((m, i) => (
            <div class="wx-row" key={i}>
              <span class="wx-avatar">{initial}</span>
              <div class="wx-msg">
                <PhoneMessage message={m} />
                <div class="wx-channel">
                  {isPassiveAt(messages, i) ? t("reply.passive") : t("reply.custom")}
                </div>
              </div>
            </div>
          ))}
        </div>
        <div class="phone-input">
          <span class="phone-input-box" />
        </div>
      </div>
    </div>
  );
}
