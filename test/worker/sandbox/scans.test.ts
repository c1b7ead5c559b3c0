import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type MessageMode, webhookEvents } from "../../../src/db/schema";
import { prepareScanSimulator } from "../../../src/sandbox/simulate-scan";
import type { EventHandler } from "../../../src/webhook/handle-delivery";
import { getWechatClient } from "../../../src/wechat/client";
import { createUserWithToken } from "../factories/users";
import { createTestAccount } from "../factories/wechat-accounts";
import { BASE, call, jsonInit } from "../helpers";
import { callApp, handled } from "../webhook/push";
import { db } from "./helpers";

type Delivery = {
  openid: string;
  event: string;
  eventKey: string | null;
  ticket: string | null;
  attempts: number;
  answer: { kind: string };
};

async function simulate(accountId: string, body: unknown) {
  const { headers } = await createUserWithToken("owner");
  return call(`/api/accounts/${accountId}/sandbox/scans`, jsonInit("POST", body, headers));
}

/** Delivers into the webhook routes with the scans domain replaced by the recorder of ../webhook/push. */
const intoTestApp = (handler?: EventHandler) => (request: Request) => {
  const url = new URL(request.url);
  return callApp(
    `${url.pathname}${url.search}`,
    { method: "POST", body: request.body, signal: request.signal },
    handler,
  );
};

describe("POST /api/accounts/{accountId}/sandbox/scans", () => {
  it.each<MessageMode>(["plaintext", "compatible", "safe"])(
    "delivers a %s scan through the Worker to the account's webhook, which handles it once",
    async (mode) => {
      const { account } = await createTestAccount({ messageMode: mode });
      const made = await getWechatClient(env, account).createQrCode({
        actionName: "QR_STR_SCENE",
        sceneStr: "door",
        expireSeconds: 600,
      });
      if (!made.ok) throw new Error("no code");

      const res = await simulate(account.id, { scene: "door" });
      expect(res.status).toBe(200);
      const { deliveries } = (await res.json()) as { deliveries: Delivery[] };
      expect(deliveries).toHaveLength(1);
      expect(deliveries[0]).toMatchObject({
        event: "subscribe",
        eventKey: "qrscene_door",
        ticket: made.value.ticket,
        attempts: 1,
      });
      expect(["success", "reply"]).toContain(deliveries[0]?.answer.kind);
      expect(
        await db.select().from(webhookEvents).where(eq(webhookEvents.accountId, account.id)),
      ).toHaveLength(1);
    },
  );

  it("sends a follower's next scan as SCAN, and subscribe again after an unfollow", async () => {
    const { account } = await createTestAccount({ messageMode: "safe" });
    const base = Math.floor(Date.now() / 1000) - 3600;
    const res = await simulate(account.id, {
      scans: [
        { openid: "oSeed000000000000000000000001", scene: "5", createTime: base },
        { openid: "oSeed000000000000000000000001", scene: "5", createTime: base + 10 },
        { openid: "oSeed000000000000000000000001", kind: "unsubscribe", createTime: base + 20 },
        { openid: "oSeed000000000000000000000001", scene: "6", createTime: base + 30 },
      ],
    });
    const { deliveries } = (await res.json()) as { deliveries: Delivery[] };
    expect(deliveries.map((d) => [d.event, d.eventKey])).toEqual([
      ["subscribe", "qrscene_5"],
      ["SCAN", "5"],
      ["unsubscribe", null],
      ["subscribe", "qrscene_6"],
    ]);
  });

  it("is described in the OpenAPI document", async () => {
    const doc = (await (await call("/api/openapi.json")).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/accounts/{accountId}/sandbox/scans",
        "/api/accounts/{accountId}/sandbox/faults",
        "/api/accounts/{accountId}/sandbox/messages",
      ]),
    );
  });

  it("answers 409 for an account that is not a sandbox", async () => {
    const { account } = await createTestAccount({ isSandbox: false });
    expect((await simulate(account.id, { scene: "1" })).status).toBe(409);
  });

  it("answers 400 naming scene for a scan without one", async () => {
    const { account } = await createTestAccount();
    const res = await simulate(account.id, { kind: "scan" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("scene");
  });
});

describe("prepareScanSimulator", () => {
  it.each<MessageMode>(["plaintext", "compatible", "safe"])(
    "reads the webhook's %s reply back as the fan's phone would",
    async (mode) => {
      const { account } = await createTestAccount({ messageMode: mode });
      handled.events = [];
      handled.reply = {
        type: "news",
        article: {
          title: "报名",
          description: "d",
          url: "https://e.com/f",
          picUrl: "https://e.com/p",
        },
      };
      const simulator = await prepareScanSimulator(env, account, {
        origin: BASE,
        fetcher: intoTestApp(),
      });
      if (!simulator.ok) throw new Error(simulator.reason);
      const delivery = await simulator.simulate({ kind: "scan", scene: "77" });
      expect(delivery.answer).toMatchObject({
        kind: "reply",
        msgType: "news",
        fields: {
          ToUserName: delivery.openid,
          FromUserName: account.originalId,
          "Articles.item.Title": "报名",
        },
      });
      expect(handled.events).toEqual([expect.objectContaining({ kind: "subscribe", scene: "77" })]);
    },
  );

  it("delivers again when the webhook takes longer than the deadline, and the event is handled once", async () => {
    const { account } = await createTestAccount({ messageMode: "safe" });
    let calls = 0;
    const slowFirst: EventHandler = async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 500));
      return { type: "text", content: "late but once" };
    };
    const simulator = await prepareScanSimulator(env, account, {
      origin: BASE,
      fetcher: intoTestApp(slowFirst),
      attemptTimeoutMs: 250,
    });
    if (!simulator.ok) throw new Error(simulator.reason);
    const delivery = await simulator.simulate({ kind: "scan", scene: "8" });
    expect(delivery.attempts).toBeGreaterThan(1);
    expect(delivery.answer).toMatchObject({ kind: "reply", fields: { Content: "late but once" } });
    expect(calls).toBe(1);
  });

  it("reports a timeout after the first delivery and 3 retries all miss the deadline", async () => {
    const { account } = await createTestAccount({ messageMode: "plaintext" });
    const never = () => new Promise<Response>(() => undefined);
    const simulator = await prepareScanSimulator(env, account, {
      origin: BASE,
      fetcher: never,
      attemptTimeoutMs: 50,
    });
    if (!simulator.ok) throw new Error(simulator.reason);
    expect(await simulator.simulate({ kind: "scan", scene: "9" })).toMatchObject({
      attempts: 4,
      answer: { kind: "timeout" },
    });
  });
});
