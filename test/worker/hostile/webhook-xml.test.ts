import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { encryptMessage } from "../../../src/wechat/message-crypto";
import { messageSignature, webhookSignature } from "../../../src/wechat/signature";
import { createTestAccount } from "../factories/wechat-accounts";
import { call } from "../helpers";
import { expectErrorShape } from "./expect-error";

/**
 * Hostile bodies on the webhook, sent through the whole Worker (the real
 * scans domain behind it). test/worker/webhook/rejections.test.ts already
 * covers DOCTYPE, an entity bomb, an external entity, unclosed tags and a
 * 64 KB body against the webhook routes alone; this adds the rest of the
 * parser's refusals, bytes that are not UTF-8, a streamed oversized body
 * and a hostile message inside a correctly encrypted push. Each answer is
 * the error shape, and nothing about the account is recorded.
 */
async function storedFor(accountId: string): Promise<number> {
  let total = 0;
  for (const table of ["webhook_events", "scans", "fans"]) {
    const row = await env.DB.prepare(`select count(*) as n from ${table} where account_id = ?`)
      .bind(accountId)
      .first<{ n: number }>();
    total += row?.n ?? 0;
  }
  return total;
}

async function signedQuery(token: string) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = String(Math.floor(Math.random() * 1e9));
  return { timestamp, nonce, signature: await webhookSignature(token, timestamp, nonce) };
}

async function plainPush(body: BodyInit) {
  const { account, secrets } = await createTestAccount({ messageMode: "plaintext" });
  const q = await signedQuery(secrets.token);
  const path = `/wechat/${account.id}?signature=${q.signature}&timestamp=${q.timestamp}&nonce=${q.nonce}`;
  return { accountId: account.id, res: await call(path, { method: "POST", body }) };
}

const event = (inner: string) =>
  `<xml><ToUserName>gh_x</ToUserName><FromUserName>oHostile</FromUserName><CreateTime>1700000000</CreateTime><MsgType>event</MsgType><Event>subscribe</Event>${inner}</xml>`;

const nested = (depth: number) => `${"<a>".repeat(depth)}x${"</a>".repeat(depth)}`;

const PLAIN_CASES: [string, BodyInit, number, RegExp][] = [
  ["an XML declaration", `<?xml version="1.0"?>${event("")}`, 400, /declarations/],
  ["a comment", event("<!-- hi -->"), 400, /comments/],
  ["a processing instruction inside", event("<?php echo 1 ?>"), 400, /processing instructions/],
  ["an attribute", `<xml a="1">${event("")}</xml>`, 400, /attributes/],
  ["an unterminated CDATA", event("<EventKey><![CDATA[qrscene_1</EventKey>"), 400, /CDATA/],
  ["a named entity", event("<EventKey>&nbsp;</EventKey>"), 400, /entity/],
  ["a character reference to NUL", event("<EventKey>&#0;</EventKey>"), 400, /entity/],
  ["a character reference past Unicode", event("<EventKey>&#x110000;</EventKey>"), 400, /entity/],
  ["nesting deeper than WeChat sends", event(nested(40)), 400, /nesting/],
  [
    "more fields than WeChat sends",
    event(Array.from({ length: 250 }, (_, i) => `<F${i}>1</F${i}>`).join("")),
    400,
    /too many fields/,
  ],
  ["text after the root element", `${event("")}<xml/>`, 400, /after the root/],
  ["an empty body", "", 400, /refused/],
  [
    "a body that is not UTF-8",
    new Uint8Array([0x3c, 0x78, 0x6d, 0x6c, 0x3e, 0xff, 0xfe, 0x3c, 0x2f, 0x78, 0x6d, 0x6c, 0x3e]),
    400,
    /not UTF-8/,
  ],
];

describe("POST /wechat/{accountId} through the Worker refuses", () => {
  it.each(PLAIN_CASES)(
    "%s with a clear error, recording nothing",
    async (_, body, status, message) => {
      const { accountId, res } = await plainPush(body);
      await expectErrorShape(res, status, message);
      expect(await storedFor(accountId)).toBe(0);
    },
  );

  it("a body over 64 KB streamed without Content-Length with 413, recording nothing", async () => {
    const chunk = new TextEncoder().encode(`<A>${"a".repeat(16_000)}</A>`);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ >= 8) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const { accountId, res } = await plainPush(body);
    await expectErrorShape(res, 413, /larger than WeChat sends/);
    expect(await storedFor(accountId)).toBe(0);
  });

  it("a correctly encrypted push whose message declares a DOCTYPE with 400, recording nothing", async () => {
    const { account, secrets } = await createTestAccount({ messageMode: "safe" });
    const inner = `<!DOCTYPE x [<!ENTITY a "${"a".repeat(100)}">]>${event("<EventKey>&a;</EventKey>")}`;
    const encrypt = await encryptMessage(inner, secrets.encodingAesKey, account.appId);
    const q = await signedQuery(secrets.token);
    const msgSignature = await messageSignature(secrets.token, q.timestamp, q.nonce, encrypt);
    const query = `signature=${q.signature}&timestamp=${q.timestamp}&nonce=${q.nonce}&encrypt_type=aes&msg_signature=${msgSignature}`;
    const envelope = `<xml><ToUserName><![CDATA[${account.originalId}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`;
    const res = await call(`/wechat/${account.id}?${query}`, { method: "POST", body: envelope });
    await expectErrorShape(res, 400, /message refused: declarations/);
    expect(await storedFor(account.id)).toBe(0);
  });

  it("a push for an account that does not exist with 404", async () => {
    const res = await call("/wechat/acc_doesnotexist0000?signature=x&timestamp=1&nonce=1", {
      method: "POST",
      body: event(""),
    });
    await expectErrorShape(res, 404, /Account not found/);
  });
});
