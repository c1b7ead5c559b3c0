import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getDb } from "../../../src/db/client";
import { applyFanEvent } from "../../../src/sandbox/fans";
import { createUserWithToken } from "../factories/users";
import { createTestAccount } from "../factories/wechat-accounts";
import { call, jsonInit } from "../helpers";
import {
  countNumbers,
  dayLabel,
  generateEvents,
  type ModelEvent,
  type Numbers,
} from "./scan-model";

const TZ = "Asia/Shanghai";

type SandboxScan = {
  openid: string;
  scene?: string;
  kind: "scan" | "subscribe" | "unsubscribe";
  createTime: number;
};

/** The model's events as the sandbox's inputs; a retried delivery is the same input again. */
function toSandbox(e: ModelEvent): SandboxScan {
  if (e.kind === "unsubscribe")
    return { openid: e.openid, kind: "unsubscribe", createTime: e.createTime };
  if (e.kind === "scan")
    return { openid: e.openid, scene: e.scene, kind: "scan", createTime: e.createTime };
  return {
    openid: e.openid,
    kind: "subscribe",
    createTime: e.createTime,
    ...(e.scene ? { scene: e.scene } : {}),
  };
}

/** Fans whose first event needs them to follow already: WeChat's state before the product existed. */
async function seedOldFollowers(appId: string, events: ModelEvent[], before: number) {
  const first = new Map<string, ModelEvent>();
  for (const e of events) if (!first.has(e.openid)) first.set(e.openid, e);
  for (const [openid, e] of first) {
    if (e.kind === "scan" || e.kind === "unsubscribe") {
      await applyFanEvent(getDb(env.DB), appId, openid, "subscribe", null, before);
    }
  }
}

describe("scans through the sandbox, end to end", () => {
  it("gives every code numbers that match an independent count, retried deliveries included", async () => {
    const { account } = await createTestAccount({ messageMode: "safe", timeZone: TZ });
    const { headers } = await createUserWithToken("owner");
    const codes: { id: string; scene: string }[] = [];
    for (const name of ["门店A", "门店B", "展会", "官网"]) {
      const res = await call(
        `/api/accounts/${account.id}/qrcodes`,
        jsonInit("POST", { name, kind: "permanent" }, headers),
      );
      expect(res.status).toBe(201);
      codes.push(((await res.json()) as { qrcode: { id: string; scene: string } }).qrcode);
    }
    const start = Math.floor(Date.now() / 1000) - 12 * 86_400;
    const events = generateEvents({
      seed: 2026,
      scenes: codes.map((c) => c.scene),
      unknownScenes: ["999999"],
      fans: 80,
      events: 320,
      start,
      maxGap: 3000,
      retryRate: 0.08,
    });
    expect(events.length - new Set(events.map((e) => JSON.stringify(e))).size).toBeGreaterThan(10);
    await seedOldFollowers(account.appId, events, start - 86_400);

    const res = await call(
      `/api/accounts/${account.id}/sandbox/scans`,
      jsonInit("POST", { scans: events.map(toSandbox) }, headers),
    );
    if (res.status !== 200) throw new Error(await res.text());
    const { deliveries } = (await res.json()) as {
      deliveries: { event: string; answer: { kind: string } }[];
    };
    expect(deliveries.map((d) => d.answer.kind).every((k) => k === "success")).toBe(true);
    // The sandbox sent what the model meant: SCAN exactly for the model's scans of followers.
    expect(deliveries.filter((d) => d.event === "SCAN")).toHaveLength(
      events.filter((e) => e.kind === "scan").length,
    );

    const days = [...new Set(events.map((e) => dayLabel(e.createTime, TZ)))].sort();
    expect(days.length).toBeGreaterThan(4);
    const at = (i: number) => days[i] as string;
    const ranges: { from?: string; to?: string }[] = [
      {},
      { from: at(1), to: at(days.length - 2) },
      { from: at(3) },
      { to: at(2) },
      { from: at(2), to: at(2) },
    ];
    for (const range of ranges) {
      const query = new URLSearchParams(range as Record<string, string>).toString();
      for (const code of codes) {
        const got = await call(`/api/accounts/${account.id}/qrcodes/${code.id}/stats?${query}`, {
          headers,
        });
        if (got.status !== 200) throw new Error(`${query}: ${await got.text()}`);
        const body = (await got.json()) as {
          numbers: Numbers;
          series: (Numbers & { day: string })[];
        };
        expect({ range, code: code.scene, ...body.numbers }).toEqual({
          range,
          code: code.scene,
          ...countNumbers(events, code.scene, TZ, range),
        });
        for (const day of body.series.filter((d) => d.scans > 0).slice(0, 3)) {
          expect(day).toEqual({
            day: day.day,
            ...countNumbers(events, code.scene, TZ, { from: day.day, to: day.day }),
          });
        }
      }
    }
  });
});
