import { Icon } from "../../../components/Icon";
import { type MessageKey, useT } from "../../../i18n";

const STEPS: MessageKey[] = ["import.step.upload", "import.step.preview", "import.step.run"];

/** Where the operator is in upload → check → create. */
export function Steps({ current }: { current: 0 | 1 | 2 }) {
  const t = useT();
  return (
    <ol class="steps">
      {STEPS.map((key, i) => (
        <li
          key={key}
          class={`step${i === current ? " is-current" : ""}${i < current ? " is-done" : ""}`}
        >
          <span class="step-dot">{i < current ? <Icon name="check" size={12} /> : i + 1}</span>
          {t(key)}
        </li>
      ))}
    </ol>
  );
}
