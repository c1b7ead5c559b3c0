import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";

type MenuProps = {
  /** The button's content; the menu opens below it. */
  trigger: ComponentChildren;
  triggerClass?: string;
  triggerLabel?: string;
  align?: "left" | "right";
  disabled?: boolean;
  children: (close: () => void) => ComponentChildren;
};

/** A dropdown menu: click to open, click outside or Escape to close. */
export function Menu({
  trigger,
  triggerClass = "btn",
  triggerLabel,
  align = "right",
  disabled,
  children,
}: MenuProps) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    document.addEventListener("mousedown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  return (
    <div class="menu" ref={ref}>
      <button
        type="button"
        class={triggerClass}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={triggerLabel}
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
      >
        {trigger}
      </button>
      {open ? (
        <div class={`menu-popover menu-${align}`} role="menu">
          {children(() => setOpen(false))}
        </div>
      ) : null}
    </div>
  );
}

type MenuItemProps = {
  onSelect?: () => void;
  href?: string;
  danger?: boolean;
  active?: boolean;
  disabled?: boolean;
  children: ComponentChildren;
};

export function MenuItem({ onSelect, href, danger, active, disabled, children }: MenuItemProps) {
  const cls = `menu-item${danger ? " is-danger" : ""}${active ? " is-active" : ""}`;
  if (href) {
    return (
      <a class={cls} role="menuitem" href={href} onClick={onSelect}>
        {children}
      </a>
    );
  }
  return (
    <button type="button" class={cls} role="menuitem" onClick={onSelect} disabled={disabled}>
      {children}
    </button>
  );
}
