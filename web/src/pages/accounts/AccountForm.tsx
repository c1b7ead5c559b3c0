import { useMemo, useState } from "preact/hooks";
import type { Account } from "../../api/types";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Field } from "../../components/Field";
import { Icon } from "../../components/Icon";
import { useAction } from "../../hooks/use-action";
import { type MessageKey, useT } from "../../i18n";
import {
  type AccountFormValues,
  initialValues,
  MESSAGE_MODES,
  timeZones,
} from "./account-form-state";
import { generateEncodingAesKey, generateWebhookToken } from "./generate-secret";
import { RetentionField } from "./RetentionField";

type AccountFormProps = {
  account?: Account;
  submitLabel: string;
  onSubmit: (values: AccountFormValues) => Promise<void>;
  onCancel?: () => void;
};

type TextKey = "name" | "appId" | "originalId" | "appSecret" | "token" | "encodingAesKey";
type GeneratedKey = "token" | "encodingAesKey";
const GENERATORS: Record<GeneratedKey, () => string> = {
  token: generateWebhookToken,
  encodingAesKey: generateEncodingAesKey,
};

export function AccountForm({ account, submitLabel, onSubmit, onCancel }: AccountFormProps) {
  const t = useT();
  const [values, setValues] = useState(() => initialValues(account));
  const { busy, error, run } = useAction();
  const zones = useMemo(timeZones, []);
  const editing = Boolean(account);
  // A generated value is shown in clear, so it can be copied into WeChat's admin.
  const [revealed, setRevealed] = useState<ReadonlySet<TextKey>>(new Set());

  const set = <K extends keyof AccountFormValues>(key: K, value: AccountFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const text = (
    key: TextKey,
    opts: { secret?: boolean; placeholder?: string; mono?: boolean } = {},
  ) => {
    const isSet = opts.secret && account?.secrets[key as keyof Account["secrets"]];
    const common = {
      id: `account-${key}`,
      name: key,
      class: `input${opts.mono ? " mono" : ""}`,
      placeholder: isSet ? t("account.secretKeep") : opts.placeholder,
      // Only what the server cannot do without: a live account's AppID and, when new, its secret.
      required:
        key === "name" ||
        (!values.isSandbox && (key === "appId" || (key === "appSecret" && !editing))),
      value: values[key],
      onInput: (e: Event) => set(key, (e.currentTarget as HTMLInputElement).value),
    };
    return opts.secret && !revealed.has(key) ? (
      <input {...common} type="password" autoComplete="new-password" />
    ) : (
      <input {...common} type="text" autoComplete="off" />
    );
  };

  /** A secret field with a button that fills it with a fresh random value (live accounts). */
  const generated = (key: GeneratedKey) => (
    <div class="copy-field-row">
      {text(key, { secret: true, mono: true })}
      {values.isSandbox ? null : (
        <button
          type="button"
          class="btn"
          onClick={() => {
            set(key, GENERATORS[key]());
            setRevealed((r) => new Set(r).add(key));
          }}
        >
          {t("account.generate")}
        </button>
      )}
    </div>
  );

  const submit = async (e: Event) => {
    e.preventDefault();
    await run(() => onSubmit(values));
  };

  return (
    <form class="form form-sections" onSubmit={submit} name="account">
      <section class="form-section">
        <h2 class="form-section-title">{t("account.sections.basic")}</h2>
        <Field
          label={t("account.kind")}
          hint={t(values.isSandbox ? "account.isSandboxHint" : "account.isRealHint")}
        >
          <div class="segmented">
            {([false, true] as const).map((sandbox) => (
              <button
                key={String(sandbox)}
                type="button"
                class={`segmented-item${values.isSandbox === sandbox ? " is-active" : ""}`}
                disabled={editing && values.isSandbox !== sandbox}
                onClick={() => set("isSandbox", sandbox)}
              >
                {t(sandbox ? "account.kind.sandbox" : "account.kind.real")}
              </button>
            ))}
          </div>
        </Field>
        <div class="form-row">
          <Field label={t("account.name")} htmlFor="account-name">
            {text("name", { placeholder: t("account.namePlaceholder") })}
          </Field>
          <Field
            label={t("account.timeZone")}
            htmlFor="account-timeZone"
            hint={t("account.timeZoneHint")}
          >
            <select
              id="account-timeZone"
              class="select"
              value={values.timeZone}
              onChange={(e) => set("timeZone", e.currentTarget.value)}
            >
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </section>

      <section class="form-section">
        <h2 class="form-section-title">{t("account.sections.credentials")}</h2>
        {editing || values.isSandbox ? (
          <div class="notice notice-neutral">
            <Icon name={editing ? "key" : "sandbox"} size={15} />
            {t(editing ? "account.secretWriteOnly" : "account.sandboxGenerated")}
          </div>
        ) : null}
        <div class="form-row">
          <Field label={t("account.appId")} htmlFor="account-appId">
            {text("appId", { mono: true, placeholder: "wx…" })}
          </Field>
          <Field label={t("account.appSecret")} htmlFor="account-appSecret">
            {text("appSecret", { secret: true, mono: true })}
          </Field>
        </div>
        <Field
          label={t("account.originalId")}
          htmlFor="account-originalId"
          hint={t("account.originalIdHint")}
        >
          {text("originalId", { mono: true, placeholder: "gh_…" })}
        </Field>
      </section>

      <section class="form-section">
        <h2 class="form-section-title">{t("account.sections.messages")}</h2>
        <div class="form-row">
          <Field label={t("account.token")} htmlFor="account-token" hint={t("account.tokenHint")}>
            {generated("token")}
          </Field>
          <Field label={t("account.messageMode")} htmlFor="account-messageMode">
            <select
              id="account-messageMode"
              class="select"
              value={values.messageMode}
              onChange={(e) =>
                set("messageMode", e.currentTarget.value as AccountFormValues["messageMode"])
              }
            >
              {MESSAGE_MODES.map((m) => (
                <option key={m} value={m}>
                  {t(`account.mode.${m}` as MessageKey)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field
          label={t("account.encodingAesKey")}
          htmlFor="account-encodingAesKey"
          hint={t("account.encodingAesKeyHint")}
          optional={values.messageMode === "plaintext" ? t("common.optional") : undefined}
        >
          {generated("encodingAesKey")}
        </Field>
      </section>

      <section class="form-section">
        <h2 class="form-section-title">{t("account.sections.retention")}</h2>
        <RetentionField
          value={values.scanRetentionDays}
          onChange={(days) => set("scanRetentionDays", days)}
        />
      </section>

      {error ? <ErrorNotice error={error} /> : null}
      <div class="form-actions">
        {onCancel ? (
          <button type="button" class="btn" onClick={onCancel} disabled={busy}>
            {t("common.cancel")}
          </button>
        ) : null}
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t("common.saving") : submitLabel}
        </button>
      </div>
    </form>
  );
}
