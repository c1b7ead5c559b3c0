import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { useT } from "../i18n";
import { Icon } from "./Icon";

type ModalProps = {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  footer?: ComponentChildren;
  size?: "sm" | "md" | "lg";
};

/** A centred dialog; Escape and the backdrop close it, focus moves into it. */
export function Modal({ title, onClose, children, footer, size = "md" }: ModalProps) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
    };
    document.addEventListener("keydown", onKey);
    const first = ref.current?.querySelector<HTMLElement>(
      "input, select, textarea, button.btn-primary",
    );
    first?.focus();
    return () => document.removeEventListener("keydown", onKey);
  }, [onClose]);

  return (
    // Escape closes it from the keyboard (above); the backdrop click is the pointer's way out.
    // biome-ignore lint/a11y/noStaticElementInteractions: the dialog inside is the interactive element
    <div class="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        class={`modal modal-${size}`}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        ref={ref}
      >
        <div class="modal-header">
          <h2 class="modal-title">{title}</h2>
          <button type="button" class="icon-btn" onClick={onClose} aria-label={t("common.close")}>
            <Icon name="x" />
          </button>
        </div>
        <div class="modal-body">{children}</div>
        {footer ? <div class="modal-footer">{footer}</div> : null}
      </div>
    </div>
  );
}
