import { Field } from "../../components/Field";
import { Icon } from "../../components/Icon";
import { type MessageKey, useT } from "../../i18n";
import type { FieldDraft } from "./form-draft";

type FieldEditorProps = {
  field: FieldDraft;
  index: number;
  count: number;
  isKey: boolean;
  onChange: (patch: Partial<FieldDraft>) => void;
  /** Left out together with `onRemove` for a viewer: the field is read, not rearranged. */
  onMove?: (by: -1 | 1) => void;
  onRemove?: () => void;
};

/** One field of the form being built: its label and the settings its type has. */
export function FieldEditor({
  field,
  index,
  count,
  isKey,
  onChange,
  onMove,
  onRemove,
}: FieldEditorProps) {
  const t = useT();
  const id = (part: string) => `field-${field.key}-${part}`;
  const choice = field.type === "single_choice" || field.type === "multiple_choice";

  return (
    <div class="form-field-card" data-testid="form-field" data-type={field.type}>
      <div class="form-field-head">
        <span class="badge">{t(`forms.type.${field.type}` as MessageKey)}</span>
        {isKey ? <span class="badge badge-accent">{t("forms.keyBadge")}</span> : null}
        <div class="spacer" />
        {onMove && onRemove ? (
          <>
            <button
              type="button"
              class="icon-btn"
              disabled={index === 0}
              onClick={() => onMove(-1)}
              aria-label={t("forms.moveUp")}
            >
              <Icon name="arrowUp" size={14} />
            </button>
            <button
              type="button"
              class="icon-btn"
              disabled={index === count - 1}
              onClick={() => onMove(1)}
              aria-label={t("forms.moveDown")}
            >
              <Icon name="arrowDown" size={14} />
            </button>
            <button
              type="button"
              class="icon-btn"
              disabled={isKey}
              onClick={onRemove}
              aria-label={t("forms.removeField")}
            >
              <Icon name="trash" size={14} />
            </button>
          </>
        ) : null}
      </div>
      <div class="form-row">
        <Field label={t("forms.fieldLabel")} htmlFor={id("label")}>
          <input
            id={id("label")}
            class="input"
            maxLength={100}
            value={field.label}
            onInput={(e) => onChange({ label: e.currentTarget.value })}
          />
        </Field>
        <Field label={t("forms.fieldId")} htmlFor={id("id")} hint={t("forms.fieldIdHint")}>
          <input
            id={id("id")}
            class="input mono"
            maxLength={32}
            value={field.id}
            onInput={(e) => onChange({ id: e.currentTarget.value })}
          />
        </Field>
      </div>
      {choice ? (
        <Field label={t("forms.options")} htmlFor={id("options")} hint={t("forms.optionsHint")}>
          <textarea
            id={id("options")}
            class="textarea"
            rows={4}
            value={field.optionsText}
            onInput={(e) => onChange({ optionsText: e.currentTarget.value })}
          />
        </Field>
      ) : null}
      {field.type === "consent" ? (
        <>
          <Field label={t("forms.privacyText")} htmlFor={id("privacy")}>
            <textarea
              id={id("privacy")}
              class="textarea"
              rows={3}
              maxLength={2000}
              value={field.privacyText}
              onInput={(e) => onChange({ privacyText: e.currentTarget.value })}
            />
          </Field>
          <Field
            label={t("forms.privacyUrl")}
            htmlFor={id("privacy-url")}
            optional={t("common.optional")}
          >
            <input
              id={id("privacy-url")}
              class="input"
              type="url"
              placeholder="https://"
              value={field.privacyUrl}
              onInput={(e) => onChange({ privacyUrl: e.currentTarget.value })}
            />
          </Field>
        </>
      ) : null}
      {!choice && field.type !== "consent" && field.type !== "date" ? (
        <Field
          label={t("forms.placeholder")}
          htmlFor={id("placeholder")}
          optional={t("common.optional")}
        >
          <input
            id={id("placeholder")}
            class="input"
            maxLength={100}
            value={field.placeholder}
            onInput={(e) => onChange({ placeholder: e.currentTarget.value })}
          />
        </Field>
      ) : null}
      <div class="form-field-flags">
        <label class="check-label">
          <input
            type="checkbox"
            class="checkbox"
            checked={field.required || isKey}
            disabled={isKey}
            onChange={(e) => onChange({ required: e.currentTarget.checked })}
          />
          {t("forms.required")}
        </label>
        {field.type === "text" ? (
          <label class="check-label">
            <input
              type="checkbox"
              class="checkbox"
              checked={field.multiline}
              onChange={(e) => onChange({ multiline: e.currentTarget.checked })}
            />
            {t("forms.multiline")}
          </label>
        ) : null}
      </div>
    </div>
  );
}
