import { useState } from "preact/hooks";
import type { Formatter } from "../lib/format";

export type ChartSeries = { key: string; label: string; color: string; kind: "bar" | "line" };
export type ChartPoint = { day: string; values: Record<string, number> };

type DailyChartProps = {
  points: ChartPoint[];
  series: ChartSeries[];
  fmt: Formatter;
  height?: number;
};

const W = 760;
const PAD = { left: 40, right: 12, top: 14, bottom: 26 };

/** A round top for the axis: 1, 2 or 5 times a power of ten, split in 4 ticks. */
function niceMax(max: number): number {
  if (max <= 4) return 4;
  const step = max / 4;
  const power = 10 ** Math.floor(Math.log10(step));
  const nice = [1, 2, 2.5, 5, 10].find((m) => m * power >= step) ?? 10;
  return nice * power * 4;
}

/** The daily series as inline SVG: bars and lines on one axis, a hover card per day. */
export function DailyChart({ points, series, fmt, height = 240 }: DailyChartProps) {
  const [hover, setHover] = useState<number | null>(null);
  const n = Math.max(points.length, 1);
  const plotW = W - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const step = plotW / n;
  const top = niceMax(
    Math.max(0, ...points.flatMap((p) => series.map((s) => p.values[s.key] ?? 0))),
  );
  const x = (i: number) => PAD.left + (i + 0.5) * step;
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const labelEvery = Math.max(1, Math.ceil(n / 8));
  const bars = series.filter((s) => s.kind === "bar");
  const barW = Math.max(1.5, Math.min(18, (step * 0.7) / Math.max(1, bars.length)));
  const hovered = hover === null ? undefined : points[hover];

  // Hover cards are a pointer convenience: the same numbers are in the headline and the fan list.
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: pointer-only enhancement, see above
    <div class="chart" onMouseLeave={() => setHover(null)}>
      <svg
        viewBox={`0 0 ${W} ${height}`}
        class="chart-svg"
        role="img"
        aria-label={series.map((s) => s.label).join(", ")}
      >
        {[0, 1, 2, 3, 4].map((i) => {
          const v = (top / 4) * i;
          return (
            <g key={i}>
              <line
                x1={PAD.left}
                x2={W - PAD.right}
                y1={y(v)}
                y2={y(v)}
                class={i === 0 ? "chart-axis" : "chart-grid"}
              />
              <text x={PAD.left - 8} y={y(v) + 4} class="chart-label" text-anchor="end">
                {fmt.number(v)}
              </text>
            </g>
          );
        })}
        {points.map((p, i) =>
          i % labelEvery === 0 ? (
            <text key={p.day} x={x(i)} y={height - 8} class="chart-label" text-anchor="middle">
              {fmt.shortDay(p.day)}
            </text>
          ) : null,
        )}
        {hover !== null ? (
          <rect
            x={x(hover) - step / 2}
            y={PAD.top}
            width={step}
            height={plotH}
            class="chart-hover"
          />
        ) : null}
        {bars.map((s, b) =>
          points.map((p, i) => {
            const v = p.values[s.key] ?? 0;
            if (v === 0) return null;
            const bx = x(i) - (barW * bars.length) / 2 + b * barW;
            return (
              <rect
                key={`${s.key}-${p.day}`}
                x={bx}
                y={y(v)}
                width={barW}
                height={y(0) - y(v)}
                rx={1.5}
                fill={s.color}
              />
            );
          }),
        )}
        {series
          .filter((s) => s.kind === "line")
          .map((s) => (
            <g key={s.key}>
              <polyline
                fill="none"
                stroke={s.color}
                stroke-width="2"
                stroke-linejoin="round"
                points={points.map((p, i) => `${x(i)},${y(p.values[s.key] ?? 0)}`).join(" ")}
              />
              {n <= 45
                ? points.map((p, i) => (
                    <circle
                      key={p.day}
                      cx={x(i)}
                      cy={y(p.values[s.key] ?? 0)}
                      r={hover === i ? 3.5 : 2}
                      fill={s.color}
                    />
                  ))
                : null}
            </g>
          ))}
        {points.map((p, i) => (
          // biome-ignore lint/a11y/noStaticElementInteractions: pointer-only enhancement
          <rect
            key={p.day}
            x={x(i) - step / 2}
            y={PAD.top}
            width={step}
            height={plotH}
            fill="transparent"
            onMouseEnter={() => setHover(i)}
          />
        ))}
      </svg>
      {hovered && hover !== null ? (
        <div
          class={`chart-tip${x(hover) > W * 0.7 ? " is-left" : ""}`}
          style={{ left: `${(x(hover) / W) * 100}%` }}
        >
          <div class="chart-tip-day">{fmt.shortDay(hovered.day)}</div>
          {series.map((s) => (
            <div key={s.key} class="chart-tip-row">
              <span class="legend-dot" style={{ background: s.color }} />
              <span class="grow">{s.label}</span>
              <span class="num strong">{fmt.number(hovered.values[s.key] ?? 0)}</span>
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
