import { useState } from "preact/hooks";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Field } from "../../components/Field";
import { useAction } from "../../hooks/use-action";
import { useT } from "../../i18n";
import { MemberTagPicker } from "../qrcodes/TagPicker";
import { ReadOnlyFieldset } from "../ReadOnlyFieldset";
import { FieldList } from "./FieldList";
import { FormPreview } from "./FormPreview";
import type { FormDraft } from "./form-draft";
import "./forms.css";

type FormBuilderProps = {
  initial: FormDraft;
  submitLabel: string;
  cancelHref: string;
  onSubmit: (draft: FormDraft) => Promise<void>;
  /** A viewer's look at the form: every control disabled, no save button. */
  readOnly?: boolean;
};

/** Builds a form: its texts, fields, contact key, member tags and what follows a submission. */
export function FormBuilder(props: FormBuilderProps) {
  const { initial, submitLabel, cancelHref, onSubmit, readOnly = false } = props;
  const t = useT();
  const [d, setDraft] = useState(initial);
  const { busy, error, run } = useAction({ keepBusy: true });
  const set = (patch: Partial<FormDraft>) => setDraft((prev) => ({ ...prev, ...patch }));
  const keyChoices = (["mobile", "email"] as const).filter((k) =>
    d.fields.some((f) => f.type === k),
  );

  const submit = async (e: Event) => {
    e.preventDefault();
    await run(() => onSubmit(d));
  };

  return (
    <div class="split split-wide">
      <form class="split-main" onSubmit={submit} name="form-builder">
        <ReadOnlyFieldset readOnly={readOnly} class="stack">
          <section class="card form">
            <h2 class="card-title">{t("forms.basic")}</h2>
            <Field label={t("forms.name")} htmlFor="form-name" hint={t("forms.nameHint")}>
              <input
                id="form-name"
                class="input"
                required
                maxLength={100}
                value={d.name}
                onInput={(e) => set({ name: e.currentTarget.value })}
              />
            </Field>
            <Field
              label={t("forms.pageTitle")}
              htmlFor="form-title"
              optional={t("common.optional")}
              hint={t("forms.pageTitleHint")}
            >
              <input
                id="form-title"
                class="input"
                maxLength={100}
                value={d.title}
                onInput={(e) => set({ title: e.currentTarget.value })}
              />
            </Field>
            <Field
              label={t("forms.description")}
              htmlFor="form-description"
              optional={t("common.optional")}
            >
              <textarea
                id="form-description"
                class="textarea"
                rows={2}
                maxLength={1000}
                value={d.description}
                onInput={(e) => set({ description: e.currentTarget.value })}
              />
            </Field>
            <Field label={t("forms.language")}>
              <div class="segmented">
                {(["zh-CN", "en"] as const).map((lang) => (
                  <button
                    key={lang}
                    type="button"
                    class={`segmented-item${d.language === lang ? " is-active" : ""}`}
                    aria-pressed={d.language === lang}
                    onClick={() => set({ language: lang })}
                  >
                    {lang === "zh-CN" ? "简体中文" : "English"}
                  </button>
                ))}
              </div>
            </Field>
          </section>

          <section class="card form">
            <h2 class="card-title">{t("forms.fields")}</h2>
            <FieldList
              fields={d.fields}
              keyField={d.keyField}
              onChange={(fields) => set({ fields })}
            />
          </section>

          <section class="card form">
            <h2 class="card-title">{t("forms.crm")}</h2>
            <Field label={t("forms.keyField")} htmlFor="form-key" hint={t("forms.keyFieldHint")}>
              <select
                id="form-key"
                class="select"
                value={d.keyField}
                onChange={(e) => set({ keyField: e.currentTarget.value as FormDraft["keyField"] })}
              >
                {(keyChoices.length ? keyChoices : [d.keyField]).map((k) => (
                  <option key={k} value={k}>
                    {t(`forms.type.${k}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t("forms.memberTags")} hint={t("forms.memberTagsHint")}>
              <MemberTagPicker
                value={d.memberTagIds}
                onChange={(memberTagIds) => set({ memberTagIds })}
              />
            </Field>
          </section>

          <section class="card form">
            <h2 class="card-title">{t("forms.after")}</h2>
            <Field
              label={t("forms.thankYou")}
              htmlFor="form-thanks"
              optional={t("common.optional")}
              hint={t("forms.thankYouHint")}
            >
              <textarea
                id="form-thanks"
                class="textarea"
                rows={2}
                maxLength={500}
                value={d.thankYouMessage}
                onInput={(e) => set({ thankYouMessage: e.currentTarget.value })}
              />
            </Field>
            <Field
              label={t("forms.redirectUrl")}
              htmlFor="form-redirect"
              optional={t("common.optional")}
              hint={t("forms.redirectUrlHint")}
            >
              <input
                id="form-redirect"
                class="input"
                type="url"
                placeholder="https://"
                value={d.redirectUrl}
                onInput={(e) => set({ redirectUrl: e.currentTarget.value })}
              />
            </Field>
            <Field label={t("forms.anonymous")} hint={t("forms.anonymousHint")}>
              <label class="switch">
                <input
                  type="checkbox"
                  name="allowAnonymous"
                  checked={d.allowAnonymous}
                  onChange={(e) => set({ allowAnonymous: e.currentTarget.checked })}
                />
                <span class="switch-track" />
                <span>{t("forms.anonymousLabel")}</span>
              </label>
            </Field>
          </section>

          {error ? <ErrorNotice error={error} /> : null}
        </ReadOnlyFieldset>
        <div class="form-footer">
          <a class="btn" href={cancelHref}>
            {t(readOnly ? "common.back" : "common.cancel")}
          </a>
          {readOnly ? null : (
            <button type="submit" class="btn btn-primary" disabled={busy}>
              {busy ? t("common.saving") : submitLabel}
            </button>
          )}
        </div>
      </form>
      <aside class="split-side">
        <FormPreview draft={d} />
      </aside>
    </div>
  );
}
