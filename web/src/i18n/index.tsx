import { type ComponentChildren, createContext } from "preact";
import { useCallback, useContext, useEffect, useMemo, useState } from "preact/hooks";
import { readStored, writeStored } from "../lib/storage";
import { en } from "./en";
import { type MessageKey, zhCN } from "./zh-CN";

export type { MessageKey };
export type Locale = "zh-CN" | "en";
export const LOCALES: readonly Locale[] = ["zh-CN", "en"];
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

const CATALOGS: Record<Locale, Record<MessageKey, string>> = { "zh-CN": zhCN, en };
const STORAGE_KEY = "console.locale";

function interpolate(text: string, vars?: Vars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = vars[name];
    return v === undefined ? m : String(v);
  });
}

export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  // A key missing at run time (a code the catalog does not know) reads as itself.
  return interpolate(CATALOGS[locale][key] ?? key, vars);
}

function initialLocale(): Locale {
  const stored = readStored(STORAGE_KEY);
  if (stored === "zh-CN" || stored === "en") return stored;
  // Chinese first: only a browser that asks for English alone gets English.
  return navigator.language.toLowerCase().startsWith("en") ? "en" : "zh-CN";
}

type I18n = { locale: Locale; setLocale: (l: Locale) => void; t: Translate };

const I18nContext = createContext<I18n>({
  locale: "zh-CN",
  setLocale: () => {},
  t: (key, vars) => translate("zh-CN", key, vars),
});

export function I18nProvider({ children }: { children: ComponentChildren }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = translate(locale, "app.title");
  }, [locale]);

  const setLocale = useCallback((l: Locale) => {
    writeStored(STORAGE_KEY, l);
    setLocaleState(l);
  }, []);
  const t = useCallback<Translate>((key, vars) => translate(locale, key, vars), [locale]);
  const value = useMemo(() => ({ locale, setLocale, t }), [locale, setLocale, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = () => useContext(I18nContext);
export const useT = () => useContext(I18nContext).t;
