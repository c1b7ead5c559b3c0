import type { ReplyMessage } from "../../../api/types";
import { Field } from "../../../components/Field";
import { Icon } from "../../../components/Icon";
import { useT } from "../../../i18n";
import { MediaField } from "./MediaField";

type ReplyFieldsProps = {
  accountId: string;
  message: ReplyMessage;
  onChange: (m: ReplyMessage) => void;
};

function TextInput(props: {
  label: string;
  value: string | undefined;
  max: number;
  onInput: (v: string) => void;
  mono?: boolean;
  placeholder?: string;
}) {
  return (
    <Field label={props.label}>
      <input
        class={`input${props.mono ? " mono" : ""}`}
        maxLength={props.max}
        placeholder={props.placeholder}
        value={props.value ?? ""}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </Field>
  );
}

/** Option ids are what WeChat hands back when the fan taps; they stay unique in the menu. */
const nextOptionId = (options: { id: string }[]) =>
  String(Math.max(0, ...options.map((o) => Number(o.id) || 0)) + 1);

/** The fields of one reply message, by its type. */
export function ReplyFields({ accountId, message: m, onChange }: ReplyFieldsProps) {
  const t = useT();
  const set = (patch: Record<string, unknown>) => onChange({ ...m, ...patch } as ReplyMessage);

  switch (m.type) {
    case "text":
      return (
        <Field label={t("reply.content")} hint={t("reply.contentHint")}>
          <textarea
            class="textarea"
            maxLength={2000}
            rows={3}
            value={m.content}
            onInput={(e) => set({ content: e.currentTarget.value })}
          />
        </Field>
      );
    case "news":
    case "link":
    case "form":
      return (
        <div class="reply-fields">
          {m.type === "form" ? <div class="field-hint">{t("reply.formHint")}</div> : null}
          <div class={m.type === "news" ? "reply-fields" : "form-row"}>
            <TextInput
              label={t("reply.title")}
              value={m.title}
              max={64}
              onInput={(title) => set({ title })}
            />
            {m.type === "news" ? null : (
              <Field label={t("reply.style")}>
                <select
                  class="select"
                  value={m.style ?? "news"}
                  onChange={(e) => set({ style: e.currentTarget.value })}
                >
                  <option value="news">{t("reply.style.news")}</option>
                  <option value="text">{t("reply.style.text")}</option>
                </select>
              </Field>
            )}
          </div>
          <TextInput
            label={t("reply.description")}
            value={m.description}
            max={120}
            onInput={(description) => set({ description })}
          />
          {m.type === "form" ? null : (
            <TextInput
              label={t("reply.url")}
              value={m.url}
              max={2048}
              mono
              placeholder="https://"
              onInput={(url) => set({ url })}
            />
          )}
          <TextInput
            label={t("reply.coverUrl")}
            value={m.coverUrl}
            max={2048}
            mono
            placeholder="https://"
            onInput={(coverUrl) => set({ coverUrl })}
          />
        </div>
      );
    case "image":
    case "voice":
      return (
        <Field label={t("reply.media")}>
          <MediaField
            accountId={accountId}
            kind={m.type}
            value={m.mediaId}
            onChange={(mediaId) => set({ mediaId })}
          />
        </Field>
      );
    case "video":
      return (
        <div class="reply-fields">
          <Field label={t("reply.media")}>
            <MediaField
              accountId={accountId}
              kind="video"
              value={m.mediaId}
              onChange={(mediaId) => set({ mediaId })}
            />
          </Field>
          <TextInput
            label={t("reply.title")}
            value={m.title}
            max={64}
            onInput={(title) => set({ title })}
          />
          <TextInput
            label={t("reply.description")}
            value={m.description}
            max={120}
            onInput={(description) => set({ description })}
          />
        </div>
      );
    case "miniprogram":
      return (
        <div class="reply-fields">
          <div class="form-row">
            <TextInput
              label={t("reply.appid")}
              value={m.appid}
              max={18}
              mono
              placeholder="wx…"
              onInput={(appid) => set({ appid })}
            />
            <TextInput
              label={t("reply.pagepath")}
              value={m.pagepath}
              max={256}
              mono
              placeholder="pages/index/index"
              onInput={(pagepath) => set({ pagepath })}
            />
          </div>
          <TextInput
            label={t("reply.title")}
            value={m.title}
            max={64}
            onInput={(title) => set({ title })}
          />
          <Field label={t("reply.thumb")}>
            <MediaField
              accountId={accountId}
              kind="thumb"
              value={m.thumbMediaId}
              onChange={(thumbMediaId) => set({ thumbMediaId })}
            />
          </Field>
        </div>
      );
    case "menu":
      return (
        <div class="reply-fields">
          <TextInput
            label={t("reply.menuHead")}
            value={m.head}
            max={200}
            onInput={(head) => set({ head })}
          />
          <Field label={t("reply.menuOptions")}>
            <div class="menu-options">
              {m.options.map((o, i) => (
                <div key={i} class="row">
                  <span class="menu-option-index">{i + 1}</span>
                  <input
                    class="input"
                    maxLength={64}
                    value={o.content}
                    onInput={(e) =>
                      set({
                        options: m.options.map((x, j) =>
                          j === i ? { ...x, content: e.currentTarget.value } : x,
                        ),
                      })
                    }
                  />
                  <button
                    type="button"
                    class="icon-btn"
                    disabled={m.options.length <= 1}
                    aria-label={t("reply.remove")}
                    onClick={() => set({ options: m.options.filter((_, j) => j !== i) })}
                  >
                    <Icon name="x" size={14} />
                  </button>
                </div>
              ))}
              {m.options.length < 10 ? (
                <button
                  type="button"
                  class="btn btn-sm btn-ghost"
                  onClick={() =>
                    set({ options: [...m.options, { id: nextOptionId(m.options), content: "" }] })
                  }
                >
                  <Icon name="plus" size={13} />
                  {t("reply.addOption")}
                </button>
              ) : null}
            </div>
          </Field>
          <TextInput
            label={t("reply.menuTail")}
            value={m.tail}
            max={200}
            onInput={(tail) => set({ tail })}
          />
        </div>
      );
  }
}
