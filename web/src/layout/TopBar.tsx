import { AccountSwitcher } from "./AccountSwitcher";
import { LanguageSwitcher } from "./LanguageSwitcher";
import { UserMenu } from "./UserMenu";

export function TopBar() {
  return (
    <header class="topbar">
      <AccountSwitcher />
      <div class="topbar-spacer" />
      <LanguageSwitcher />
      <UserMenu />
    </header>
  );
}
