import { Icon } from "../components/Icon";
import { LOCALES, type Locale, useI18n } from "../i18n";

const LABELS: Record<Locale, string> = { "zh-CN": "中文", en: "EN" };

/** A two-way segmented switch: both choices are visible, one click changes language. */
export function LanguageSwitcher() {
  const { locale, setLocale, t } = useI18n();
  return (
    <fieldset class="segmented segmented-sm" aria-label={t("topbar.language")}>
      <Icon name="globe" size={14} class="segmented-icon" />
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          class={`segmented-item${l === locale ? " is-active" : ""}`}
          aria-pressed={l === locale}
          lang={l}
          onClick={() => setLocale(l)}
        >
          {LABELS[l]}
        </button>
      ))}
    </fieldset>
  );
}
