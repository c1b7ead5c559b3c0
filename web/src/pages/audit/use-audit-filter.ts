import { useCallback, useMemo } from "preact/hooks";
import { useLocation } from "preact-iso";
import type { AuditFilter } from "../../api/audit";

const KEYS = ["entityType", "entityId", "userId", "accountId"] as const;

/** The filter lives in the URL, so "history of this user" is a link anyone can open. */
export function useAuditFilter(): [AuditFilter, (patch: AuditFilter) => void] {
  const { path, query, route } = useLocation();
  const filter = useMemo(() => {
    const out: AuditFilter = {};
    for (const key of KEYS) if (query[key]) out[key] = query[key];
    return out;
  }, [query]);

  const update = useCallback(
    (patch: AuditFilter) => {
      const next = { ...filter, ...patch };
      const params = new URLSearchParams();
      for (const key of KEYS) if (next[key]) params.set(key, next[key]);
      const s = params.toString();
      route(s ? `${path}?${s}` : path, true);
    },
    [filter, path, route],
  );
  return [filter, update];
}
