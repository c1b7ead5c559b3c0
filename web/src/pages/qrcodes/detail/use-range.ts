import { useCallback, useMemo } from "preact/hooks";
import { useLocation } from "preact-iso";
import type { DayRange } from "../../../api/stats";
import { useFormat } from "../../../hooks/use-format";
import { addDays, isDay } from "../../../lib/days";

export const RANGE_PRESETS = ["7", "30", "90", "all"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number] | "custom";

export type RangeState = { preset: RangePreset; range: DayRange; today: string };

/**
 * The date range of a statistics page, kept in the URL (`?range=30` or
 * `?from=…&to=…`). Days are the account's, so "today" is today in its zone.
 */
export function useRange(): [
  RangeState,
  (next: { preset: RangePreset; from?: string; to?: string }) => void,
] {
  const { path, query, route } = useLocation();
  const fmt = useFormat();
  const today = fmt.dayKey(Date.now());

  const state = useMemo<RangeState>(() => {
    if (isDay(query.from) || isDay(query.to)) {
      return {
        preset: "custom",
        range: {
          from: isDay(query.from) ? query.from : undefined,
          to: isDay(query.to) ? query.to : undefined,
        },
        today,
      };
    }
    const preset = (RANGE_PRESETS as readonly string[]).includes(query.range ?? "")
      ? (query.range as RangePreset)
      : "30";
    if (preset === "all") return { preset, range: {}, today };
    return { preset, range: { from: addDays(today, 1 - Number(preset)), to: today }, today };
  }, [query.from, query.to, query.range, today]);

  const set = useCallback(
    (next: { preset: RangePreset; from?: string; to?: string }) => {
      const params = new URLSearchParams();
      if (query.segment) params.set("segment", query.segment);
      if (next.preset === "custom") {
        if (next.from) params.set("from", next.from);
        if (next.to) params.set("to", next.to);
      } else if (next.preset !== "30") params.set("range", next.preset);
      const qs = params.toString();
      route(`${path}${qs ? `?${qs}` : ""}`, true);
    },
    [path, query.segment, route],
  );
  return [state, set];
}
