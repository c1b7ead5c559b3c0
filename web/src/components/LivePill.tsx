import { useT } from "../i18n";

/** Shown while the live-counter socket is open: the numbers on screen follow new scans. */
export function LivePill({ on }: { on: boolean }) {
  const t = useT();
  if (!on) return null;
  return (
    <span class="live-pill" title={t("qr.liveNumbers")} data-testid="live-pill">
      <span class="live-dot" />
      {t("detail.live")}
    </span>
  );
}
