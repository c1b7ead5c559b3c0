import { useState } from "preact/hooks";
import { changePassword } from "../../api/sessions";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Field } from "../../components/Field";
import { useAction } from "../../hooks/use-action";
import { useT } from "../../i18n";
import { useToast } from "../../state/toasts";

const MIN_LENGTH = 10;

/** A new password; the server signs out every other session when it changes. */
export function ChangePasswordCard({ onChanged }: { onChanged: () => void }) {
  const t = useT();
  const toast = useToast();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const { busy, error, run } = useAction();
  const tooShort = next.length > 0 && next.length < MIN_LENGTH;
  const mismatch = repeat.length > 0 && repeat !== next;
  const ready = current && next.length >= MIN_LENGTH && repeat === next;

  const submit = async (e: Event) => {
    e.preventDefault();
    await run(async () => {
      await changePassword({ currentPassword: current, newPassword: next });
      setCurrent("");
      setNext("");
      setRepeat("");
      toast.show(t("security.passwordChanged"));
      onChanged();
    });
  };

  return (
    <section class="card">
      <h2 class="card-title">{t("security.changePassword")}</h2>
      <p class="card-hint">{t("security.changePasswordHint")}</p>
      <form class="form" name="change-password" onSubmit={submit}>
        <Field label={t("security.currentPassword")} htmlFor="current-password">
          <input
            id="current-password"
            class="input"
            type="password"
            autoComplete="current-password"
            value={current}
            onInput={(e) => setCurrent(e.currentTarget.value)}
          />
        </Field>
        <Field
          label={t("security.newPassword")}
          htmlFor="new-password"
          hint={t("security.passwordRule", { n: MIN_LENGTH })}
          error={tooShort ? t("security.passwordRule", { n: MIN_LENGTH }) : null}
        >
          <input
            id="new-password"
            class="input"
            type="password"
            autoComplete="new-password"
            value={next}
            onInput={(e) => setNext(e.currentTarget.value)}
          />
        </Field>
        <Field
          label={t("security.repeatPassword")}
          htmlFor="repeat-password"
          error={mismatch ? t("security.passwordMismatch") : null}
        >
          <input
            id="repeat-password"
            class="input"
            type="password"
            autoComplete="new-password"
            value={repeat}
            onInput={(e) => setRepeat(e.currentTarget.value)}
          />
        </Field>
        {error ? <ErrorNotice error={error} /> : null}
        <div class="form-actions">
          <button type="submit" class="btn btn-primary" disabled={busy || !ready}>
            {busy ? t("common.saving") : t("security.updatePassword")}
          </button>
        </div>
      </form>
    </section>
  );
}
