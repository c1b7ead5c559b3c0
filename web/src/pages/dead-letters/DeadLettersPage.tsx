import { useState } from "preact/hooks";
import { ApiError } from "../../api/client";
import {
  type DeadLetter,
  type DeadLetterStatus,
  discardDeadLetter,
  listDeadLetters,
  retryDeadLetter,
} from "../../api/dead-letters";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { EmptyState } from "../../components/EmptyState";
import { ErrorNotice, errorSummary } from "../../components/ErrorNotice";
import { PageHeader } from "../../components/PageHeader";
import { SkeletonRows } from "../../components/Skeleton";
import { useApi } from "../../hooks/use-api";
import { type MessageKey, useT } from "../../i18n";
import { useToast } from "../../state/toasts";
import { DeadLetterRow } from "./DeadLetterRow";
import "./dead-letters.css";

const STATUSES: DeadLetterStatus[] = ["open", "retried", "discarded"];

/** Background work that failed every retry, to be retried once the cause is fixed, or dropped. */
export function DeadLettersPage() {
  const t = useT();
  const toast = useToast();
  const [status, setStatus] = useState<DeadLetterStatus>("open");
  const letters = useApi((signal) => listDeadLetters(status, signal), [status]);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [discarding, setDiscarding] = useState<DeadLetter | null>(null);
  const list = letters.data ?? [];

  const retry = async (letter: DeadLetter) => {
    setBusyId(letter.id);
    try {
      await retryDeadLetter(letter.id);
      toast.show(t("deadLetters.retried"));
    } catch (err) {
      if (err instanceof ApiError) toast.show(errorSummary(t, err), "error");
      else throw err;
    } finally {
      setBusyId(null);
      letters.reload();
    }
  };

  return (
    <div class="page">
      <PageHeader title={t("deadLetters.title")} subtitle={t("deadLetters.subtitle")} />
      <section class="card card-flush">
        <div class="tabs" role="tablist">
          {STATUSES.map((s) => (
            <button
              key={s}
              type="button"
              role="tab"
              aria-selected={status === s}
              class={`tab${status === s ? " is-active" : ""}`}
              onClick={() => setStatus(s)}
            >
              {t(`deadLetters.tab.${s}` as MessageKey)}
            </button>
          ))}
        </div>
        {letters.error ? (
          <div class="card-pad">
            <ErrorNotice error={letters.error} onRetry={letters.reload} />
          </div>
        ) : letters.data && list.length === 0 ? (
          <EmptyState
            icon={status === "open" ? "success" : "inbox"}
            title={t(`deadLetters.empty.${status}` as MessageKey)}
            body={t(`deadLetters.emptyBody.${status}` as MessageKey)}
          />
        ) : (
          <table class="table" data-testid="dead-letters-table">
            <thead>
              <tr>
                <th>{t("deadLetters.what")}</th>
                <th>{t("deadLetters.account")}</th>
                <th class="num">{t("deadLetters.attempts")}</th>
                <th>{t("deadLetters.failedAt")}</th>
                <th>{t("deadLetters.status")}</th>
                <th class="col-actions">{t("common.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {!letters.data ? <SkeletonRows columns={6} rows={3} /> : null}
              {list.map((letter) => (
                <DeadLetterRow
                  key={letter.id}
                  letter={letter}
                  busy={busyId === letter.id}
                  onRetry={() => void retry(letter)}
                  onDiscard={() => setDiscarding(letter)}
                />
              ))}
            </tbody>
          </table>
        )}
      </section>
      {discarding ? (
        <ConfirmDialog
          title={t("deadLetters.discardTitle")}
          body={t("deadLetters.discardBody")}
          confirmLabel={t("deadLetters.discard")}
          danger
          onClose={() => setDiscarding(null)}
          onConfirm={async () => {
            await discardDeadLetter(discarding.id);
            toast.show(t("deadLetters.discarded"));
            letters.reload();
          }}
        />
      ) : null}
    </div>
  );
}
