import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiError, isAbort } from "../api/client";

export type ApiState<T> = {
  data: T | undefined;
  error: ApiError | undefined;
  /** True while a load is in flight; `data` keeps the previous answer meanwhile. */
  loading: boolean;
  reload: () => void;
  setData: (next: T | ((prev: T | undefined) => T)) => void;
};

function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError(0, { code: "bad_response", message: String(err), requestId: "" });
}

/**
 * Loads data for a page and reloads when `deps` change. A newer load aborts
 * the older one, so a fast filter change never shows a stale answer.
 */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): ApiState<T> {
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    loadRef
      .current(controller.signal)
      .then((d) => {
        setDataState(() => d);
        setError(undefined);
        setLoading(false);
      })
      .catch((err: unknown) => {
        if (isAbort(err)) return;
        setError(toApiError(err));
        setLoading(false);
      });
    return () => controller.abort();
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const setData = useCallback((next: T | ((prev: T | undefined) => T)) => {
    setDataState((prev) =>
      typeof next === "function" ? (next as (p: T | undefined) => T)(prev) : next,
    );
  }, []);
  return { data, error, loading, reload, setData };
}
