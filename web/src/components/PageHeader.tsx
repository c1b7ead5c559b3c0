import type { ComponentChildren } from "preact";
import { Icon } from "./Icon";

type PageHeaderProps = {
  title: ComponentChildren;
  subtitle?: ComponentChildren;
  /** Buttons on the right: the page's main action last. */
  actions?: ComponentChildren;
  back?: { href: string; label: string };
};

export function PageHeader({ title, subtitle, actions, back }: PageHeaderProps) {
  return (
    <header class="page-header">
      <div class="page-header-text">
        {back ? (
          <a class="page-back" href={back.href}>
            <Icon name="chevronLeft" size={14} />
            {back.label}
          </a>
        ) : null}
        <h1 class="page-title">{title}</h1>
        {subtitle ? <p class="page-subtitle">{subtitle}</p> : null}
      </div>
      {actions ? <div class="page-actions">{actions}</div> : null}
    </header>
  );
}
