import { useState } from "preact/hooks";
import { uploadImport } from "../../../api/imports";
import type { ImportPreview } from "../../../api/types";
import { ErrorNotice } from "../../../components/ErrorNotice";
import { Icon } from "../../../components/Icon";
import { Spinner } from "../../../components/Spinner";
import { useAction } from "../../../hooks/use-action";
import { useT } from "../../../i18n";

// A BOM makes Excel open the template as UTF-8, so the Chinese header survives.
const TEMPLATE =
  "\uFEFF名称,分组,粉丝标签,会员标签\r\n春季活动_上海_静安门店,上海门店,,\r\n春季活动_上海_徐汇门店,上海门店,,\r\n";

function downloadTemplate() {
  const url = URL.createObjectURL(new Blob([TEMPLATE], { type: "text/csv;charset=utf-8" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = "qrcode-names-template.csv";
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Drop or choose a CSV/XLSX of names; the server reads it and answers the preview. */
export function UploadStep({
  accountId,
  onPreview,
}: {
  accountId: string;
  onPreview: (p: ImportPreview) => void;
}) {
  const t = useT();
  const { busy, error, run } = useAction({ keepBusy: true });
  const [over, setOver] = useState(false);

  const send = async (file: File | undefined) => {
    if (!file) return;
    await run(async () => onPreview(await uploadImport(accountId, file)));
  };

  return (
    <div class="stack">
      <label
        class={`dropzone${over ? " is-over" : ""}${busy ? " is-busy" : ""}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void send(e.dataTransfer?.files[0]);
        }}
      >
        <input
          type="file"
          name="file"
          class="visually-hidden"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy}
          onChange={(e) => void send(e.currentTarget.files?.[0])}
        />
        <span class="dropzone-icon">
          {busy ? <Spinner size={22} /> : <Icon name="upload" size={24} />}
        </span>
        <span class="dropzone-title">{busy ? t("import.parsing") : t("import.drop")}</span>
        <span class="dropzone-hint">{t("import.dropHint")}</span>
      </label>
      {error ? <ErrorNotice error={error} /> : null}
      <div>
        <button type="button" class="btn btn-ghost" onClick={downloadTemplate}>
          <Icon name="download" size={14} />
          {t("import.template")}
        </button>
      </div>
    </div>
  );
}
