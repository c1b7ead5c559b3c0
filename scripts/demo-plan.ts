// The demo's codes and a month of scans, made up but shaped like a real
// account: stores and events bring followers, some fans scan again, a few
// unfollow. Deterministic (seeded), so every fresh start looks the same.
export type DemoCode = {
  name: string;
  group: string;
  kind: "temporary" | "permanent";
  weight: number;
  form?: boolean;
};

export const DEMO_CODES: DemoCode[] = [
  { name: "门店_上海_静安嘉里中心店", group: "门店", kind: "permanent", weight: 9 },
  { name: "门店_上海_徐汇滨江店", group: "门店", kind: "permanent", weight: 6 },
  { name: "门店_北京_三里屯店", group: "门店", kind: "permanent", weight: 7 },
  { name: "门店_深圳_万象天地店", group: "门店", kind: "permanent", weight: 4 },
  {
    name: "秋季品鉴会_客户经理_张伟",
    group: "秋季品鉴会",
    kind: "temporary",
    weight: 5,
    form: true,
  },
  {
    name: "秋季品鉴会_客户经理_李娜",
    group: "秋季品鉴会",
    kind: "temporary",
    weight: 4,
    form: true,
  },
  {
    name: "秋季品鉴会_客户经理_王芳",
    group: "秋季品鉴会",
    kind: "temporary",
    weight: 2,
    form: true,
  },
  { name: "官网首页_顶部横幅", group: "线上渠道", kind: "permanent", weight: 3 },
  { name: "H5_双十二活动页", group: "线上渠道", kind: "temporary", weight: 3 },
  { name: "产品包装_挂耳咖啡礼盒", group: "包装", kind: "permanent", weight: 2 },
];

export type PlannedScan = {
  openid: string;
  scene?: string;
  kind: "scan" | "unsubscribe";
  createTime: number;
};

/** A small seeded PRNG (mulberry32), so the plan is the same on every machine. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** About 400 events over the last 30 days, oldest first. */
export function planDemoScans(
  scenes: Map<string, string>,
  now: number,
  events = 400,
): PlannedScan[] {
  const rand = random(20261203);
  const weighted = DEMO_CODES.flatMap((c) => Array<DemoCode>(c.weight).fill(c));
  const fans: string[] = [];
  const start = Math.floor(now / 1000) - 30 * 86_400;
  const plan: PlannedScan[] = [];

  for (let i = 0; i < events; i++) {
    const createTime = start + Math.floor((i / events) * 30 * 86_400) + Math.floor(rand() * 3_000);
    const reuse = fans.length > 20 && rand() < 0.3;
    const openid = reuse
      ? (fans[Math.floor(rand() * fans.length)] ?? "")
      : `oDemo${String(fans.length).padStart(6, "0")}AbCdEfGhIjKl`;
    if (!reuse) fans.push(openid);
    if (reuse && rand() < 0.15) {
      plan.push({ openid, kind: "unsubscribe", createTime });
      continue;
    }
    const code = weighted[Math.floor(rand() * weighted.length)];
    const scene = code ? scenes.get(code.name) : undefined;
    if (scene) plan.push({ openid, scene, kind: "scan", createTime });
  }
  return plan;
}
