import { useState } from "preact/hooks";
import { useT } from "../i18n";
import { Icon } from "./Icon";

type CopyButtonProps = { value: string; compact?: boolean; label?: string };

export async function copyText(value: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(value);
    return true;
  } catch {
    // Clipboard API needs a secure context; fall back to a hidden textarea.
    const area = document.createElement("textarea");
    area.value = value;
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.append(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

export function CopyButton({ value, compact, label }: CopyButtonProps) {
  const t = useT();
  const [copied, setCopied] = useState(false);

  const onClick = async () => {
    if (await copyText(value)) {
      setCopied(true);
      setTimeout(() => setCopied(false), 1600);
    }
  };

  const text = copied ? t("common.copied") : (label ?? t("common.copy"));
  if (compact) {
    return (
      <button
        type="button"
        class={`icon-btn icon-btn-xs${copied ? " is-done" : ""}`}
        onClick={onClick}
        title={text}
        aria-label={text}
      >
        <Icon name={copied ? "check" : "copy"} size={13} />
      </button>
    );
  }
  return (
    <button type="button" class={`btn btn-sm${copied ? " is-done" : ""}`} onClick={onClick}>
      <Icon name={copied ? "check" : "copy"} size={14} />
      {text}
    </button>
  );
}
