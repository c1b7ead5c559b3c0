import { useCallback, useMemo } from "preact/hooks";
import { useLocation } from "preact-iso";

export type ContactQuery = { q: string; memberTagId: string; qrcodeId: string; page: number };

function parse(query: Record<string, string>): ContactQuery {
  const page = Number(query.page);
  return {
    q: query.q ?? "",
    memberTagId: query.memberTagId ?? "",
    qrcodeId: query.qrcodeId ?? "",
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** Search and filters live in the URL, so a code's "contacts it brought" link works. */
export function useContactQuery(): [ContactQuery, (patch: Partial<ContactQuery>) => void] {
  const { path, query, route } = useLocation();
  const current = useMemo(() => parse(query), [query]);
  const update = useCallback(
    (patch: Partial<ContactQuery>) => {
      const next = { ...current, ...patch, page: patch.page ?? 1 };
      const params = new URLSearchParams();
      if (next.q) params.set("q", next.q);
      if (next.memberTagId) params.set("memberTagId", next.memberTagId);
      if (next.qrcodeId) params.set("qrcodeId", next.qrcodeId);
      if (next.page > 1) params.set("page", String(next.page));
      const s = params.toString();
      route(s ? `${path}?${s}` : path, true);
    },
    [current, path, route],
  );
  return [current, update];
}
