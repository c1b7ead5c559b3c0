import { Icon } from "../../../components/Icon";
import { Menu, MenuItem } from "../../../components/Menu";
import { useT } from "../../../i18n";

type ExportFormat = "xlsx" | "csv";

/** The fan list's export button: Excel or CSV of the view on screen. */
export function ExportMenu({ onExport }: { onExport: (format: ExportFormat) => void }) {
  const t = useT();
  return (
    <Menu
      trigger={
        <>
          <Icon name="download" size={14} />
          {t("detail.export")}
          <Icon name="chevronDown" size={13} />
        </>
      }
      triggerClass="btn btn-sm"
    >
      {(close) => (
        <>
          <MenuItem
            onSelect={() => {
              close();
              onExport("xlsx");
            }}
          >
            <Icon name="file" size={15} />
            {t("detail.exportXlsx")}
          </MenuItem>
          <MenuItem
            onSelect={() => {
              close();
              onExport("csv");
            }}
          >
            <Icon name="file" size={15} />
            {t("detail.exportCsv")}
          </MenuItem>
        </>
      )}
    </Menu>
  );
}
