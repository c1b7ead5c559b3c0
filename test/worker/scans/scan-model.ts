import type { WechatEvent } from "../../../src/wechat/types";

/**
 * A seeded stream of WeChat events (new fans, old fans, repeat scanners,
 * unfollowers, follows without a code, unknown scenes, retried deliveries)
 * and an independent count of the numbers PRODUCT.md defines, written from
 * the definitions in src/stats/README.md without the product's tables.
 */
export type ModelEvent = Exclude<WechatEvent, { kind: "other" }>;

export function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type GenerateOptions = {
  seed: number;
  scenes: string[];
  unknownScenes: string[];
  fans: number;
  events: number;
  /** Unix seconds of the first event. */
  start: number;
  /** Largest gap between two events, seconds. */
  maxGap: number;
  retryRate: number;
};

/** Events in delivery order; a retried delivery repeats an earlier event verbatim. */
export function generateEvents(o: GenerateOptions): ModelEvent[] {
  const rand = mulberry32(o.seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const openids = Array.from({ length: o.fans }, (_, i) => `o_model_${o.seed}_${i}`);
  // A third of the fans already follow before the product sees them (old fans).
  const following = new Map(openids.map((id) => [id, rand() < 0.33]));
  const out: ModelEvent[] = [];
  let time = o.start;
  while (out.length < o.events) {
    time += 1 + Math.floor(rand() * o.maxGap);
    if (out.length > 0 && rand() < o.retryRate) {
      out.push({ ...(out[out.length - 1] as ModelEvent) });
      continue;
    }
    const openid = pick(openids);
    const r = rand();
    const scene = rand() < 0.08 ? pick(o.unknownScenes) : pick(o.scenes);
    if (following.get(openid)) {
      if (r < 0.2) {
        out.push({ kind: "unsubscribe", openid, createTime: time });
        following.set(openid, false);
      } else {
        out.push({ kind: "scan", openid, createTime: time, scene, ticket: null });
      }
    } else {
      following.set(openid, true);
      const viaCode = r < 0.85;
      out.push({
        kind: "subscribe",
        openid,
        createTime: time,
        scene: viaCode ? scene : null,
        ticket: null,
      });
    }
  }
  return out;
}

export function dayLabel(seconds: number, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(seconds * 1000);
}

export type Numbers = {
  scans: number;
  scanners: number;
  newFollowers: number;
  oldFans: number;
  unfollows: number;
  netNewFollowers: number;
};

const keyOf = (e: ModelEvent) =>
  `${e.openid}|${e.createTime}|${e.kind}|${"scene" in e ? e.scene : ""}`;

/** Drops retried deliveries: same fan, time, event and scene. */
export function dedupe(events: ModelEvent[]): ModelEvent[] {
  const seen = new Set<string>();
  return events.filter((e) => {
    if (seen.has(keyOf(e))) return false;
    seen.add(keyOf(e));
    return true;
  });
}

/** The numbers of the code with `scene`, straight from the definitions. */
export function countNumbers(
  events: ModelEvent[],
  scene: string,
  timeZone: string,
  range: { from?: string; to?: string } = {},
): Numbers {
  const unique = dedupe(events);
  const inRange = (t: number) => {
    const d = dayLabel(t, timeZone);
    return (!range.from || d >= range.from) && (!range.to || d <= range.to);
  };
  const unfollowsOf = new Map<string, number[]>();
  for (const e of unique) {
    if (e.kind === "unsubscribe")
      unfollowsOf.set(e.openid, [...(unfollowsOf.get(e.openid) ?? []), e.createTime]);
  }
  const leftAfter = (openid: string, t: number) =>
    (unfollowsOf.get(openid) ?? []).some((u) => u > t);

  const scansHere = unique.filter(
    (e) => e.kind !== "unsubscribe" && e.scene === scene && inRange(e.createTime),
  );
  const firstScan = new Map<string, number>();
  const firstFollow = new Map<string, number>();
  for (const e of scansHere) {
    if (!firstScan.has(e.openid) || (firstScan.get(e.openid) ?? 0) > e.createTime)
      firstScan.set(e.openid, e.createTime);
    if (
      e.kind === "subscribe" &&
      (!firstFollow.has(e.openid) || (firstFollow.get(e.openid) ?? 0) > e.createTime)
    ) {
      firstFollow.set(e.openid, e.createTime);
    }
  }
  const unfollowed = [...firstScan].filter(([o, t]) => leftAfter(o, t)).length;
  const lost = [...firstFollow].filter(([o, t]) => leftAfter(o, t)).length;
  return {
    scans: scansHere.length,
    scanners: firstScan.size,
    newFollowers: firstFollow.size,
    oldFans: firstScan.size - firstFollow.size,
    unfollows: unfollowed,
    netNewFollowers: firstFollow.size - lost,
  };
}
