import { Icon } from "../../components/Icon";
import { useCan } from "../../hooks/use-role";
import { type MessageKey, useT } from "../../i18n";
import { FieldEditor } from "./FieldEditor";
import { FIELD_TYPES, type FieldDraft, newField, SINGLE_USE } from "./form-draft";
import type { FormFieldType } from "./forms-api";

type FieldListProps = {
  fields: FieldDraft[];
  keyField: "mobile" | "email";
  onChange: (fields: FieldDraft[]) => void;
};

/** The ordered fields of a form, each editable, with a bar to add more. */
export function FieldList({ fields, keyField, onChange }: FieldListProps) {
  const t = useT();
  const used = new Set(fields.map((f) => f.type));
  // A viewer reads the fields; adding, moving and removing are an operator's.
  const canWrite = useCan("write");

  const add = (type: FormFieldType) => {
    const label = t(`forms.defaultLabel.${type}` as MessageKey);
    onChange([
      ...fields,
      newField(
        type,
        fields.map((f) => f.id),
        label,
      ),
    ]);
  };
  const update = (key: string, patch: Partial<FieldDraft>) =>
    onChange(fields.map((f) => (f.key === key ? { ...f, ...patch } : f)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...fields];
    const [moved] = next.splice(index, 1);
    if (moved) next.splice(index + by, 0, moved);
    onChange(next);
  };

  return (
    <div class="stack">
      {fields.map((f, i) => (
        <FieldEditor
          key={f.key}
          field={f}
          index={i}
          count={fields.length}
          isKey={f.type === keyField}
          onChange={(patch) => update(f.key, patch)}
          onMove={canWrite ? (by) => move(i, by) : undefined}
          onRemove={canWrite ? () => onChange(fields.filter((x) => x.key !== f.key)) : undefined}
        />
      ))}
      {canWrite ? (
        <fieldset class="form-add-bar">
          <legend class="muted small">{t("forms.addField")}</legend>
          {FIELD_TYPES.map((type) => (
            <button
              key={type}
              type="button"
              class="btn btn-sm"
              data-add-field={type}
              disabled={fields.length >= 30 || (SINGLE_USE.has(type) && used.has(type))}
              onClick={() => add(type)}
            >
              <Icon name="plus" size={12} />
              {t(`forms.type.${type}` as MessageKey)}
            </button>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
