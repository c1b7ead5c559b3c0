import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../../../src/db/client";
import { type MessageMode, webhookEvents } from "../../../src/db/schema";
import type { EventHandler } from "../../../src/webhook/handle-delivery";
import { openReply } from "../../../src/wechat/envelope";
import { webhookSignature } from "../../../src/wechat/signature";
import type { PassiveReply, WechatEvent } from "../../../src/wechat/types";
import { parseWechatXml } from "../../../src/wechat/xml-parse";
import { createTestAccount, randomEncodingAesKey } from "../factories/wechat-accounts";
import { callApp as call, handled, makePush, scanFields, send } from "./push";

const db = getDb(env.DB);
const TEXT_REPLY: PassiveReply = { type: "text", content: "欢迎 ]]> welcome" };

async function recordedFor(accountId: string) {
  return db.select().from(webhookEvents).where(eq(webhookEvents.accountId, accountId));
}

beforeEach(() => {
  handled.events = [];
  handled.reply = null;
});

describe("GET /wechat/{accountId}", () => {
  it("echoes echostr verbatim for a correct signature", async () => {
    const { account, secrets } = await createTestAccount({ messageMode: "safe" });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = await webhookSignature(secrets.token, timestamp, "123");
    const res = await call(
      `/wechat/${account.id}?signature=${signature}&timestamp=${timestamp}&nonce=123&echostr=abc%2B1`,
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("abc+1");
  });

  it("answers 401 in the error shape for a wrong signature", async () => {
    const { account } = await createTestAccount();
    const res = await call(
      `/wechat/${account.id}?signature=${"0".repeat(40)}&timestamp=1&nonce=1&echostr=x`,
    );
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: "unauthorized" } });
  });

  it("answers 404 for an unknown account", async () => {
    expect((await call("/wechat/acc_nope?signature=x&timestamp=1&nonce=1&echostr=x")).status).toBe(
      404,
    );
  });
});

describe("POST /wechat/{accountId} in each mode", () => {
  it.each<MessageMode>(["plaintext", "compatible", "safe"])(
    "hands a %s subscribe-by-scan to the scans domain and answers its reply",
    async (mode) => {
      const { account, secrets } = await createTestAccount({ messageMode: mode });
      handled.reply = TEXT_REPLY;
      const res = await send(
        account.id,
        await makePush(account, secrets, scanFields(account, "oFanA")),
      );
      expect(res.status).toBe(200);
      expect(handled.events).toEqual<WechatEvent[]>([
        {
          kind: "subscribe",
          openid: "oFanA",
          createTime: 1_700_000_000,
          scene: "42",
          ticket: "gQH47joAAAAAAAAAASxodHRwOi8v+/=",
        },
      ]);

      const body = await res.text();
      const keys = {
        token: secrets.token,
        encodingAesKey: secrets.encodingAesKey,
        appId: account.appId,
      };
      const opened =
        mode === "plaintext" ? { ok: true as const, xml: body } : await openReply(body, keys);
      if (!opened.ok) throw new Error(opened.reason);
      expect(parseWechatXml(opened.xml)).toMatchObject({
        ok: true,
        fields: {
          ToUserName: "oFanA",
          FromUserName: account.originalId,
          MsgType: "text",
          Content: TEXT_REPLY.content,
        },
      });
      if (mode !== "plaintext") expect(body).not.toContain("welcome");
    },
  );

  it.each([
    [
      "SCAN with the bare scene",
      { Event: "SCAN", EventKey: "scene-7" },
      { kind: "scan", scene: "scene-7" },
    ],
    [
      "a subscribe not from a code",
      { Event: "subscribe", EventKey: "" },
      { kind: "subscribe", scene: null, ticket: null },
    ],
    ["an unsubscribe", { Event: "unsubscribe", EventKey: "" }, { kind: "unsubscribe" }],
    [
      "a scene that itself contains qrscene_",
      { EventKey: "qrscene_qrscene_x" },
      { kind: "subscribe", scene: "qrscene_x" },
    ],
  ])("reads %s", async (_, overrides, expected) => {
    const { account, secrets } = await createTestAccount({ messageMode: "plaintext" });
    const res = await send(
      account.id,
      await makePush(account, secrets, scanFields(account, "oFanB", overrides)),
    );
    expect(await res.text()).toBe("success");
    expect(handled.events).toEqual([expect.objectContaining(expected)]);
  });

  it("answers success at once to an ordinary message, handling and recording nothing", async () => {
    const { account, secrets } = await createTestAccount({ messageMode: "safe" });
    const fields = scanFields(account, "oFanC").filter(
      ([k]) => !["Event", "EventKey", "Ticket"].includes(k),
    );
    fields.splice(
      3,
      1,
      ["MsgType", "text"],
      ["Content", "hello"],
      ["MsgId", "6054768590064713728"],
    );
    const res = await send(account.id, await makePush(account, secrets, fields));
    expect(await res.text()).toBe("success");
    expect(handled.events).toEqual([]);
    expect(await recordedFor(account.id)).toEqual([]);
  });

  it("opens a push sealed with the previous EncodingAESKey and replies with that key", async () => {
    const previous = randomEncodingAesKey();
    const { account, secrets } = await createTestAccount({
      messageMode: "safe",
      previousEncodingAesKey: previous,
    });
    handled.reply = TEXT_REPLY;
    const push = await makePush(account, secrets, scanFields(account, "oFanD"), {
      encodingAesKey: previous,
    });
    const res = await send(account.id, push);
    expect(res.status).toBe(200);
    const opened = await openReply(await res.text(), {
      token: secrets.token,
      encodingAesKey: previous,
      appId: account.appId,
    });
    expect(opened.ok).toBe(true);
  });
});

describe("POST /wechat/{accountId} de-duplication", () => {
  it("handles a retried delivery once and answers it the same", async () => {
    const { account, secrets } = await createTestAccount({ messageMode: "plaintext" });
    handled.reply = TEXT_REPLY;
    const push = await makePush(account, secrets, scanFields(account, "oFanE"));
    const first = await (await send(account.id, push)).text();
    const retry = await (await send(account.id, push)).text();
    expect(retry).toBe(first);
    expect(handled.events).toHaveLength(1);
    expect(await recordedFor(account.id)).toHaveLength(1);
  });

  it("answers a retry that arrives while the first is still being handled with the same reply", async () => {
    const { account, secrets } = await createTestAccount({ messageMode: "safe" });
    let calls = 0;
    const slow: EventHandler = async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 600));
      return TEXT_REPLY;
    };
    const push = await makePush(account, secrets, scanFields(account, "oFanG"));
    const [first, retry] = await Promise.all([
      send(account.id, push, slow),
      send(account.id, push, slow),
    ]);
    const keys = {
      token: secrets.token,
      encodingAesKey: secrets.encodingAesKey,
      appId: account.appId,
    };
    const [a, b] = [
      await openReply(await first.text(), keys),
      await openReply(await retry.text(), keys),
    ];
    expect(calls).toBe(1);
    expect(a.ok && b.ok && a.xml === b.xml && a.xml.includes("welcome")).toBe(true);
  });

  it("lets a retry handle the push when the first handler failed", async () => {
    const { account, secrets } = await createTestAccount({ messageMode: "plaintext" });
    const failing: EventHandler = async () => {
      throw new Error("database down");
    };
    const push = await makePush(account, secrets, scanFields(account, "oFanH"));
    expect((await send(account.id, push, failing)).status).toBe(500);
    expect(await (await send(account.id, push)).text()).toBe("success");
    expect(handled.events).toHaveLength(1);
  });

  it("handles two scans of one fan in different seconds as two events", async () => {
    const { account, secrets } = await createTestAccount({ messageMode: "plaintext" });
    await send(
      account.id,
      await makePush(account, secrets, scanFields(account, "oFanF", { CreateTime: 1_700_000_001 })),
    );
    await send(
      account.id,
      await makePush(account, secrets, scanFields(account, "oFanF", { CreateTime: 1_700_000_002 })),
    );
    expect(handled.events).toHaveLength(2);
  });
});
