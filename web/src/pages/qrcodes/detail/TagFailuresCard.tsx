import type { FanTagFailure } from "../../../api/tags";
import { listFanTags, listTagFailures, retryTagFailures } from "../../../api/tags";
import { ErrorNotice } from "../../../components/ErrorNotice";
import { FanOpenid } from "../../../components/FanOpenid";
import { useAction } from "../../../hooks/use-action";
import { useApi } from "../../../hooks/use-api";
import { useFormat } from "../../../hooks/use-format";
import { useCan } from "../../../hooks/use-role";
import { type Translate, useT } from "../../../i18n";
import { useToast } from "../../../state/toasts";

type TagFailuresCardProps = { accountId: string; codeId: string; version: number };

/** The reason in the console's language where it is a known one, else WeChat's own words. */
function plainReason(t: Translate, f: FanTagFailure): string {
  if (f.errcode === 45059 || (f.errcode === null && /20 tags/.test(f.reason)))
    return t("detail.tagFailures.atLimit");
  if (f.errcode === 45159) return t("detail.tagFailures.tagGone");
  return f.errcode === null ? f.reason : `${f.errcode} · ${f.reason}`;
}

/** Fan tags of this code that WeChat did not take, with a retry; hidden while there are none. */
export function TagFailuresCard({ accountId, codeId, version }: TagFailuresCardProps) {
  const t = useT();
  const fmt = useFormat();
  const toast = useToast();
  const canRetry = useCan("write");
  const retry = useAction();
  const failures = useApi(
    (signal) => listTagFailures(accountId, codeId, signal),
    [accountId, codeId, version],
  );
  const tags = useApi((signal) => listFanTags(accountId, signal), [accountId]);
  const tagName = (id: number) => tags.data?.find((tag) => tag.id === id)?.name ?? `#${id}`;

  if (failures.error) return <ErrorNotice error={failures.error} onRetry={failures.reload} />;
  const list = failures.data ?? [];
  if (list.length === 0) return null;

  const retryAll = () =>
    retry.run(async () => {
      const result = await retryTagFailures(accountId, codeId);
      toast.show(t("detail.tagFailures.retried", result));
      failures.reload();
    });

  return (
    <section class="card card-flush" data-testid="tag-failures-card">
      <div class="card-head">
        <h2 class="card-title">{t("detail.tagFailures.title")}</h2>
        <div class="spacer" />
        {canRetry ? (
          <button
            type="button"
            class="btn btn-sm"
            disabled={retry.busy}
            onClick={() => void retryAll()}
          >
            {retry.busy ? t("detail.tagFailures.retrying") : t("detail.tagFailures.retry")}
          </button>
        ) : null}
      </div>
      <div class="card-pad">
        <p class="card-hint">{t("detail.tagFailures.hint")}</p>
        {retry.error ? <ErrorNotice error={retry.error} /> : null}
      </div>
      <table class="table table-compact">
        <thead>
          <tr>
            <th>{t("detail.fan")}</th>
            <th>{t("detail.tagFailures.tag")}</th>
            <th>{t("detail.tagFailures.reason")}</th>
            <th>{t("detail.delivery.time")}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((f) => (
            <tr key={f.id}>
              <td>
                <FanOpenid openid={f.openid} erased={f.erased} />
              </td>
              <td class="nowrap">{tagName(f.tagId)}</td>
              <td class="text-danger">{plainReason(t, f)}</td>
              <td class="muted nowrap">{fmt.dateTime(f.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
