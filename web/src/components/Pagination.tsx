import { useT } from "../i18n";
import { Icon } from "./Icon";

type PaginationProps = {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  onPageSize?: (size: number) => void;
  sizes?: number[];
};

export function Pagination({
  page,
  pageSize,
  total,
  onPage,
  onPageSize,
  sizes = [20, 50, 100],
}: PaginationProps) {
  const t = useT();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <div class="pagination">
      <span class="pagination-total">{t("common.totalItems", { total })}</span>
      {onPageSize ? (
        <select
          class="select select-sm"
          value={pageSize}
          onChange={(e) => onPageSize(Number(e.currentTarget.value))}
          aria-label={t("common.perPage", { size: pageSize })}
        >
          {sizes.map((s) => (
            <option key={s} value={s}>
              {t("common.perPage", { size: s })}
            </option>
          ))}
        </select>
      ) : null}
      <button
        type="button"
        class="icon-btn"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
        aria-label={t("common.prev")}
      >
        <Icon name="chevronLeft" />
      </button>
      <span class="pagination-page">{t("common.pageOf", { page, pages })}</span>
      <button
        type="button"
        class="icon-btn"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
        aria-label={t("common.next")}
      >
        <Icon name="chevronRight" />
      </button>
    </div>
  );
}
