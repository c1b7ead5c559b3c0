import { qrImageUrl } from "../../../api/qrcodes";
import type { QrCode } from "../../../api/types";
import { CopyField } from "../../../components/CopyField";
import { useFormat } from "../../../hooks/use-format";
import { type MessageKey, useT } from "../../../i18n";
import { ExpiryText } from "../QrStateBadge";

/** The code itself: its image, what it encodes, and the stable live link for web pages. */
export function QrInfoCard({ code }: { code: QrCode }) {
  const t = useT();
  const fmt = useFormat();
  const rows: [MessageKey, preact.ComponentChildren][] = [
    ["qr.scene", <span class="mono">{code.scene}</span>],
    ["qr.kind", t(`qr.kind.${code.kind}` as MessageKey)],
    ["detail.expires", <ExpiryText code={code} />],
    ["qr.group", code.groupName ?? t("qr.noGroup")],
    ["detail.created", fmt.dateTime(code.createdAt)],
  ];
  if (code.renewedAt) rows.push(["detail.renewedAt", fmt.dateTime(code.renewedAt)]);

  return (
    <section class="card qr-info">
      <div class="qr-preview">
        {code.url ? (
          <img
            src={qrImageUrl(code.accountId, code.id, { format: "svg", size: 430 })}
            alt={code.name}
            data-testid="qr-image"
          />
        ) : (
          <div class="qr-preview-missing">—</div>
        )}
      </div>
      <dl class="facts">
        {rows.map(([label, value]) => (
          <div key={label} class="fact">
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div class="stack stack-sm">
        {code.url ? <CopyField label={t("detail.ticketUrl")} value={code.url} /> : null}
        <CopyField
          label={t("detail.liveUrl")}
          value={code.liveUrl}
          hint={t("detail.liveUrlHint")}
        />
      </div>
    </section>
  );
}
