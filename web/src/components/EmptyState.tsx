import type { ComponentChildren } from "preact";
import { Icon, type IconName } from "./Icon";

type EmptyStateProps = {
  icon?: IconName;
  title: string;
  body?: string;
  /** The next thing to do: usually one primary button. */
  children?: ComponentChildren;
  compact?: boolean;
};

export function EmptyState({ icon = "info", title, body, children, compact }: EmptyStateProps) {
  return (
    <div class={`empty-state${compact ? " empty-state-compact" : ""}`}>
      <div class="empty-state-icon">
        <Icon name={icon} size={compact ? 20 : 26} />
      </div>
      <div class="empty-state-title">{title}</div>
      {body ? <p class="empty-state-body">{body}</p> : null}
      {children ? <div class="empty-state-actions">{children}</div> : null}
    </div>
  );
}
