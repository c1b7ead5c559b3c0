import { useState } from "preact/hooks";
import { createToken } from "../../api/auth";
import type { CreatedApiToken } from "../../api/types";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Field } from "../../components/Field";
import { Modal } from "../../components/Modal";
import { useAction } from "../../hooks/use-action";
import { useCan } from "../../hooks/use-role";
import { useT } from "../../i18n";

const EXPIRY_DAYS = [0, 30, 90, 365] as const;

type CreateTokenDialogProps = { onClose: () => void; onCreated: (token: CreatedApiToken) => void };

export function CreateTokenDialog({ onClose, onCreated }: CreateTokenDialogProps) {
  const t = useT();
  const [name, setName] = useState("");
  // The server gives a viewer read tokens only: a token never does more than its user.
  const canWrite = useCan("write");
  const [scope, setScope] = useState<"read" | "write">(canWrite ? "write" : "read");
  const [days, setDays] = useState<number>(90);
  const { busy, error, run } = useAction({ keepBusy: true });

  const submit = async (e: Event) => {
    e.preventDefault();
    await run(async () =>
      onCreated(await createToken({ name: name.trim(), scope, expiresInDays: days || undefined })),
    );
  };

  return (
    <Modal
      title={t("tokens.create")}
      onClose={onClose}
      size="sm"
      footer={
        <>
          <button type="button" class="btn" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button
            type="submit"
            form="create-token"
            class="btn btn-primary"
            disabled={busy || !name.trim()}
          >
            {t("common.create")}
          </button>
        </>
      }
    >
      <form id="create-token" class="form" onSubmit={submit}>
        <Field label={t("tokens.name")} htmlFor="token-name">
          <input
            id="token-name"
            class="input"
            maxLength={80}
            placeholder={t("tokens.namePlaceholder")}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </Field>
        <Field
          label={t("tokens.scope")}
          hint={
            canWrite
              ? t(scope === "read" ? "tokens.scopeHint.read" : "tokens.scopeHint.write")
              : `${t("tokens.scopeHint.read")} ${t("roles.tokenReadOnly")}`
          }
        >
          <div class="segmented">
            {(["write", "read"] as const).map((s) => (
              <button
                key={s}
                type="button"
                class={`segmented-item${scope === s ? " is-active" : ""}`}
                aria-pressed={scope === s}
                disabled={s === "write" && !canWrite}
                title={s === "write" && !canWrite ? t("roles.tokenReadOnly") : undefined}
                onClick={() => setScope(s)}
              >
                {t(s === "read" ? "tokens.scope.read" : "tokens.scope.write")}
              </button>
            ))}
          </div>
        </Field>
        <Field label={t("tokens.expires")} htmlFor="token-expiry">
          <select
            id="token-expiry"
            class="select"
            value={days}
            onChange={(e) => setDays(Number(e.currentTarget.value))}
          >
            {EXPIRY_DAYS.map((d) => (
              <option key={d} value={d}>
                {d === 0 ? t("tokens.expiresNever") : t("tokens.expiresDays", { days: d })}
              </option>
            ))}
          </select>
        </Field>
        {error ? <ErrorNotice error={error} /> : null}
      </form>
    </Modal>
  );
}
