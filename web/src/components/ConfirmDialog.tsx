import type { ComponentChildren } from "preact";
import { useAction } from "../hooks/use-action";
import { useT } from "../i18n";
import { ErrorNotice } from "./ErrorNotice";
import { Modal } from "./Modal";

type ConfirmDialogProps = {
  title: string;
  body: ComponentChildren;
  confirmLabel: string;
  danger?: boolean;
  /** Runs on confirm; a thrown ApiError is shown in the dialog, which stays open. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
};

export function ConfirmDialog(props: ConfirmDialogProps) {
  const t = useT();
  const { busy, error, run } = useAction();

  const confirm = async () => {
    await run(async () => {
      await props.onConfirm();
      props.onClose();
    });
  };

  return (
    <Modal
      title={props.title}
      onClose={props.onClose}
      size="sm"
      footer={
        <>
          <button type="button" class="btn" onClick={props.onClose} disabled={busy}>
            {t("common.cancel")}
          </button>
          <button
            type="button"
            class={`btn ${props.danger ? "btn-danger" : "btn-primary"}`}
            onClick={confirm}
            disabled={busy}
          >
            {props.confirmLabel}
          </button>
        </>
      }
    >
      <div class="confirm-body">{props.body}</div>
      {error ? <ErrorNotice error={error} /> : null}
    </Modal>
  );
}
