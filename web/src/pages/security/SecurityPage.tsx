import { useState } from "preact/hooks";
import { PageHeader } from "../../components/PageHeader";
import { useT } from "../../i18n";
import { useUser } from "../../state/session";
import { RoleBadge } from "../users/RoleBadge";
import { ChangePasswordCard } from "./ChangePasswordCard";
import { SessionsCard } from "./SessionsCard";
import "./security.css";

/** The signed-in user's own sign-in: who they are, their password, their sessions. */
export function SecurityPage() {
  const t = useT();
  const user = useUser();
  const [version, setVersion] = useState(0);

  return (
    <div class="page">
      <PageHeader title={t("security.title")} subtitle={t("security.subtitle")} />
      <section class="card profile-card" data-testid="profile-card">
        <span class="user-avatar profile-avatar">
          {(user.name || user.email).slice(0, 1).toUpperCase()}
        </span>
        <div class="grow">
          <div class="profile-name">{user.name || user.email}</div>
          <div class="muted">{user.email}</div>
        </div>
        <div class="profile-role">
          <span class="muted small">{t("users.role")}</span>
          <RoleBadge role={user.role} />
        </div>
      </section>
      <div class="split">
        <div class="split-main">
          <SessionsCard version={version} />
        </div>
        <div class="split-side">
          <ChangePasswordCard onChanged={() => setVersion((v) => v + 1)} />
        </div>
      </div>
    </div>
  );
}
