import { describe, expect, it } from "vitest";
import { createUserWithToken } from "../factories/users";
import { call } from "../helpers";
import { createCode, sandboxSetup, simulate } from "../replies/helpers";

type Numbers = {
  scans: number;
  scanners: number;
  newFollowers: number;
  oldFans: number;
  unfollows: number;
  netNewFollowers: number;
};

const BASE = Date.UTC(2026, 3, 1, 2) / 1000; // 10:00 on 1 April in Beijing
const DAY = 86_400;

/** Three fans over three days: a follower who returns, one who leaves, an old fan. */
async function scenario() {
  const { account, headers } = await sandboxSetup();
  const code = await createCode(account.id, headers, { name: "海报", newGroupName: "线下" });
  const other = await createCode(account.id, headers, { name: "官网" });
  await simulate(account.id, headers, [
    { openid: "o_st_old", kind: "subscribe", createTime: BASE - 10 * DAY },
    { openid: "o_st_1", scene: code.scene, kind: "subscribe", createTime: BASE },
    { openid: "o_st_2", scene: code.scene, kind: "subscribe", createTime: BASE + 60 },
    { openid: "o_st_old", scene: code.scene, kind: "scan", createTime: BASE + 120 },
    { openid: "o_st_2", kind: "unsubscribe", createTime: BASE + DAY },
    { openid: "o_st_1", scene: code.scene, kind: "scan", createTime: BASE + 2 * DAY },
    { openid: "o_st_1", scene: other.scene, kind: "scan", createTime: BASE + 2 * DAY + 5 },
    { openid: "o_st_1", scene: "no-such-code", kind: "scan", createTime: BASE + 2 * DAY + 9 },
  ]);
  return { account, headers, code, other };
}

async function getJson<T>(path: string, headers: Record<string, string>, status = 200): Promise<T> {
  const res = await call(path, { headers });
  if (res.status !== status) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

describe("GET /api/accounts/{accountId}/qrcodes/{id}/stats", () => {
  it("gives the numbers and a daily series in the account's time zone", async () => {
    const { account, headers, code } = await scenario();
    const all = await getJson<{ numbers: Numbers; series: ({ day: string } & Numbers)[] }>(
      `/api/accounts/${account.id}/qrcodes/${code.id}/stats?from=2026-04-01&to=2026-04-03`,
      headers,
    );
    expect(all.numbers).toEqual({
      scans: 4,
      scanners: 3,
      newFollowers: 2,
      oldFans: 1,
      unfollows: 1,
      netNewFollowers: 1,
    });
    expect(all.series.map((d) => [d.day, d.scans, d.scanners, d.newFollowers])).toEqual([
      ["2026-04-01", 3, 3, 2],
      ["2026-04-02", 0, 0, 0],
      ["2026-04-03", 1, 1, 0],
    ]);
    const lastDay = await getJson<{ numbers: Numbers }>(
      `/api/accounts/${account.id}/qrcodes/${code.id}/stats?from=2026-04-03`,
      headers,
    );
    // The returning follower scanned again: in that day it is an old fan, all-time a new follower.
    expect(lastDay.numbers).toEqual({
      scans: 1,
      scanners: 1,
      newFollowers: 0,
      oldFans: 1,
      unfollows: 0,
      netNewFollowers: 0,
    });
  });

  it.each([
    ["from after to", "from=2026-04-03&to=2026-04-01"],
    ["an impossible date", "from=2026-02-30"],
    ["a malformed date", "to=20260401"],
  ])("answers 400 for %s", async (_, query) => {
    const { account, headers, code } = await scenario();
    const res = await call(`/api/accounts/${account.id}/qrcodes/${code.id}/stats?${query}`, {
      headers,
    });
    expect(res.status).toBe(400);
  });

  it("answers 404 for another account's code and for a user without access", async () => {
    const { account, headers, code } = await scenario();
    const mine = await sandboxSetup();
    expect(
      (await call(`/api/accounts/${mine.account.id}/qrcodes/${code.id}/stats`, { headers })).status,
    ).toBe(404);
    const stranger = await createUserWithToken("operator");
    const res = await call(`/api/accounts/${account.id}/qrcodes/${code.id}/stats`, {
      headers: stranger.headers,
    });
    expect(res.status).toBe(404);
  });
});

describe("GET /api/accounts/{accountId}/qrcodes/{id}/fans", () => {
  type Page = {
    fans: { openid: string; isNewFollower: boolean; scanCount: number; following: boolean }[];
    total: number;
  };

  it.each([
    ["all", "", ["o_st_1", "o_st_2", "o_st_old"]],
    ["new", "", ["o_st_1", "o_st_2"]],
    ["old", "", ["o_st_old"]],
    ["all", "&from=2026-04-03", ["o_st_1"]],
    ["old", "&from=2026-04-03", ["o_st_1"]],
    ["new", "&from=2026-04-03", []],
  ])(
    "lists segment %s%s with a total equal to the matching number",
    async (segment, range, openids) => {
      const { account, headers, code } = await scenario();
      const page = await getJson<Page>(
        `/api/accounts/${account.id}/qrcodes/${code.id}/fans?segment=${segment}${range}`,
        headers,
      );
      expect(page.fans.map((f) => f.openid).sort()).toEqual(openids);
      expect(page.total).toBe(openids.length);
    },
  );

  it("shows first and latest scan, scan count and whether the fan still follows", async () => {
    const { account, headers, code } = await scenario();
    const page = await getJson<{ fans: Record<string, unknown>[] }>(
      `/api/accounts/${account.id}/qrcodes/${code.id}/fans`,
      headers,
    );
    const byOpenid = new Map(page.fans.map((f) => [f.openid, f]));
    expect(byOpenid.get("o_st_1")).toMatchObject({
      scanCount: 2,
      firstScanAt: BASE * 1000,
      lastScanAt: (BASE + 2 * DAY) * 1000,
      isNewFollower: true,
      following: true,
    });
    expect(byOpenid.get("o_st_2")).toMatchObject({
      following: false,
      unfollowCount: 1,
      unfollowedAt: (BASE + DAY) * 1000,
    });
    // Newest scan first.
    expect(page.fans[0]?.openid).toBe("o_st_1");
  });

  it("pages", async () => {
    const { account, headers, code } = await scenario();
    const p2 = await getJson<Page>(
      `/api/accounts/${account.id}/qrcodes/${code.id}/fans?page=2&pageSize=2`,
      headers,
    );
    expect(p2.fans).toHaveLength(1);
    expect(p2.total).toBe(3);
  });
});

describe("GET /api/accounts/{accountId}/stats/summary", () => {
  it("sums the codes per group and counts scans of unknown scenes", async () => {
    const { account, headers } = await scenario();
    const s = await getJson<{
      account: Numbers & { unknownScans: number };
      groups: { name: string | null; numbers: Numbers }[];
    }>(`/api/accounts/${account.id}/stats/summary`, headers);
    expect(s.account).toMatchObject({ scans: 5, scanners: 4, newFollowers: 2, unknownScans: 1 });
    const byName = new Map(s.groups.map((g) => [g.name, g.numbers]));
    expect(byName.get("线下")).toMatchObject({ scans: 4, scanners: 3 });
    expect(byName.get(null)).toMatchObject({ scans: 1, scanners: 1 });
  });

  it("adds a daily series that sums the codes' days", async () => {
    const { account, headers } = await scenario();
    const s = await getJson<{ series: ({ day: string } & Numbers)[] }>(
      `/api/accounts/${account.id}/stats/summary?from=2026-04-01&to=2026-04-03`,
      headers,
    );
    // Day 3: o_st_1 scans both codes, so the day counts them on each (2 scans, 2 scanners).
    expect(s.series.map((d) => [d.day, d.scans, d.scanners, d.newFollowers, d.unfollows])).toEqual([
      ["2026-04-01", 3, 3, 2, 1],
      ["2026-04-02", 0, 0, 0, 0],
      ["2026-04-03", 2, 2, 0, 0],
    ]);
  });
});
