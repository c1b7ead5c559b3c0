import { canManageRole, USER_ROLES, type UserRole } from "../../api/users";
import { type MessageKey, useT } from "../../i18n";
import { useUser } from "../../state/session";
import { roleLabelKey } from "./RoleBadge";

type RolePickerProps = { value: UserRole; onChange: (role: UserRole) => void };

/** The roles the signed-in user may hand out, each with what it allows in one line. */
export function RolePicker({ value, onChange }: RolePickerProps) {
  const t = useT();
  const actor = useUser();
  const roles = USER_ROLES.filter((r) => canManageRole(actor.role, r));

  return (
    <div class="choice-list" role="radiogroup" aria-label={t("users.role")}>
      {roles.map((role) => (
        <label key={role} class={`choice role-choice${value === role ? " is-active" : ""}`}>
          <input
            type="radio"
            name="user-role"
            value={role}
            checked={value === role}
            onChange={() => onChange(role)}
          />
          <span class="role-choice-text">
            <span class="strong">{t(roleLabelKey(role))}</span>
            <span class="role-choice-hint">{t(`users.roleHint.${role}` as MessageKey)}</span>
          </span>
        </label>
      ))}
    </div>
  );
}
