import type { DeadLetter } from "../../api/dead-letters";
import { Badge } from "../../components/Badge";
import { Icon } from "../../components/Icon";
import { useFormat } from "../../hooks/use-format";
import { type MessageKey, useI18n } from "../../i18n";
import { useAccounts } from "../../state/accounts";

type DeadLetterRowProps = {
  letter: DeadLetter;
  busy: boolean;
  onRetry: () => void;
  onDiscard: () => void;
};

function typeLabel(t: (k: MessageKey) => string, type: string): string {
  const key = `deadLetters.type.${type}` as MessageKey;
  const text = t(key);
  return text === key ? type : text;
}

export function DeadLetterRow({ letter, busy, onRetry, onDiscard }: DeadLetterRowProps) {
  const { t, locale } = useI18n();
  const fmt = useFormat();
  const { accounts } = useAccounts();
  const account = letter.accountId ? accounts.find((a) => a.id === letter.accountId) : undefined;

  return (
    <tr data-testid="dead-letter-row">
      <td>
        {letter.jobType ? (
          <>
            <div class="strong">{t(`jobs.type.${letter.jobType}` as MessageKey)}</div>
            <div class="cell-sub dead-letter-summary">{typeLabel(t, letter.type)}</div>
          </>
        ) : (
          <>
            <div class="strong">{typeLabel(t, letter.type)}</div>
            {/* The server writes summaries in English; the label above says it in Chinese. */}
            {locale === "en" ? (
              <div class="cell-sub dead-letter-summary">{letter.summary}</div>
            ) : null}
          </>
        )}
        {letter.lastError ? (
          <div class="cell-sub dead-letter-summary text-danger">{letter.lastError}</div>
        ) : null}
      </td>
      <td>
        {letter.accountId ? (
          <span title={letter.accountId}>{account?.name ?? letter.accountId}</span>
        ) : (
          <span class="muted">—</span>
        )}
        {letter.jobId && letter.accountId ? (
          <div class="cell-sub">
            <a class="table-link" href={`/accounts/${letter.accountId}/jobs`}>
              {t("deadLetters.openJobs")}
            </a>
          </div>
        ) : null}
      </td>
      <td class="num">{fmt.number(letter.attempts)}</td>
      <td class="muted nowrap">
        {fmt.dateTime(letter.createdAt)}
        <div class="cell-sub">{fmt.relative(letter.createdAt)}</div>
      </td>
      <td>
        {letter.status === "open" ? (
          <Badge tone="danger">{t("deadLetters.status.open")}</Badge>
        ) : letter.status === "retried" ? (
          <Badge tone="info">{t("deadLetters.status.retried")}</Badge>
        ) : (
          <Badge>{t("deadLetters.status.discarded")}</Badge>
        )}
        {letter.retriedAt ? <div class="cell-sub">{fmt.dateTime(letter.retriedAt)}</div> : null}
      </td>
      <td class="col-actions">
        {letter.status === "open" ? (
          <div class="row-actions">
            {/* The server refuses to retry a body no handler reads: it would only fail again. */}
            {letter.type === "unknown" ? null : (
              <button type="button" class="btn btn-sm" onClick={onRetry} disabled={busy}>
                <Icon name="refresh" size={14} />
                {t("deadLetters.retry")}
              </button>
            )}
            <button
              type="button"
              class="btn btn-sm btn-ghost-danger"
              onClick={onDiscard}
              disabled={busy}
            >
              {t("deadLetters.discard")}
            </button>
          </div>
        ) : null}
      </td>
    </tr>
  );
}
