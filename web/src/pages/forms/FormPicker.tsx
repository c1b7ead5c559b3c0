import { ErrorNotice } from "../../components/ErrorNotice";
import { Spinner } from "../../components/Spinner";
import { useApi } from "../../hooks/use-api";
import { useT } from "../../i18n";
import { listForms } from "./forms-api";

type FormPickerProps = {
  accountId: string;
  id?: string;
  value: string | null;
  onChange: (formId: string | null) => void;
};

/**
 * Chooses the form a QR code sends (its `formId`), for the code's settings:
 * a reply message of type "form" links to it, signed for the scanning fan.
 */
export function FormPicker({ accountId, id, value, onChange }: FormPickerProps) {
  const t = useT();
  const forms = useApi((signal) => listForms(accountId, signal), [accountId]);
  if (forms.error) return <ErrorNotice error={forms.error} onRetry={forms.reload} />;
  if (!forms.data) return <Spinner />;
  return (
    <select
      id={id}
      class="select"
      value={value ?? ""}
      onChange={(e) => onChange(e.currentTarget.value || null)}
    >
      <option value="">{t("forms.noForm")}</option>
      {forms.data
        .filter((f) => f.status === "active" || f.id === value)
        .map((f) => (
          <option key={f.id} value={f.id}>
            {f.name}
          </option>
        ))}
    </select>
  );
}
