import type { QrCode, QrState } from "../../api/types";
import { Badge, type BadgeTone } from "../../components/Badge";
import { useFormat } from "../../hooks/use-format";
import { type MessageKey, useT } from "../../i18n";

const TONES: Record<QrState, BadgeTone> = {
  active: "success",
  expiring: "warning",
  expired: "danger",
  archived: "neutral",
};

export function QrStateBadge({ state }: { state: QrState }) {
  const t = useT();
  return <Badge tone={TONES[state]}>{t(`qr.state.${state}` as MessageKey)}</Badge>;
}

/** "Expires in 3 days" / "Never expires", under the badge. */
export function ExpiryText({ code }: { code: QrCode }) {
  const t = useT();
  const fmt = useFormat();
  if (code.kind === "permanent" || code.expiresAt === null) return <>{t("qr.neverExpires")}</>;
  const when = fmt.relative(code.expiresAt);
  return (
    <span title={fmt.dateTime(code.expiresAt)}>
      {t(code.expiresAt > Date.now() ? "qr.expiresIn" : "qr.expiredAt", { when })}
      {code.autoRenew ? ` · ${t("qr.autoRenew")}` : ""}
    </span>
  );
}
