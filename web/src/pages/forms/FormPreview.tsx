import { Icon } from "../../components/Icon";
import { useT } from "../../i18n";
import type { FieldDraft, FormDraft } from "./form-draft";

// The hosted page's own words, so the preview reads as the fan will see it.
const PAGE_WORDS = {
  "zh-CN": { submit: "提交", required: "必填", optional: "选填" },
  en: { submit: "Submit", required: "Required", optional: "Optional" },
};

function PreviewField({
  field,
  isKey,
  words,
}: {
  field: FieldDraft;
  isKey: boolean;
  words: (typeof PAGE_WORDS)["en"];
}) {
  const tag = (
    <span class="fp-tag">{field.required || isKey ? words.required : words.optional}</span>
  );
  const options = field.optionsText.split("\n").filter((o) => o.trim());
  if (field.type === "consent") {
    return (
      <div class="fp-field">
        <div class="fp-privacy">{field.privacyText || "…"}</div>
        <div class="fp-choice">
          <span class="fp-box" /> {field.label}
        </div>
      </div>
    );
  }
  return (
    <div class="fp-field">
      <div class="fp-label">
        {field.label || "…"}
        {tag}
      </div>
      {field.type === "single_choice" || field.type === "multiple_choice" ? (
        options.map((o) => (
          <div class="fp-choice" key={o}>
            <span class={field.type === "single_choice" ? "fp-radio" : "fp-box"} /> {o}
          </div>
        ))
      ) : (
        <div class={`fp-input${field.type === "text" && field.multiline ? " fp-textarea" : ""}`}>
          {field.type === "date" ? "yyyy-mm-dd" : field.placeholder}
        </div>
      )}
    </div>
  );
}

/** The form on a phone, as the hosted page will show it. */
export function FormPreview({ draft }: { draft: FormDraft }) {
  const t = useT();
  const words = PAGE_WORDS[draft.language];
  return (
    <div class="phone-wrap">
      <div class="phone-caption">{t("forms.preview")}</div>
      <div class="phone" data-testid="form-preview">
        <div class="phone-bar">
          <Icon name="x" size={16} />
          <span class="phone-title">{draft.title || draft.name}</span>
          <Icon name="more" size={16} />
        </div>
        <div class="fp-page">
          <div class="fp-card">
            <div class="fp-title">{draft.title || draft.name || "…"}</div>
            {draft.description ? <div class="fp-desc">{draft.description}</div> : null}
            {draft.fields.map((f) => (
              <PreviewField key={f.key} field={f} isKey={f.type === draft.keyField} words={words} />
            ))}
            <div class="fp-button">{words.submit}</div>
          </div>
        </div>
      </div>
    </div>
  );
}
