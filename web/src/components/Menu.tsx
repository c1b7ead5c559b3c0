import type { ComponentChildren } from "preact";
import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";

type MenuProps = {
  /** The button's content; the menu opens below it. */
  trigger: ComponentChildren;
  triggerClass?: string;
  triggerLabel?: string;
  align?: "left" | "right";
  disabled?: boolean;
  children: (close: () => void) => ComponentChildren;
};

type Place = { top: number; left?: number; right?: number; flip: boolean };

/**
 * A dropdown menu: click to open, click outside or Escape closes it.
 * The popover is fixed to the viewport, so a scrolling table cannot clip it;
 * near the bottom of the window it opens upwards.
 */
export function Menu({
  trigger,
  triggerClass = "btn",
  triggerLabel,
  align = "right",
  disabled,
  children,
}: MenuProps) {
  const [place, setPlace] = useState<Place | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  const open = place !== null;

  const placeBelow = (): Place | null => {
    if (!ref.current) return null;
    const r = ref.current.getBoundingClientRect();
    return {
      top: r.bottom + 6,
      left: align === "left" ? r.left : undefined,
      right: align === "right" ? window.innerWidth - r.right : undefined,
      flip: false,
    };
  };
  const toggle = () => setPlace(open ? null : placeBelow());

  useLayoutEffect(() => {
    const el = popover.current;
    if (!place || place.flip || !el || !ref.current) return;
    const h = el.getBoundingClientRect().height;
    if (place.top + h > window.innerHeight - 8) {
      const r = ref.current.getBoundingClientRect();
      setPlace({ ...place, top: Math.max(8, r.top - 6 - h), flip: true });
    }
  }, [place]);

  useEffect(() => {
    if (!open) return;
    const close = () => setPlace(null);
    // Scrolling moves the trigger; the popover follows it rather than closing under the pointer.
    const follow = () => setPlace(placeBelow());
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) close();
    };
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && close();
    document.addEventListener("mousedown", onDown);
    document.addEventListener("keydown", onKey);
    window.addEventListener("scroll", follow, true);
    window.addEventListener("resize", close);
    return () => {
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey);
      window.removeEventListener("scroll", follow, true);
      window.removeEventListener("resize", close);
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
        onClick={toggle}
      >
        {trigger}
      </button>
      {place ? (
        <div
          class="menu-popover"
          role="menu"
          ref={popover}
          style={{ top: `${place.top}px`, left: place.left, right: place.right }}
        >
          {children(() => setPlace(null))}
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
