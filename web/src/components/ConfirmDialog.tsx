import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { ApiError } from "../api/client";
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await props.onConfirm();
      props.onClose();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
      else throw err;
    } finally {
      setBusy(false);
    }
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
