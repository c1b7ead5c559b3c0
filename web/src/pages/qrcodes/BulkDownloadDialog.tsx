import { useState } from "preact/hooks";
import { isMissingRoute } from "../../api/client";
import { type DownloadBody, startQrDownload } from "../../api/downloads";
import type { Job } from "../../api/types";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Field } from "../../components/Field";
import { JobWatch } from "../../components/JobWatch";
import { Modal } from "../../components/Modal";
import { SizePicker } from "../../components/SizePicker";
import { useAction } from "../../hooks/use-action";
import { useT } from "../../i18n";
import { DEFAULT_PRINT_SIZE, findPrintSize } from "../../lib/print-sizes";

type BulkDownloadDialogProps = {
  accountId: string;
  title: string;
  target: { ids: string[] } | { groupId: string };
  onClose: () => void;
};

/** Chooses format and size, starts the ZIP job and follows it to the download link. */
export function BulkDownloadDialog({ accountId, title, target, onClose }: BulkDownloadDialogProps) {
  const t = useT();
  const [format, setFormat] = useState<"png" | "svg">("png");
  const [sizeId, setSizeId] = useState(DEFAULT_PRINT_SIZE);
  const [caption, setCaption] = useState(false);
  const [job, setJob] = useState<Job | null>(null);
  const { busy, error, run } = useAction();

  const start = async () => {
    await run(async () => {
      const size = findPrintSize(sizeId);
      const body: DownloadBody = {
        ...target,
        format,
        size: size.cm ? undefined : size.px,
        cm: size.cm,
        caption,
      };
      setJob(await startQrDownload(accountId, body));
    });
  };

  return (
    <Modal
      title={title}
      onClose={onClose}
      footer={
        job ? (
          <button type="button" class="btn" onClick={onClose}>
            {t("common.close")}
          </button>
        ) : (
          <>
            <button type="button" class="btn" onClick={onClose}>
              {t("common.cancel")}
            </button>
            <button type="button" class="btn btn-primary" onClick={start} disabled={busy}>
              {t("common.download")}
            </button>
          </>
        )
      }
    >
      {job ? (
        <JobWatch job={job} />
      ) : (
        <div class="form">
          <div class="form-row">
            <Field label={t("detail.format")}>
              <div class="segmented">
                {(["png", "svg"] as const).map((f) => (
                  <button
                    key={f}
                    type="button"
                    class={`segmented-item${format === f ? " is-active" : ""}`}
                    onClick={() => setFormat(f)}
                  >
                    {f.toUpperCase()}
                  </button>
                ))}
              </div>
            </Field>
            <Field label={t("detail.size")} htmlFor="bulk-size">
              <SizePicker id="bulk-size" value={sizeId} onChange={setSizeId} />
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
          {error && isMissingRoute(error) ? (
            <div class="notice notice-warning">{t("qr.bulkDownloadUnavailable")}</div>
          ) : error ? (
            <ErrorNotice error={error} />
          ) : null}
        </div>
      )}
    </Modal>
  );
}
