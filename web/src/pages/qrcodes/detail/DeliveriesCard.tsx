import { useState } from "preact/hooks";
import { listDeliveries } from "../../../api/stats";
import type { ReplyDelivery } from "../../../api/types";
import { Badge, type BadgeTone } from "../../../components/Badge";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorNotice } from "../../../components/ErrorNotice";
import { FanOpenid } from "../../../components/FanOpenid";
import { Pagination } from "../../../components/Pagination";
import { SkeletonRows } from "../../../components/Skeleton";
import { useApi } from "../../../hooks/use-api";
import { useFormat } from "../../../hooks/use-format";
import { type MessageKey, useT } from "../../../i18n";

const TONES: Record<ReplyDelivery["status"], BadgeTone> = {
  sent: "success",
  failed: "danger",
  pending: "neutral",
  skipped: "warning",
};

/** Every reply message sent for this code's scans, failures with WeChat's errcode in plain words. */
export function DeliveriesCard({
  accountId,
  codeId,
  version,
}: {
  accountId: string;
  codeId: string;
  version: number;
}) {
  const t = useT();
  const fmt = useFormat();
  const [page, setPage] = useState(1);
  const log = useApi(
    (signal) => listDeliveries(accountId, codeId, page, signal),
    [accountId, codeId, page, version],
  );

  return (
    <section class="card card-flush" data-testid="deliveries-card">
      <div class="card-head">
        <h2 class="card-title">{t("detail.deliveries")}</h2>
      </div>
      {log.error ? (
        <div class="card-pad">
          <ErrorNotice error={log.error} onRetry={log.reload} />
        </div>
      ) : log.data && log.data.deliveries.length === 0 ? (
        <EmptyState compact icon="message" title={t("detail.deliveriesEmpty")} />
      ) : (
        <table class="table table-compact">
          <thead>
            <tr>
              <th>{t("detail.delivery.time")}</th>
              <th>{t("detail.fan")}</th>
              <th>{t("detail.delivery.message")}</th>
              <th>{t("detail.delivery.channel")}</th>
              <th>{t("detail.delivery.result")}</th>
            </tr>
          </thead>
          <tbody>
            {!log.data ? <SkeletonRows columns={5} rows={3} /> : null}
            {log.data?.deliveries.map((d) => (
              <tr key={d.id}>
                <td class="muted nowrap">{fmt.dateTime(d.sentAt ?? d.createdAt)}</td>
                <td>
                  <FanOpenid openid={d.openid} erased={d.erased} />
                </td>
                <td class="nowrap">
                  #{d.position + 1} · {t(`reply.type.${d.messageType}` as MessageKey)}
                </td>
                <td class="muted">
                  {t(d.channel === "passive" ? "reply.passive" : "reply.custom")}
                </td>
                <td>
                  <Badge tone={TONES[d.status]}>
                    {t(`detail.delivery.status.${d.status}` as MessageKey)}
                  </Badge>
                  {d.status === "failed" ? (
                    <div class="cell-sub text-danger">
                      {d.errcode !== null ? `${d.errcode} · ` : ""}
                      {d.reason}
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {log.data && log.data.total > log.data.pageSize ? (
        <Pagination
          page={page}
          pageSize={log.data.pageSize}
          total={log.data.total}
          onPage={setPage}
        />
      ) : null}
    </section>
  );
}
