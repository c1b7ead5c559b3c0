import type { UserRole } from "../../api/users";
import { Field } from "../../components/Field";
import { useT } from "../../i18n";
import { AccountGrantPicker } from "./AccountGrantPicker";
import { RolePicker } from "./RolePicker";

type RoleAndAccessFieldsProps = {
  role: UserRole;
  onRole: (role: UserRole) => void;
  accountIds: string[];
  onAccountIds: (ids: string[]) => void;
};

/** A user's role and the accounts granted to them; owners see every account, so none are picked. */
export function RoleAndAccessFields(props: RoleAndAccessFieldsProps) {
  const t = useT();
  const owner = props.role === "owner";
  return (
    <>
      <Field label={t("users.role")}>
        <RolePicker value={props.role} onChange={props.onRole} />
      </Field>
      <Field label={t("users.accounts")} hint={owner ? undefined : t("users.accountsHint")}>
        {owner ? (
          <div class="notice notice-neutral">{t("users.ownerSeesAll")}</div>
        ) : (
          <AccountGrantPicker value={props.accountIds} onChange={props.onAccountIds} />
        )}
      </Field>
    </>
  );
}
