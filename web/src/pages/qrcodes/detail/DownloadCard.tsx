import { useState } from "preact/hooks";
import { qrImageUrl } from "../../../api/qrcodes";
import type { QrCode } from "../../../api/types";
import { Field } from "../../../components/Field";
import { Icon } from "../../../components/Icon";
import { SizePicker } from "../../../components/SizePicker";
import { useT } from "../../../i18n";
import { DEFAULT_PRINT_SIZE, findPrintSize } from "../../../lib/print-sizes";

/** PNG or SVG at a screen size in pixels or a print size in centimetres at 300 dpi. */
export function DownloadCard({ code }: { code: QrCode }) {
  const t = useT();
  const [format, setFormat] = useState<"png" | "svg">("png");
  const [sizeId, setSizeId] = useState(DEFAULT_PRINT_SIZE);
  const [caption, setCaption] = useState(false);
  const size = findPrintSize(sizeId);
  const href = qrImageUrl(code.accountId, code.id, {
    format,
    size: size.px,
    cm: size.cm,
    caption,
    download: true,
  });

  return (
    <section class="card form" data-testid="download-card">
      <h2 class="card-title">{t("detail.download")}</h2>
      <div class="form-row form-row-tight">
        <Field label={t("detail.format")}>
          <div class="segmented">
            {(["png", "svg"] as const).map((f) => (
              <button
                key={f}
                type="button"
                class={`segmented-item${format === f ? " is-active" : ""}`}
                aria-pressed={format === f}
                onClick={() => setFormat(f)}
              >
                {f.toUpperCase()}
              </button>
            ))}
          </div>
        </Field>
        <Field label={t("detail.size")} htmlFor="download-size">
          <SizePicker id="download-size" value={sizeId} onChange={setSizeId} />
        </Field>
      </div>
      <label class="check-label">
        <input
          type="checkbox"
          class="checkbox"
          checked={caption}
          onChange={(e) => setCaption(e.currentTarget.checked)}
        />
        {t("detail.caption")}
      </label>
      <a
        class={`btn btn-block${code.url ? "" : " is-disabled"}`}
        href={href}
        download
        data-testid="download-image"
      >
        <Icon name="download" size={15} />
        {t("detail.downloadAs", { format: format.toUpperCase(), px: size.px })}
      </a>
    </section>
  );
}
