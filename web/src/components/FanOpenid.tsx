import { useT } from "../i18n";
import { Badge } from "./Badge";

// src/privacy/erase-fan.ts replaces an erased fan's openid with `erased:{fanId}`,
// so lists that join the fan (reply deliveries, conflicts) show it as erased.
const ERASED_PREFIX = "erased:";

export const isErasedOpenid = (openid: string | null | undefined) =>
  Boolean(openid?.startsWith(ERASED_PREFIX));

/** A fan's openid in a table cell, or "Erased" once a privacy request removed it. */
export function FanOpenid({ openid }: { openid: string | null | undefined }) {
  const t = useT();
  if (!openid) return <span class="muted">—</span>;
  if (isErasedOpenid(openid)) return <Badge>{t("erase.erased")}</Badge>;
  return (
    <div class="mono small fan-openid" title={openid}>
      {openid}
    </div>
  );
}
