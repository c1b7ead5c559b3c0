import { useCallback, useMemo } from "preact/hooks";
import { useLocation } from "preact-iso";
import type { ListQrCodesQuery, QrKind, QrSort, QrState } from "../../api/types";

const SORTS: readonly QrSort[] = ["createdAt", "name", "expiresAt", "scanners", "newFollowers"];
const STATES: readonly QrState[] = ["active", "expiring", "expired", "archived"];
const KINDS: readonly QrKind[] = ["temporary", "permanent"];
export const PAGE_SIZES = [20, 50, 100];

export type ListQuery = {
  q: string;
  groupId: string;
  kind: QrKind | "";
  status: QrState | "";
  sort: QrSort;
  order: "asc" | "desc";
  page: number;
  pageSize: number;
};

const pick = <T extends string>(list: readonly T[], v: string | undefined): T | "" =>
  list.includes(v as T) ? (v as T) : "";

function parse(query: Record<string, string>): ListQuery {
  const page = Number(query.page);
  const size = Number(query.pageSize);
  return {
    q: query.q ?? "",
    groupId: query.groupId ?? "",
    kind: pick(KINDS, query.kind),
    status: pick(STATES, query.status),
    sort: pick(SORTS, query.sort) || "createdAt",
    order: query.order === "asc" ? "asc" : "desc",
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZES.includes(size) ? size : 20,
  };
}

function serialise(q: ListQuery): string {
  const params = new URLSearchParams();
  if (q.q) params.set("q", q.q);
  if (q.groupId) params.set("groupId", q.groupId);
  if (q.kind) params.set("kind", q.kind);
  if (q.status) params.set("status", q.status);
  if (q.sort !== "createdAt") params.set("sort", q.sort);
  if (q.order !== "desc") params.set("order", q.order);
  if (q.page !== 1) params.set("page", String(q.page));
  if (q.pageSize !== 20) params.set("pageSize", String(q.pageSize));
  const s = params.toString();
  return s ? `?${s}` : "";
}

/**
 * The list's filters live in the URL, so a reload, the back button or a
 * shared link shows the same codes. Any change but paging returns to page 1.
 */
export function useListQuery(): [ListQuery, (patch: Partial<ListQuery>) => void] {
  const { path, query, route } = useLocation();
  const current = useMemo(() => parse(query), [query]);
  const update = useCallback(
    (patch: Partial<ListQuery>) => {
      const next = { ...current, ...patch };
      if (!("page" in patch)) next.page = 1;
      route(`${path}${serialise(next)}`, true);
    },
    [current, path, route],
  );
  return [current, update];
}

export function toApiQuery(q: ListQuery): ListQrCodesQuery {
  return {
    q: q.q || undefined,
    groupId: q.groupId || undefined,
    kind: q.kind || undefined,
    status: q.status || undefined,
    sort: q.sort,
    order: q.order,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export const hasFilters = (q: ListQuery) => Boolean(q.q || q.groupId || q.kind || q.status);
