import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../../../src/db/client";
import { webhookEvents } from "../../../src/db/schema";
import { base64ToBytes, bytesToBase64 } from "../../../src/lib/encoding";
import { messageSignature, webhookSignature } from "../../../src/wechat/signature";
import { createTestAccount, randomEncodingAesKey } from "../factories/wechat-accounts";
import { callApp as call, handled, makePush, scanFields, send } from "./push";

const db = getDb(env.DB);

beforeEach(() => {
  handled.events = [];
});

async function expectNothingRecorded(accountId: string) {
  expect(handled.events).toEqual([]);
  expect(
    await db.select().from(webhookEvents).where(eq(webhookEvents.accountId, accountId)),
  ).toEqual([]);
}

/** A correctly signed plaintext POST of any body. */
async function signedPlain(accountId: string, token: string, body: string) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = await webhookSignature(token, timestamp, "7");
  return call(`/wechat/${accountId}?signature=${signature}&timestamp=${timestamp}&nonce=7`, {
    method: "POST",
    body,
  });
}

describe("POST /wechat/{accountId} refuses", () => {
  it("a tampered signature with 401, recording nothing", async () => {
    const { account, secrets } = await createTestAccount({ messageMode: "plaintext" });
    const push = await makePush(account, secrets, scanFields(account, "oX"));
    push.query.set("signature", "f".repeat(40));
    const res = await send(account.id, push);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: "unauthorized" } });
    await expectNothingRecorded(account.id);
  });

  it("a tampered msg_signature in safe mode with 401", async () => {
    const { account, secrets } = await createTestAccount({ messageMode: "safe" });
    const push = await makePush(account, secrets, scanFields(account, "oX"));
    push.query.set("msg_signature", "0".repeat(40));
    expect((await send(account.id, push)).status).toBe(401);
    await expectNothingRecorded(account.id);
  });

  it("a push sealed for another AppID with 401", async () => {
    const { account, secrets } = await createTestAccount({ messageMode: "safe" });
    const push = await makePush(account, secrets, scanFields(account, "oX"), {
      appId: "wx0000000000000000",
    });
    expect((await send(account.id, push)).status).toBe(401);
    await expectNothingRecorded(account.id);
  });

  it("a push sealed with an unknown EncodingAESKey with 401", async () => {
    const { account, secrets } = await createTestAccount({ messageMode: "compatible" });
    const push = await makePush(account, secrets, scanFields(account, "oX"), {
      encodingAesKey: randomEncodingAesKey(),
    });
    expect((await send(account.id, push)).status).toBe(401);
    await expectNothingRecorded(account.id);
  });

  it("a ciphertext padded to 16 bytes with 401, even with valid signatures", async () => {
    const { account, secrets } = await createTestAccount({ messageMode: "safe" });
    const raw = base64ToBytes(`${secrets.encodingAesKey}=`);
    const key = await crypto.subtle.importKey("raw", raw, "AES-CBC", false, ["encrypt"]);
    const xml = new TextEncoder().encode("<xml><A>1</A></xml>");
    const appId = new TextEncoder().encode(account.appId);
    const body = new Uint8Array(20 + xml.length + appId.length + 9);
    new DataView(body.buffer).setUint32(16, xml.length + 9);
    body.set(xml, 20);
    body.set(appId, 20 + xml.length + 9);
    // 20 + 19 + 9 + 18 = 66 bytes: a 16-byte padder makes 80, which no 32-byte padder makes.
    const sealed = await crypto.subtle.encrypt(
      { name: "AES-CBC", iv: raw.slice(0, 16) },
      key,
      body,
    );
    const encrypt = bytesToBase64(new Uint8Array(sealed));
    expect(new Uint8Array(sealed).length % 32).toBe(16);

    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = await webhookSignature(secrets.token, timestamp, "9");
    const msgSignature = await messageSignature(secrets.token, timestamp, "9", encrypt);
    const query = `signature=${signature}&timestamp=${timestamp}&nonce=9&encrypt_type=aes&msg_signature=${msgSignature}`;
    const envelope = `<xml><ToUserName><![CDATA[${account.originalId}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`;
    const res = await call(`/wechat/${account.id}?${query}`, { method: "POST", body: envelope });
    expect(res.status).toBe(401);
    await expectNothingRecorded(account.id);
  });

  it.each([
    ["a DOCTYPE", '<!DOCTYPE xml [<!ENTITY x "y">]><xml><FromUserName>&x;</FromUserName></xml>'],
    [
      "an XML bomb",
      `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><xml><MsgType>&b;</MsgType></xml>`,
    ],
    [
      "an external entity",
      '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml><A>&e;</A></xml>',
    ],
    ["malformed XML", "<xml><FromUserName>oX</xml>"],
  ])("%s with 400, recording nothing", async (_, body) => {
    const { account, secrets } = await createTestAccount({ messageMode: "plaintext" });
    const res = await signedPlain(account.id, secrets.token, body);
    expect(res.status).toBe(400);
    await expectNothingRecorded(account.id);
  });

  it("a body over 64 KB with 413", async () => {
    const { account, secrets } = await createTestAccount({ messageMode: "plaintext" });
    const res = await signedPlain(
      account.id,
      secrets.token,
      `<xml><A>${"a".repeat(70_000)}</A></xml>`,
    );
    expect(res.status).toBe(413);
    await expectNothingRecorded(account.id);
  });

  it("a timestamp outside WEBHOOK_MAX_SKEW_SECONDS with 401", async () => {
    const { account, secrets } = await createTestAccount({ messageMode: "plaintext" });
    const timestamp = String(
      Math.floor(Date.now() / 1000) - Number(env.WEBHOOK_MAX_SKEW_SECONDS) - 60,
    );
    const signature = await webhookSignature(secrets.token, timestamp, "1");
    const body = "<xml><FromUserName>oX</FromUserName></xml>";
    const res = await call(
      `/wechat/${account.id}?signature=${signature}&timestamp=${timestamp}&nonce=1`,
      {
        method: "POST",
        body,
      },
    );
    expect(res.status).toBe(401);
    await expectNothingRecorded(account.id);
  });
});
