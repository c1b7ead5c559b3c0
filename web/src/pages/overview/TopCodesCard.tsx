import type { ApiError } from "../../api/client";
import type { QrCode } from "../../api/types";
import { EmptyState } from "../../components/EmptyState";
import { ErrorNotice } from "../../components/ErrorNotice";
import { SkeletonRows } from "../../components/Skeleton";
import { useFormat } from "../../hooks/use-format";
import { useCan } from "../../hooks/use-role";
import { useT } from "../../i18n";

type TopCodesCardProps = {
  accountId: string;
  codes: QrCode[] | undefined;
  error: ApiError | undefined;
};

/** The codes with the most scanners of all time: the channels that work. */
export function TopCodesCard({ accountId, codes, error }: TopCodesCardProps) {
  const t = useT();
  const fmt = useFormat();
  const base = `/accounts/${accountId}/qrcodes`;
  const canWrite = useCan("write");
  return (
    <section class="card card-flush">
      <div class="card-head">
        <h2 class="card-title">{t("overview.topCodes")}</h2>
        <div class="spacer" />
        <a class="btn btn-sm btn-ghost" href={`${base}?sort=scanners`}>
          {t("overview.allCodes")}
        </a>
      </div>
      {error ? (
        <div class="card-pad">
          <ErrorNotice error={error} />
        </div>
      ) : codes && codes.length === 0 ? (
        <EmptyState compact icon="qrcode" title={t("overview.noScans")}>
          {canWrite ? (
            <a class="btn btn-primary btn-sm" href={`${base}/new`}>
              {t("qr.new")}
            </a>
          ) : null}
        </EmptyState>
      ) : (
        <table class="table">
          <thead>
            <tr>
              <th>{t("qr.col.name")}</th>
              <th class="num">{t("qr.col.scanners")}</th>
              <th class="num">{t("qr.col.newFollowers")}</th>
            </tr>
          </thead>
          <tbody>
            {!codes ? <SkeletonRows columns={3} rows={5} /> : null}
            {codes?.map((c) => (
              <tr key={c.id}>
                <td>
                  <a class="table-link" href={`${base}/${c.id}`}>
                    {c.name}
                  </a>
                  <div class="cell-sub">{c.groupName ?? t("qr.noGroup")}</div>
                </td>
                <td class="num strong">{fmt.number(c.numbers?.scanners ?? 0)}</td>
                <td class="num">{fmt.number(c.numbers?.newFollowers ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
