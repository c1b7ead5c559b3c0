import { EmptyState } from "../../components/EmptyState";
import { Icon } from "../../components/Icon";
import { useT } from "../../i18n";
import { useAccounts } from "../../state/accounts";

type AccountGrantPickerProps = { value: string[]; onChange: (ids: string[]) => void };

/**
 * Ticks for the accounts a user may open. Only the accounts the signed-in user
 * sees are offered; a grant to one they cannot see is kept as it is.
 */
export function AccountGrantPicker({ value, onChange }: AccountGrantPickerProps) {
  const t = useT();
  const { accounts } = useAccounts();
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...value, id] : value.filter((v) => v !== id));

  if (accounts.length === 0) {
    return <EmptyState compact icon="account" title={t("users.noAccountsToGrant")} />;
  }
  return (
    <div class="grant-list" data-testid="account-grants">
      {accounts.map((a) => (
        <label key={a.id} class={`grant-item${value.includes(a.id) ? " is-on" : ""}`}>
          <input
            type="checkbox"
            class="checkbox"
            checked={value.includes(a.id)}
            onChange={(e) => toggle(a.id, e.currentTarget.checked)}
          />
          <span class="grant-name">{a.name}</span>
          {a.isSandbox ? (
            <span class="grant-kind">
              <Icon name="sandbox" size={12} />
              {t("topbar.sandbox")}
            </span>
          ) : null}
        </label>
      ))}
    </div>
  );
}
