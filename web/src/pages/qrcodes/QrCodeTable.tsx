import { qrImageUrl } from "../../api/qrcodes";
import type { QrCode } from "../../api/types";
import { SkeletonRows } from "../../components/Skeleton";
import { useFormat } from "../../hooks/use-format";
import { type MessageKey, useT } from "../../i18n";
import { type QrAction, QrRowActions } from "./QrRowActions";
import { ExpiryText, QrStateBadge } from "./QrStateBadge";
import { SortHeader } from "./SortHeader";
import type { ListQuery } from "./use-list-query";

type QrCodeTableProps = {
  accountId: string;
  items: QrCode[] | undefined;
  loading: boolean;
  query: ListQuery;
  update: (patch: Partial<ListQuery>) => void;
  selected: Set<string>;
  /** Left out where nothing may be done with a selection (a viewer): no checkboxes then. */
  onSelect?: (ids: string[], on: boolean) => void;
  onAction: (code: QrCode, action: QrAction) => void;
};

const COLUMNS = 9;

export function QrCodeTable(props: QrCodeTableProps) {
  const t = useT();
  const fmt = useFormat();
  const { accountId, items, query, update, selected, onSelect } = props;
  const base = `/accounts/${accountId}/qrcodes`;
  const ids = items?.map((c) => c.id) ?? [];
  const allOn = ids.length > 0 && ids.every((id) => selected.has(id));
  const someOn = ids.some((id) => selected.has(id));
  const n = (v: number | undefined) => (v === undefined ? "—" : fmt.number(v));

  return (
    <table class={`table qr-table${props.loading && items ? " is-reloading" : ""}`}>
      <thead>
        <tr>
          {onSelect ? (
            <th class="col-check">
              <input
                type="checkbox"
                class="checkbox"
                aria-label={t("common.all")}
                checked={allOn}
                indeterminate={someOn && !allOn}
                onChange={(e) => onSelect(ids, e.currentTarget.checked)}
              />
            </th>
          ) : null}
          <SortHeader label={t("qr.col.name")} sort="name" query={query} update={update} />
          <th>{t("qr.col.kind")}</th>
          <SortHeader label={t("qr.col.status")} sort="expiresAt" query={query} update={update} />
          <th class="num">{t("qr.col.scans")}</th>
          <SortHeader
            label={t("qr.col.scanners")}
            sort="scanners"
            query={query}
            update={update}
            numeric
          />
          <SortHeader
            label={t("qr.col.newFollowers")}
            sort="newFollowers"
            query={query}
            update={update}
            numeric
          />
          <th class="num">{t("qr.col.unfollows")}</th>
          <SortHeader
            label={t("qr.col.createdAt")}
            sort="createdAt"
            query={query}
            update={update}
          />
          <th class="col-actions" />
        </tr>
      </thead>
      <tbody>
        {!items ? <SkeletonRows columns={COLUMNS + (onSelect ? 1 : 0)} rows={8} /> : null}
        {items?.map((code) => (
          <tr
            key={code.id}
            class={selected.has(code.id) ? "is-selected" : undefined}
            data-testid="qr-row"
          >
            {onSelect ? (
              <td class="col-check">
                <input
                  type="checkbox"
                  class="checkbox"
                  aria-label={code.name}
                  checked={selected.has(code.id)}
                  onChange={(e) => onSelect([code.id], e.currentTarget.checked)}
                />
              </td>
            ) : null}
            <td>
              <div class="qr-name-cell">
                <a class="qr-thumb" href={`${base}/${code.id}`} tabIndex={-1}>
                  {code.url ? (
                    <img
                      src={qrImageUrl(accountId, code.id, { format: "svg", size: 96 })}
                      alt=""
                      loading="lazy"
                    />
                  ) : null}
                </a>
                <div class="qr-name-text">
                  <a class="table-link" href={`${base}/${code.id}`}>
                    {code.name}
                  </a>
                  <div class="cell-sub">
                    {code.groupName ?? t("qr.noGroup")} · {t("qr.scene")}{" "}
                    <span class="mono">{code.scene}</span>
                  </div>
                </div>
              </div>
            </td>
            <td>
              <span class={`kind-tag kind-${code.kind}`}>
                {t(`qr.kind.${code.kind}` as MessageKey)}
              </span>
            </td>
            <td>
              <QrStateBadge state={code.state} />
              <div class="cell-sub">
                <ExpiryText code={code} />
              </div>
            </td>
            <td class="num">{n(code.numbers?.scans)}</td>
            <td class="num strong">{n(code.numbers?.scanners)}</td>
            <td class="num">{n(code.numbers?.newFollowers)}</td>
            <td class="num">{n(code.numbers?.unfollows)}</td>
            <td class="muted nowrap">{fmt.date(code.createdAt)}</td>
            <td class="col-actions">
              <QrRowActions
                code={code}
                base={base}
                imageUrl={qrImageUrl(accountId, code.id, {
                  format: "png",
                  size: 1280,
                  download: true,
                })}
                onAction={props.onAction}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
