import { Field } from "../../components/Field";
import { Icon } from "../../components/Icon";
import { useT } from "../../i18n";
import { FormPicker } from "../forms/FormPicker";
import { needsForm, type QrFormValues } from "./qr-form-state";

type CodeFormFieldProps = {
  accountId: string;
  values: QrFormValues;
  set: (patch: Partial<QrFormValues>) => void;
};

/** The form a code's "form" reply message links to, signed for each scanning fan. */
export function CodeFormField({ accountId, values, set }: CodeFormFieldProps) {
  const t = useT();
  return (
    <div class="code-form-field">
      <Field label={t("qrform.form")} htmlFor="qr-form" hint={t("qrform.formHint")}>
        <FormPicker
          accountId={accountId}
          id="qr-form"
          value={values.formId}
          onChange={(formId) => set({ formId })}
        />
      </Field>
      {needsForm(values) ? (
        <div class="notice notice-warning">
          <Icon name="alert" size={15} />
          {t("qrform.formMissing")}
        </div>
      ) : null}
    </div>
  );
}
