import { useState } from "preact/hooks";
import type { Account, QrGroup } from "../../api/types";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Field } from "../../components/Field";
import { useAction } from "../../hooks/use-action";
import { useT } from "../../i18n";
import { ReadOnlyFieldset } from "../ReadOnlyFieldset";
import { CodeFormField } from "./CodeFormField";
import { CodeTagFields } from "./CodeTagFields";
import { GroupPicker } from "./GroupPicker";
import { needsForm, type QrFormValues } from "./qr-form-state";
import { ReplyEditor } from "./reply/ReplyEditor";
import { ValidityField } from "./ValidityField";

type QrCodeFormProps = {
  account: Account;
  initial: QrFormValues;
  groups: QrGroup[];
  editing: boolean;
  submitLabel: string;
  cancelHref: string;
  onSubmit: (values: QrFormValues) => Promise<void>;
  /** A viewer's look at the settings: every control disabled, no save button. */
  readOnly?: boolean;
};

export function QrCodeForm({
  account,
  initial,
  groups,
  editing,
  submitLabel,
  cancelHref,
  onSubmit,
  readOnly = false,
}: QrCodeFormProps) {
  const t = useT();
  const [v, setValues] = useState(initial);
  const { busy, error, run } = useAction({ keepBusy: true });
  const set = (patch: Partial<QrFormValues>) => setValues((prev) => ({ ...prev, ...patch }));

  const submit = async (e: Event) => {
    e.preventDefault();
    await run(() => onSubmit(v));
  };

  return (
    <form class="stack" onSubmit={submit} name="qrcode">
      <ReadOnlyFieldset readOnly={readOnly} class="stack">
        <section class="card form">
          <h2 class="card-title">{t("qrform.basic")}</h2>
          <Field label={t("qrform.name")} htmlFor="qr-name" hint={t("qrform.nameHint")}>
            <input
              id="qr-name"
              name="name"
              class="input"
              required
              maxLength={64}
              placeholder={t("qrform.namePlaceholder")}
              value={v.name}
              onInput={(e) => set({ name: e.currentTarget.value })}
            />
          </Field>
          <Field
            label={t("qrform.kind")}
            hint={
              editing
                ? t("qrform.kindLocked")
                : t(
                    v.kind === "temporary"
                      ? "qrform.kindTemporaryHint"
                      : "qrform.kindPermanentHint",
                  )
            }
          >
            <div class="segmented">
              {(["temporary", "permanent"] as const).map((kind) => (
                <button
                  key={kind}
                  type="button"
                  class={`segmented-item${v.kind === kind ? " is-active" : ""}`}
                  disabled={editing && v.kind !== kind}
                  aria-pressed={v.kind === kind}
                  onClick={() => set({ kind })}
                >
                  {t(`qr.kind.${kind}`)}
                </button>
              ))}
            </div>
          </Field>
          {v.kind === "temporary" ? <ValidityField values={v} set={set} /> : null}
        </section>

        <section class="card form">
          <h2 class="card-title">{t("qrform.groupSection")}</h2>
          <Field label={t("qr.group")} htmlFor="qr-group">
            <GroupPicker
              groups={groups}
              groupId={v.groupId}
              newGroupName={v.newGroupName}
              onChange={(groupId, newGroupName) => set({ groupId, newGroupName })}
            />
          </Field>
          <CodeTagFields accountId={account.id} values={v} set={set} />
        </section>

        <section class="card">
          <div class="card-title-row">
            <div>
              <h2 class="card-title">{t("qrform.replySection")}</h2>
              <p class="card-hint">{t("qrform.replyHint")}</p>
            </div>
          </div>
          <ReplyEditor
            accountId={account.id}
            accountName={account.name}
            value={v.reply}
            onChange={(reply) => set({ reply })}
            footer={<CodeFormField accountId={account.id} values={v} set={set} />}
          />
        </section>

        {error ? <ErrorNotice error={error} /> : null}
      </ReadOnlyFieldset>
      <div class="form-footer">
        <a class="btn" href={cancelHref}>
          {t(readOnly ? "common.back" : "common.cancel")}
        </a>
        {readOnly ? null : (
          <button type="submit" class="btn btn-primary" disabled={busy || needsForm(v)}>
            {busy ? t("common.saving") : submitLabel}
          </button>
        )}
      </div>
    </form>
  );
}
