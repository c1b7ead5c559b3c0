import { useState } from "preact/hooks";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Field } from "../../components/Field";
import { Icon } from "../../components/Icon";
import { useAction } from "../../hooks/use-action";
import { useT } from "../../i18n";
import { BrandMark } from "../../layout/Brand";
import { LanguageSwitcher } from "../../layout/LanguageSwitcher";
import { useSession } from "../../state/session";

export function SignInPage({ expired }: { expired: boolean }) {
  const t = useT();
  const { signIn } = useSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const { busy, error, run } = useAction({ keepBusy: true });

  const submit = async (e: Event) => {
    e.preventDefault();
    await run(() => signIn(email.trim(), password));
  };

  return (
    <div class="signin">
      <div class="signin-lang">
        <LanguageSwitcher />
      </div>
      <div class="signin-card">
        <div class="signin-brand">
          <BrandMark size={40} />
          <div>
            <div class="signin-product">{t("app.name")}</div>
            <div class="signin-tagline">{t("app.tagline")}</div>
          </div>
        </div>
        <h1 class="signin-title">{t("auth.welcome")}</h1>
        <p class="signin-subtitle">{t("auth.subtitle")}</p>
        {expired && !error ? (
          <div class="notice notice-info">
            <Icon name="info" size={16} />
            {t("auth.sessionExpired")}
          </div>
        ) : null}
        {error ? <ErrorNotice error={error} /> : null}
        <form class="form" onSubmit={submit} name="sign-in">
          <Field label={t("auth.email")} htmlFor="email">
            <input
              id="email"
              name="email"
              class="input input-lg"
              type="email"
              autoComplete="username"
              placeholder={t("auth.emailPlaceholder")}
              required
              value={email}
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
          </Field>
          <Field label={t("auth.password")} htmlFor="password">
            <input
              id="password"
              name="password"
              class="input input-lg"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </Field>
          <button type="submit" class="btn btn-primary btn-lg btn-block" disabled={busy}>
            {busy ? t("auth.signingIn") : t("auth.signIn")}
          </button>
        </form>
      </div>
      <div class="signin-footer">{t("auth.footer")}</div>
    </div>
  );
}
