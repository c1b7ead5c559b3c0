import { Badge } from "../components/Badge";
import { Icon } from "../components/Icon";
import { Menu, MenuItem } from "../components/Menu";
import { Spinner } from "../components/Spinner";
import { useCan } from "../hooks/use-role";
import { useT } from "../i18n";
import { useAccounts } from "../state/accounts";

function initials(name: string): string {
  return name.trim().slice(0, 1).toUpperCase() || "?";
}

/** The account every page follows; the choice is kept in the URL and in localStorage. */
export function AccountSwitcher() {
  const t = useT();
  const { accounts, current, loading, switchTo } = useAccounts();
  const canConnect = useCan("admin");

  if (loading && accounts.length === 0) return <Spinner />;
  if (!current) {
    // Only admins and owners connect accounts; the others wait for a grant.
    if (!canConnect) return <span class="muted small">{t("topbar.noAccounts")}</span>;
    return (
      <a class="btn btn-sm" href="/accounts/new">
        <Icon name="plus" size={14} />
        {t("account.add")}
      </a>
    );
  }

  return (
    <Menu
      align="left"
      triggerClass="account-switcher"
      triggerLabel={t("topbar.switchAccount")}
      trigger={
        <>
          <span class="account-avatar">{initials(current.name)}</span>
          <span class="account-switcher-text">
            <span class="account-switcher-label">{t("topbar.account")}</span>
            <span class="account-switcher-name" data-testid="current-account">
              {current.name}
            </span>
          </span>
          {current.isSandbox ? <Badge tone="info">{t("topbar.sandbox")}</Badge> : null}
          <Icon name="chevronDown" size={14} class="account-switcher-caret" />
        </>
      }
    >
      {(close) => (
        <>
          <div class="menu-title">{t("topbar.switchAccount")}</div>
          {accounts.map((a) => (
            <MenuItem
              key={a.id}
              active={a.id === current.id}
              onSelect={() => {
                close();
                if (a.id !== current.id) switchTo(a.id);
              }}
            >
              <span class="account-avatar account-avatar-sm">{initials(a.name)}</span>
              <span class="menu-item-main">
                <span>{a.name}</span>
                <span class="menu-item-sub mono">{a.appId}</span>
              </span>
              {a.isSandbox ? <Badge tone="info">{t("topbar.sandbox")}</Badge> : null}
              {a.id === current.id ? <Icon name="check" size={14} class="menu-check" /> : null}
            </MenuItem>
          ))}
          <div class="menu-divider" />
          <MenuItem href="/accounts" onSelect={close}>
            <Icon name="account" size={15} />
            {t("topbar.manageAccounts")}
          </MenuItem>
        </>
      )}
    </Menu>
  );
}
