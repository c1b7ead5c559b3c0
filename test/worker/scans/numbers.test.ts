import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getDb } from "../../../src/db/client";
import { handleWechatEvent } from "../../../src/scans/handle-event";
import { getCodeNumbers } from "../../../src/stats/code-numbers";
import { insertAccount, insertCode } from "./fixtures";
import { countNumbers, dayLabel, generateEvents, type ModelEvent, mulberry32 } from "./scan-model";

const TZ = "Asia/Shanghai";

async function deliver(account: Awaited<ReturnType<typeof insertAccount>>, events: ModelEvent[]) {
  for (const event of events) {
    const ctx = createExecutionContext();
    await handleWechatEvent(env, ctx, account, event);
    await waitOnExecutionContext(ctx);
  }
}

describe("handleWechatEvent and getCodeNumbers", () => {
  it("match an independent count for every code and range when events arrive in order", async () => {
    const account = await insertAccount({ timeZone: TZ });
    const codes = await Promise.all([1, 2, 3, 4].map(() => insertCode(account.id)));
    const events = generateEvents({
      seed: 7,
      scenes: codes.map((c) => c.scene),
      unknownScenes: ["nope-1", "nope-2"],
      fans: 60,
      events: 400,
      start: Date.UTC(2026, 2, 1, 12) / 1000,
      maxGap: 3600,
      retryRate: 0.1,
    });
    await deliver(account, events);

    const days = [...new Set(events.map((e) => dayLabel(e.createTime, TZ)))].sort();
    const ranges = [
      {},
      { from: days[2] },
      { to: days[3] },
      { from: days[1], to: days[4] },
      { from: days[3], to: days[3] },
    ];
    const db = getDb(env.DB);
    const all = codes.map((c) => countNumbers(events, c.scene, TZ));
    // The stream must exercise every number, or the comparison proves little.
    for (const key of [
      "scans",
      "scanners",
      "newFollowers",
      "oldFans",
      "unfollows",
      "netNewFollowers",
    ] as const) {
      expect(Math.min(...all.map((n) => n[key]))).toBeGreaterThan(0);
    }
    expect(all.some((n) => n.netNewFollowers < n.newFollowers)).toBe(true);
    for (const range of ranges) {
      const got = await getCodeNumbers(
        db,
        account.id,
        codes.map((c) => c.id),
        range,
      );
      for (const code of codes) {
        expect({ range, code: code.scene, ...got.get(code.id) }).toEqual({
          range,
          code: code.scene,
          ...countNumbers(events, code.scene, TZ, range),
        });
      }
    }
  });

  it("match an independent count when deliveries arrive in any order", async () => {
    const account = await insertAccount({ timeZone: TZ });
    const codes = await Promise.all([1, 2].map(() => insertCode(account.id)));
    // Few fans scanning often over a week: late deliveries of a fan's earlier
    // day, and scans recorded after a later unfollow, happen many times.
    const events = generateEvents({
      seed: 11,
      scenes: codes.map((c) => c.scene),
      unknownScenes: ["zz"],
      fans: 4,
      events: 150,
      start: Date.UTC(2026, 5, 1, 15) / 1000,
      maxGap: 8000,
      retryRate: 0.05,
    });
    const rand = mulberry32(99);
    const shuffled = events
      .map((e) => ({ e, k: rand() }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.e);
    await deliver(account, shuffled);
    const days = [...new Set(events.map((e) => dayLabel(e.createTime, TZ)))].sort();
    for (const range of [{}, { from: days[3] }, { from: days[2], to: days[6] }, { to: days[5] }]) {
      const got = await getCodeNumbers(
        getDb(env.DB),
        account.id,
        codes.map((c) => c.id),
        range,
      );
      for (const code of codes) {
        expect({ range, ...got.get(code.id) }).toEqual({
          range,
          ...countNumbers(events, code.scene, TZ, range),
        });
      }
    }
  });

  const base = Date.UTC(2026, 6, 1, 2) / 1000; // 10:00 in Beijing
  const sameDay = (scene: string): ModelEvent[] => [
    { kind: "subscribe", openid: "o_perm", createTime: base, scene, ticket: null },
    { kind: "unsubscribe", openid: "o_perm", createTime: base + 3600 },
    { kind: "subscribe", openid: "o_perm", createTime: base + 7200, scene, ticket: null },
    { kind: "unsubscribe", openid: "o_perm", createTime: base + 90_000 },
  ];
  it.each(["0123", "2103", "2013", "1203", "3210", "2301"])(
    "counts follow, unfollow, follow again the same day delivered in order %s",
    async (order) => {
      const account = await insertAccount({ timeZone: TZ });
      const code = await insertCode(account.id);
      const events = sameDay(code.scene);
      await deliver(
        account,
        [...order].map((i) => events[Number(i)] as ModelEvent),
      );
      for (const range of [{}, { from: "2026-07-01", to: "2026-07-01" }, { from: "2026-07-02" }]) {
        const got = await getCodeNumbers(getDb(env.DB), account.id, [code.id], range);
        expect({ range, ...got.get(code.id) }).toEqual({
          range,
          ...countNumbers(events, code.scene, TZ, range),
        });
      }
    },
  );

  it("counts a scan at 23:30 Beijing time for that Beijing day, not the UTC day", async () => {
    const account = await insertAccount({ timeZone: TZ });
    const code = await insertCode(account.id);
    // 2026-03-10 23:30 in Beijing is 15:30 UTC on the same date; 00:30 on the 11th is 16:30 UTC on the 10th.
    const late = Date.UTC(2026, 2, 10, 15, 30) / 1000;
    const afterMidnight = Date.UTC(2026, 2, 10, 16, 30) / 1000;
    await deliver(account, [
      { kind: "scan", openid: "o_tz_1", createTime: late, scene: code.scene, ticket: null },
      {
        kind: "scan",
        openid: "o_tz_2",
        createTime: afterMidnight,
        scene: code.scene,
        ticket: null,
      },
    ]);
    const db = getDb(env.DB);
    const on10 = await getCodeNumbers(db, account.id, [code.id], {
      from: "2026-03-10",
      to: "2026-03-10",
    });
    const on11 = await getCodeNumbers(db, account.id, [code.id], {
      from: "2026-03-11",
      to: "2026-03-11",
    });
    expect(on10.get(code.id)).toMatchObject({ scans: 1, scanners: 1, oldFans: 1 });
    expect(on11.get(code.id)).toMatchObject({ scans: 1, scanners: 1, oldFans: 1 });
  });

  it("keeps a scan of an unknown scene without counting it for any code", async () => {
    const account = await insertAccount();
    const code = await insertCode(account.id);
    await deliver(account, [
      {
        kind: "subscribe",
        openid: "o_unknown",
        createTime: 1_770_000_000,
        scene: "ghost",
        ticket: null,
      },
    ]);
    const rows = await env.DB.prepare(
      "SELECT qrcode_id, scene, is_new_follower FROM scans WHERE account_id = ?",
    )
      .bind(account.id)
      .all();
    expect(rows.results).toEqual([{ qrcode_id: null, scene: "ghost", is_new_follower: 1 }]);
    expect((await getCodeNumbers(getDb(env.DB), account.id, [code.id])).get(code.id)?.scans).toBe(
      0,
    );
  });
});
