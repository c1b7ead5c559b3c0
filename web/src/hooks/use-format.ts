import { useMemo } from "preact/hooks";
import { useI18n } from "../i18n";
import { createFormatter, type Formatter } from "../lib/format";
import { useAccounts } from "../state/accounts";

export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

/** Formatters in the console's language and the current account's time zone. */
export function useFormat(): Formatter {
  const { locale } = useI18n();
  const { current } = useAccounts();
  const timeZone = current?.timeZone || DEFAULT_TIME_ZONE;
  return useMemo(() => createFormatter(locale, timeZone), [locale, timeZone]);
}
