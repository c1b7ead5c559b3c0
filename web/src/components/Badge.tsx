import type { ComponentChildren } from "preact";

export type BadgeTone = "neutral" | "success" | "warning" | "danger" | "info" | "accent";

export function Badge({
  tone = "neutral",
  children,
}: {
  tone?: BadgeTone;
  children: ComponentChildren;
}) {
  return (
    <span class={`badge badge-${tone}`}>
      <span class="badge-dot" />
      {children}
    </span>
  );
}
