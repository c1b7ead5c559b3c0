import type { ComponentChildren } from "preact";
import type { ReplyMessage, ReplyMessageType } from "../../../api/types";
import { Icon } from "../../../components/Icon";
import { Menu, MenuItem } from "../../../components/Menu";
import { useCan } from "../../../hooks/use-role";
import { type MessageKey, useT } from "../../../i18n";
import { PhonePreview } from "./PhonePreview";
import { ReplyFields } from "./ReplyFields";
import {
  CUSTOM_MESSAGES_AFTER_SCAN,
  canAddMessage,
  canBePassive,
  customMessageCount,
  isPassiveAt,
  newMessage,
  REPLY_TYPES,
} from "./reply-rules";

type ReplyEditorProps = {
  accountId: string;
  accountName: string;
  value: ReplyMessage[];
  onChange: (messages: ReplyMessage[]) => void;
  /** Settings that belong with the messages (the code's form), under the list. */
  footer?: ComponentChildren;
};

function move<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** The ordered reply of a code, with the 4-message cap explained where it bites. */
export function ReplyEditor({ accountId, accountName, value, onChange, footer }: ReplyEditorProps) {
  const t = useT();
  const typeName = (type: ReplyMessageType) => t(`reply.type.${type}` as MessageKey);
  const first = value[0];
  const canAdd = canAddMessage(value);
  const over = customMessageCount(value) > CUSTOM_MESSAGES_AFTER_SCAN;
  // A viewer reads the messages; reordering, removing and adding are an operator's.
  const canWrite = useCan("write");

  return (
    <div class="reply-editor">
      <div class="reply-list">
        <div class="notice notice-neutral reply-rule" data-testid="reply-rule">
          <Icon name="info" size={15} />
          <div>
            <strong>{t("reply.limitTitle")}</strong> · {t("reply.limitBody")}
          </div>
        </div>
        {value.length === 0 ? <div class="reply-empty">{t("reply.none")}</div> : null}
        {value.map((m, i) => (
          <div class="reply-card" key={i} data-testid="reply-card">
            <div class="reply-card-head">
              <span class="reply-index">{i + 1}</span>
              <span class="strong">{typeName(m.type)}</span>
              <span class={`reply-channel${isPassiveAt(value, i) ? " is-passive" : ""}`}>
                {isPassiveAt(value, i) ? t("reply.passive") : t("reply.custom")}
              </span>
              <div class="spacer" />
              {canWrite ? (
                <>
                  <button
                    type="button"
                    class="icon-btn"
                    disabled={i === 0}
                    aria-label={t("reply.moveUp")}
                    title={t("reply.moveUp")}
                    onClick={() => onChange(move(value, i, i - 1))}
                  >
                    <Icon name="arrowUp" size={15} />
                  </button>
                  <button
                    type="button"
                    class="icon-btn"
                    disabled={i === value.length - 1}
                    aria-label={t("reply.moveDown")}
                    title={t("reply.moveDown")}
                    onClick={() => onChange(move(value, i, i + 1))}
                  >
                    <Icon name="arrowDown" size={15} />
                  </button>
                  <button
                    type="button"
                    class="icon-btn"
                    aria-label={t("reply.remove")}
                    title={t("reply.remove")}
                    onClick={() => onChange(value.filter((_, j) => j !== i))}
                  >
                    <Icon name="trash" size={15} />
                  </button>
                </>
              ) : null}
            </div>
            <div class="reply-card-body">
              <ReplyFields
                accountId={accountId}
                message={m}
                onChange={(next) => onChange(value.map((x, j) => (j === i ? next : x)))}
              />
            </div>
          </div>
        ))}
        {canWrite ? (
          <div class="reply-add">
            <Menu
              align="left"
              triggerClass="btn"
              disabled={!canAdd}
              trigger={
                <>
                  <Icon name="plus" size={15} />
                  {t("reply.add")}
                </>
              }
            >
              {(close) =>
                REPLY_TYPES.map((type) => (
                  <MenuItem
                    key={type}
                    onSelect={() => {
                      close();
                      onChange([...value, newMessage(type)]);
                    }}
                  >
                    {typeName(type)}
                  </MenuItem>
                ))
              }
            </Menu>
            {!canAdd ? (
              <span
                class={`reply-cap${over ? " is-over" : ""}`}
                data-testid="reply-cap"
                role="status"
              >
                <Icon name="alert" size={14} />
                {first && !canBePassive(first)
                  ? t("reply.firstNotPassive", { type: typeName(first.type) })
                  : t("reply.limitReached")}
              </span>
            ) : null}
          </div>
        ) : null}
        {footer}
      </div>
      <PhonePreview accountName={accountName} messages={value} />
    </div>
  );
}
