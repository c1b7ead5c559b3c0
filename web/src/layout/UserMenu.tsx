import { Icon } from "../components/Icon";
import { Menu, MenuItem } from "../components/Menu";
import { type MessageKey, useT } from "../i18n";
import { useSession, useUser } from "../state/session";

export function UserMenu() {
  const t = useT();
  const user = useUser();
  const { signOut } = useSession();
  const display = user.name || user.email;

  return (
    <Menu
      triggerClass="user-trigger"
      triggerLabel={display}
      trigger={
        <>
          <span class="user-avatar">{display.slice(0, 1).toUpperCase()}</span>
          <Icon name="chevronDown" size={14} />
        </>
      }
    >
      {(close) => (
        <>
          <div class="menu-user">
            <div class="menu-user-name">{user.name || user.email}</div>
            <div class="menu-user-email">{user.email}</div>
            <div class="menu-user-role">{t(`auth.role.${user.role}` as MessageKey)}</div>
          </div>
          <div class="menu-divider" />
          <MenuItem href="/settings/security" onSelect={close}>
            <Icon name="lock" size={15} />
            {t("nav.security")}
          </MenuItem>
          <MenuItem href="/settings/tokens" onSelect={close}>
            <Icon name="key" size={15} />
            {t("nav.tokens")}
          </MenuItem>
          <MenuItem
            onSelect={() => {
              close();
              void signOut();
            }}
          >
            <Icon name="logout" size={15} />
            {t("topbar.signOut")}
          </MenuItem>
        </>
      )}
    </Menu>
  );
}
