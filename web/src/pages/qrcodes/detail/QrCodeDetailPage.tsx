import { useCallback, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { getQrCode } from "../../../api/qrcodes";
import { getCodeStats } from "../../../api/stats";
import type { FanSegment } from "../../../api/types";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorNotice } from "../../../components/ErrorNotice";
import { LoadingBlock } from "../../../components/Spinner";
import { useApi } from "../../../hooks/use-api";
import { useFormat } from "../../../hooks/use-format";
import { useLiveRefresh } from "../../../hooks/use-live";
import { useCan } from "../../../hooks/use-role";
import { useT } from "../../../i18n";
import type { AccountPageProps } from "../../AccountScope";
import { FormNumbersCard } from "../../forms/FormNumbersCard";
import { DeliveriesCard } from "./DeliveriesCard";
import { DetailHeader } from "./DetailHeader";
import { DownloadCard } from "./DownloadCard";
import { FansCard } from "./FansCard";
import { HeadlineNumbers } from "./HeadlineNumbers";
import { QrInfoCard } from "./QrInfoCard";
import { RangePicker } from "./RangePicker";
import { SimulateScanCard } from "./SimulateScanCard";
import { StatsChartCard } from "./StatsChartCard";
import { TagFailuresCard } from "./TagFailuresCard";
import { useRange } from "./use-range";

const SEGMENTS: FanSegment[] = ["all", "new", "old"];

export function QrCodeDetailPage({ account, params }: AccountPageProps) {
  const t = useT();
  const fmt = useFormat();
  const { path, query, route } = useLocation();
  const id = params.qrcodeId ?? "";
  const [range, setRange] = useRange();
  const [version, setVersion] = useState(0);
  const segment = SEGMENTS.find((s) => s === query.segment) ?? "all";
  // A simulated scan is a POST the server gives operators and up; a viewer reads the results.
  const canWrite = useCan("write");

  const code = useApi((signal) => getQrCode(account.id, id, signal), [account.id, id]);
  const stats = useApi(
    (signal) => getCodeStats(account.id, id, range.range, signal),
    [account.id, id, range.range.from, range.range.to, version],
  );

  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const live = useLiveRefresh(account.id, refresh, (m) => m.qrcodeId === id);

  const setSegment = (s: FanSegment) => {
    const params = new URLSearchParams(query);
    if (s === "all") params.delete("segment");
    else params.set("segment", s);
    const qs = params.toString();
    route(`${path}${qs ? `?${qs}` : ""}`, true);
  };

  if (code.error) {
    return code.error.code === "not_found" ? (
      <EmptyState icon="qrcode" title={t("error.title.not_found")} body={t("detail.notFound")}>
        <a class="btn btn-primary" href={`/accounts/${account.id}/qrcodes`}>
          {t("detail.backToList")}
        </a>
      </EmptyState>
    ) : (
      <ErrorNotice error={code.error} onRetry={code.reload} variant="block" />
    );
  }
  if (!code.data) return <LoadingBlock />;

  const qr = code.data;
  return (
    <div class="page">
      <DetailHeader account={account} code={qr} live={live} onChanged={code.reload} />
      <div class="split split-wide">
        <div class="split-main">
          <div class="section-bar">
            <h2 class="section-title">{t("detail.overview")}</h2>
            <RangePicker state={range} onChange={setRange} />
          </div>
          {stats.error ? <ErrorNotice error={stats.error} onRetry={stats.reload} /> : null}
          <HeadlineNumbers numbers={stats.data?.numbers} />
          <StatsChartCard stats={stats.data} range={range} createdDay={fmt.dayKey(qr.createdAt)} />
          <FansCard
            accountId={account.id}
            codeId={qr.id}
            range={range.range}
            numbers={stats.data?.numbers}
            segment={segment}
            onSegment={setSegment}
            version={version}
          />
          <DeliveriesCard accountId={account.id} codeId={qr.id} version={version} />
          <TagFailuresCard accountId={account.id} codeId={qr.id} version={version} />
        </div>
        <aside class="split-side">
          <QrInfoCard code={qr} />
          <DownloadCard code={qr} />
          {qr.formId ? (
            <FormNumbersCard accountId={account.id} qrcodeId={qr.id} range={range.range} />
          ) : null}
          {account.isSandbox && canWrite ? (
            <SimulateScanCard code={qr} onScanned={refresh} />
          ) : null}
        </aside>
      </div>
    </div>
  );
}
