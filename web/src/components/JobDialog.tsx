import type { Job } from "../api/types";
import { useT } from "../i18n";
import { JobWatch } from "./JobWatch";
import { Modal } from "./Modal";

type JobDialogProps = { title: string; job: Job; onClose: () => void };

/** A started job followed in a dialog until its file can be downloaded; closing leaves it running. */
export function JobDialog({ title, job, onClose }: JobDialogProps) {
  const t = useT();
  return (
    <Modal
      title={title}
      onClose={onClose}
      footer={
        <button type="button" class="btn" onClick={onClose}>
          {t("common.close")}
        </button>
      }
    >
      <JobWatch job={job} />
      <p class="muted small">{t("jobs.continuesInBackground")}</p>
    </Modal>
  );
}
