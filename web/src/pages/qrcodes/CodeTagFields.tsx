import { Field } from "../../components/Field";
import { useT } from "../../i18n";
import type { QrFormValues } from "./qr-form-state";
import { FanTagPicker, MemberTagPicker } from "./TagPicker";

type CodeTagFieldsProps = {
  accountId: string;
  values: QrFormValues;
  set: (patch: Partial<QrFormValues>) => void;
};

/** The fan tags and member tags a code gives its scanners, side by side. */
export function CodeTagFields({ accountId, values, set }: CodeTagFieldsProps) {
  const t = useT();
  return (
    <div class="form-row">
      <Field label={t("qrform.fanTags")} hint={t("qrform.fanTagsHint")}>
        <FanTagPicker
          accountId={accountId}
          value={values.fanTagIds}
          onChange={(fanTagIds) => set({ fanTagIds })}
        />
      </Field>
      <Field label={t("qrform.memberTags")} hint={t("qrform.memberTagsHint")}>
        <MemberTagPicker
          value={values.memberTagIds}
          onChange={(memberTagIds) => set({ memberTagIds })}
        />
      </Field>
    </div>
  );
}
