import { useState } from "preact/hooks";
import type { Job } from "../../../api/types";
import { Icon } from "../../../components/Icon";
import { JobWatch } from "../../../components/JobWatch";
import { useFormat } from "../../../hooks/use-format";
import { useT } from "../../../i18n";

type RunStepProps = { job: Job; listHref: string; onAnother: () => void };

/** The batch job from queue to report: progress bar, then the count and the failed rows. */
export function RunStep({ job, listHref, onAnother }: RunStepProps) {
  const t = useT();
  const fmt = useFormat();
  const [finished, setFinished] = useState<Job | null>(null);

  return (
    <section class="card stack" data-testid="import-run">
      <div>
        <h2 class="card-title">
          {finished
            ? finished.failed > 0
              ? t("import.doneWithFailures", {
                  done: fmt.number(finished.done),
                  failed: fmt.number(finished.failed),
                })
              : t("import.done", { done: fmt.number(finished.done) })
            : t("import.running")}
        </h2>
        {finished ? null : <p class="card-hint">{t("import.runningHint")}</p>}
      </div>
      <JobWatch job={job} onFinished={setFinished} />
      {finished ? (
        <div class="row">
          <a class="btn btn-primary" href={listHref}>
            <Icon name="qrcode" size={15} />
            {t("import.viewCodes")}
          </a>
          <button type="button" class="btn" onClick={onAnother}>
            <Icon name="upload" size={15} />
            {t("import.another")}
          </button>
        </div>
      ) : null}
    </section>
  );
}
