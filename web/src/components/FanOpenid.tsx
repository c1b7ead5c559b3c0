import { useT } from "../i18n";
import { Badge } from "./Badge";

type FanOpenidProps = {
  openid: string | null | undefined;
  /** The API's flag for a fan whose personal data was erased; its openid is then empty. */
  erased?: boolean | undefined;
};

/** A fan's openid in a table cell, or "Erased" once a privacy request removed it. */
export function FanOpenid({ openid, erased }: FanOpenidProps) {
  const t = useT();
  if (erased) return <Badge>{t("erase.erased")}</Badge>;
  if (!openid) return <span class="muted">—</span>;
  return (
    <div class="mono small fan-openid" title={openid}>
      {openid}
    </div>
  );
}
