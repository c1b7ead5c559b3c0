import type { Account, QrGroup } from "../../../api/types";
import { Field } from "../../../components/Field";
import { useT } from "../../../i18n";
import { CodeFormField } from "../CodeFormField";
import { CodeTagFields } from "../CodeTagFields";
import { GroupPicker } from "../GroupPicker";
import type { QrFormValues } from "../qr-form-state";
import { ReplyEditor } from "../reply/ReplyEditor";
import { ValidityField } from "../ValidityField";

type ImportSettingsProps = {
  account: Account;
  groups: QrGroup[];
  values: QrFormValues;
  set: (patch: Partial<QrFormValues>) => void;
  skipProblemRows: boolean;
  setSkip: (skip: boolean) => void;
};

/** The settings every code of the batch shares: kind, validity, group, tags, reply. */
export function ImportSettings({
  account,
  groups,
  values: v,
  set,
  skipProblemRows,
  setSkip,
}: ImportSettingsProps) {
  const t = useT();
  return (
    <div class="stack">
      <section class="card form">
        <div>
          <h2 class="card-title">{t("import.settings")}</h2>
          <p class="card-hint">{t("import.settingsHint")}</p>
        </div>
        <div class="form-row">
          <Field
            label={t("qrform.kind")}
            hint={t(
              v.kind === "temporary" ? "qrform.kindTemporaryHint" : "qrform.kindPermanentHint",
            )}
          >
            <div class="segmented">
              {(["temporary", "permanent"] as const).map((kind) => (
                <button
                  key={kind}
                  type="button"
                  class={`segmented-item${v.kind === kind ? " is-active" : ""}`}
                  aria-pressed={v.kind === kind}
                  onClick={() => set({ kind })}
                >
                  {t(`qr.kind.${kind}`)}
                </button>
              ))}
            </div>
          </Field>
          <Field label={t("qr.group")} htmlFor="qr-group">
            <GroupPicker
              groups={groups}
              groupId={v.groupId}
              newGroupName={v.newGroupName}
              onChange={(groupId, newGroupName) => set({ groupId, newGroupName })}
            />
          </Field>
        </div>
        {v.kind === "temporary" ? <ValidityField values={v} set={set} /> : null}
        <CodeTagFields accountId={account.id} values={v} set={set} />
        <Field label={t("import.skipProblems")} hint={t("import.skipProblemsHint")}>
          <label class="switch">
            <input
              type="checkbox"
              name="skipProblemRows"
              checked={skipProblemRows}
              onChange={(e) => setSkip(e.currentTarget.checked)}
            />
            <span class="switch-track" />
            <span>{t("import.skipProblems")}</span>
          </label>
        </Field>
      </section>
      <section class="card">
        <h2 class="card-title">{t("qrform.replySection")}</h2>
        <p class="card-hint">{t("qrform.replyHint")}</p>
        <ReplyEditor
          accountId={account.id}
          accountName={account.name}
          value={v.reply}
          onChange={(reply) => set({ reply })}
          footer={<CodeFormField accountId={account.id} values={v} set={set} />}
        />
      </section>
    </div>
  );
}
