import { Icon } from "../../components/Icon";
import { useT } from "../../i18n";

type BulkBarProps = {
  count: number;
  onDownload: () => void;
  onExportScans: () => void;
  onMove: () => void;
  onDelete: () => void;
  onClear: () => void;
};

/** Appears over the table while codes are selected. */
export function BulkBar({
  count,
  onDownload,
  onExportScans,
  onMove,
  onDelete,
  onClear,
}: BulkBarProps) {
  const t = useT();
  return (
    <div class="bulk-bar" role="toolbar" data-testid="bulk-bar">
      <span class="bulk-count">{t("common.selected", { count })}</span>
      <button type="button" class="btn btn-sm" onClick={onDownload}>
        <Icon name="download" size={14} />
        {t("qr.downloadSelected")}
      </button>
      <button type="button" class="btn btn-sm" onClick={onExportScans}>
        <Icon name="file" size={14} />
        {t("qr.exportScans")}
      </button>
      <button type="button" class="btn btn-sm" onClick={onMove}>
        <Icon name="folder" size={14} />
        {t("qr.moveTo")}
      </button>
      <button type="button" class="btn btn-sm btn-danger-outline" onClick={onDelete}>
        <Icon name="trash" size={14} />
        {t("common.delete")}
      </button>
      <div class="spacer" />
      <button type="button" class="btn btn-sm btn-ghost" onClick={onClear}>
        {t("common.clearSelection")}
      </button>
    </div>
  );
}
