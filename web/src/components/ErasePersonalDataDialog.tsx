import { useT } from "../i18n";
import { ConfirmDialog } from "./ConfirmDialog";
import { Icon } from "./Icon";
import "./erase-dialog.css";

type ErasePersonalDataDialogProps = {
  /** A fan of one account, or a contact with everything it holds. */
  subject: "fan" | "contact";
  /** Who is being erased, as the list shows them (openid, name). */
  label: string;
  onErase: () => Promise<void>;
  onClose: () => void;
};

/**
 * The confirmation before a privacy erasure: says what goes, what stays (the
 * numbers), and that there is no undo. The server refuses a second erasure.
 */
export function ErasePersonalDataDialog(props: ErasePersonalDataDialogProps) {
  const t = useT();
  const fan = props.subject === "fan";
  return (
    <ConfirmDialog
      title={t(fan ? "erase.fanTitle" : "erase.contactTitle")}
      confirmLabel={t("erase.confirm")}
      danger
      onClose={props.onClose}
      onConfirm={props.onErase}
      body={
        <div class="erase-body" data-testid="erase-dialog">
          <div class="erase-subject mono">{props.label}</div>
          <p>{t(fan ? "erase.fanGoes" : "erase.contactGoes")}</p>
          <p>{t(fan ? "erase.fanStays" : "erase.contactStays")}</p>
          <div class="notice notice-warning">
            <Icon name="alert" size={15} />
            {t("erase.noUndo")}
          </div>
        </div>
      }
    />
  );
}
