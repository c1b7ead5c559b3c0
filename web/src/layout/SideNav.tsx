import { useLocation } from "preact-iso";
import { Icon, type IconName } from "../components/Icon";
import { useRoleAtLeast } from "../hooks/use-role";
import { type MessageKey, useT } from "../i18n";
import { useAccounts } from "../state/accounts";
import { Brand } from "./Brand";

type NavItem = { key: MessageKey; icon: IconName; href: string; match: RegExp };

function workspaceItems(accountId: string | undefined): NavItem[] {
  if (!accountId) return [];
  const base = `/accounts/${accountId}`;
  return [
    {
      key: "nav.overview",
      icon: "chart",
      href: `${base}/overview`,
      match: /^\/accounts\/[^/]+\/overview/,
    },
    {
      key: "nav.qrcodes",
      icon: "qrcode",
      href: `${base}/qrcodes`,
      match: /^\/accounts\/[^/]+\/qrcodes/,
    },
    { key: "nav.jobs", icon: "jobs", href: `${base}/jobs`, match: /^\/accounts\/[^/]+\/jobs/ },
    { key: "nav.forms", icon: "file", href: `${base}/forms`, match: /^\/accounts\/[^/]+\/forms/ },
    { key: "nav.contacts", icon: "users", href: "/contacts", match: /^\/(contacts|member-tags)/ },
  ];
}

const SETTINGS_ITEMS: NavItem[] = [
  {
    key: "nav.accounts",
    icon: "account",
    href: "/accounts",
    match: /^\/accounts(\/new|\/[^/]+\/settings)?$/,
  },
  { key: "nav.tokens", icon: "key", href: "/settings/tokens", match: /^\/settings\/tokens/ },
  {
    key: "nav.security",
    icon: "lock",
    href: "/settings/security",
    match: /^\/settings\/security/,
  },
];

/** Shown to admins and owners only; the server refuses these routes to anyone else. */
const ADMIN_ITEMS: NavItem[] = [
  { key: "nav.users", icon: "users", href: "/settings/users", match: /^\/settings\/users/ },
  { key: "nav.audit", icon: "history", href: "/settings/audit", match: /^\/settings\/audit/ },
  {
    key: "nav.deadLetters",
    icon: "inbox",
    href: "/settings/dead-letters",
    match: /^\/settings\/dead-letters/,
  },
];

function NavLink({ item, path }: { item: NavItem; path: string }) {
  const t = useT();
  const active = item.match.test(path);
  return (
    <a
      class={`nav-link${active ? " is-active" : ""}`}
      href={item.href}
      aria-current={active ? "page" : undefined}
    >
      <Icon name={item.icon} size={17} />
      <span>{t(item.key)}</span>
    </a>
  );
}

export function SideNav() {
  const t = useT();
  const { path } = useLocation();
  const { current } = useAccounts();
  const workspace = workspaceItems(current?.id);
  const isAdmin = useRoleAtLeast("admin");

  return (
    <nav class="sidenav" aria-label="main">
      <Brand />
      {workspace.length > 0 ? (
        <div class="nav-section">
          <div class="nav-section-title">{t("nav.workspace")}</div>
          {workspace.map((item) => (
            <NavLink key={item.key} item={item} path={path} />
          ))}
        </div>
      ) : null}
      <div class="nav-section">
        <div class="nav-section-title">{t("nav.settings")}</div>
        {SETTINGS_ITEMS.map((item) => (
          <NavLink key={item.key} item={item} path={path} />
        ))}
      </div>
      {isAdmin ? (
        <div class="nav-section" data-testid="admin-nav">
          <div class="nav-section-title">{t("nav.admin")}</div>
          {ADMIN_ITEMS.map((item) => (
            <NavLink key={item.key} item={item} path={path} />
          ))}
        </div>
      ) : null}
      <div class="nav-footer">
        <a class="nav-link nav-link-quiet" href="/api/docs" target="_blank" rel="noreferrer">
          <Icon name="external" size={15} />
          <span>{t("nav.apiDocs")}</span>
        </a>
      </div>
    </nav>
  );
}
