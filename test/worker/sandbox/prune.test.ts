import { describe, expect, it } from "vitest";
import { sandboxCalls, webhookEvents } from "../../../src/db/schema";
import { pruneSandbox } from "../../../src/sandbox/prune-sandbox";
import { pruneWebhookEvents } from "../../../src/webhook/prune-webhook-events";
import { db } from "./helpers";

describe("pruneSandbox and pruneWebhookEvents", () => {
  it("drop records past their keeping time and keep recent ones", async () => {
    const now = Date.now();
    const day = 86_400_000;
    await db.insert(sandboxCalls).values([
      { appId: "wx1", path: "/cgi-bin/tags/get", body: null, errcode: 0, createdAt: now - 8 * day },
      { appId: "wx1", path: "/cgi-bin/tags/get", body: null, errcode: 0, createdAt: now - day },
    ]);
    await db.insert(webhookEvents).values([
      {
        dedupeKey: "old",
        accountId: "acc_1",
        replyXml: "",
        handledAt: now,
        createdAt: now - 2 * day,
      },
      {
        dedupeKey: "new",
        accountId: "acc_1",
        replyXml: "",
        handledAt: now,
        createdAt: now - 60_000,
      },
    ]);
    await pruneSandbox(db, now);
    await pruneWebhookEvents(db, now);
    expect((await db.select().from(sandboxCalls)).map((c) => c.createdAt)).toEqual([now - day]);
    expect((await db.select().from(webhookEvents)).map((e) => e.dedupeKey)).toEqual(["new"]);
  });
});
