import { useCallback, useEffect, useState } from "preact/hooks";
import { type AuditEntry, type AuditFilter, listAudit } from "../../api/audit";
import { ApiError } from "../../api/client";
import { useApi } from "../../hooks/use-api";

const PAGE = 50;

type More = { entries: AuditEntry[]; nextBefore: number | null };

/**
 * The audit log newest first, one keyset page at a time: "load more" asks for
 * entries older than the last one shown, so new entries never shift the pages.
 */
export function useAuditLog(filter: AuditFilter) {
  const key = JSON.stringify(filter);
  const first = useApi((signal) => listAudit(filter, { limit: PAGE }, signal), [key]);
  const [more, setMore] = useState<More | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<ApiError | undefined>(undefined);

  // A new filter or a reload starts again from the newest entry.
  useEffect(() => {
    setMore(null);
    setMoreError(undefined);
  }, [key, first.data]);

  const entries = [...(first.data?.entries ?? []), ...(more?.entries ?? [])];
  const nextBefore = more ? more.nextBefore : (first.data?.nextBefore ?? null);

  const loadMore = useCallback(async () => {
    if (nextBefore === null) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await listAudit(filter, { limit: PAGE, before: nextBefore });
      setMore((m) => ({
        entries: [...(m?.entries ?? []), ...page.entries],
        nextBefore: page.nextBefore,
      }));
    } catch (err) {
      if (err instanceof ApiError) setMoreError(err);
      else throw err;
    } finally {
      setLoadingMore(false);
    }
  }, [filter, nextBefore]);

  return {
    entries,
    loaded: first.data !== undefined,
    loading: first.loading,
    error: first.error ?? moreError,
    reload: first.reload,
    hasMore: nextBefore !== null,
    loadMore,
    loadingMore,
  };
}
