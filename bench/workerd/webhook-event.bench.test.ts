// Server time per webhook event, inside workerd with local D1, Queues and Durable Objects:
// real signed and (safe mode) encrypted pushes POSTed to /wechat/{accountId}, answered by the
// whole Worker (verify, decrypt, de-duplicate, record, reply, encrypt). Also the scans domain
// alone (handleWechatEvent), without the protocol layer. Local D1 answers in-process, so the
// bench also counts each event's D1 round trips and queue sends (through createApp with a
// counting env), which is what a deployed Worker adds network time for.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { expect, it } from "vitest";
import { createApp } from "../../src/app";
import type { AccountRow } from "../../src/http/types";
import { buildPush, type PushKeys } from "../../src/sandbox/build-push";
import { handleWechatEvent } from "../../src/scans/handle-event";
import type { XmlEntry } from "../../src/wechat/xml-write";
import { createTestAccount } from "../../test/worker/factories/wechat-accounts";
import { insertCode } from "../../test/worker/scans/fixtures";
import { type Calls, countingEnv } from "./counting-env";

const ROUNDS = 300;
const WARMUP = 30;

function summary(times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { n: s.length, median: at(0.5), p95: at(0.95), p99: at(0.99), max: s[s.length - 1] ?? 0 };
}

function fields(
  account: AccountRow,
  openid: string,
  event: string,
  key: string | null,
  t: number,
): XmlEntry[] {
  const f: XmlEntry[] = [
    ["ToUserName", account.originalId],
    ["FromUserName", openid],
    ["CreateTime", t],
    ["MsgType", "event"],
    ["Event", event],
  ];
  if (key !== null)
    f.push(["EventKey", key], ["Ticket", "gQH47joAAAAAAAAAASxodHRwOi8vd2VpeGluLnFxLmNvbS9xLzAy"]);
  return f;
}

/**
 * One push through a fresh app on the counting env. Calls are counted when made, so the count
 * includes work the answer does not wait for (waitUntil), which runs to its end here.
 */
async function countCalls(account: AccountRow, keys: PushKeys, openid: string, f: XmlEntry[]) {
  const calls: Calls = { d1: 0, queue: 0 };
  const push = await buildPush(f, openid, keys);
  const ctx = createExecutionContext();
  const res = await createApp().fetch(
    new Request(`http://example.com/wechat/${account.id}?${push.query}`, {
      method: "POST",
      headers: { "Content-Type": "text/xml" },
      body: push.body,
    }),
    countingEnv(calls),
    ctx,
  );
  await res.text();
  expect(res.status).toBe(200);
  await waitOnExecutionContext(ctx);
  return calls;
}

async function post(account: AccountRow, keys: PushKeys, openid: string, f: XmlEntry[]) {
  const push = await buildPush(f, openid, keys);
  const self = (exports as unknown as { default: Fetcher }).default;
  const t = Date.now();
  const res = await self.fetch(`http://example.com/wechat/${account.id}?${push.query}`, {
    method: "POST",
    headers: { "Content-Type": "text/xml" },
    body: push.body,
  });
  const body = await res.text();
  const ms = Date.now() - t;
  expect(res.status).toBe(200);
  return { ms, body };
}

it("server time per webhook event", async () => {
  const { account, secrets } = await createTestAccount({ messageMode: "safe" });
  const keys: PushKeys = {
    mode: "safe",
    token: secrets.token,
    encodingAesKey: secrets.encodingAesKey,
    appId: account.appId,
  };
  const plain = await insertCode(account.id, { scene: "plain" });
  const replying = await insertCode(account.id, {
    scene: "reply",
    fanTagIds: [2],
    reply: [
      { type: "text", content: "欢迎关注" },
      { type: "text", content: "第二条" },
      { type: "text", content: "第三条" },
    ],
  });
  expect(plain.id && replying.id).toBeTruthy();
  const base = Math.floor(Date.now() / 1000) - 86_400;
  const cases: Record<string, number[]> = {
    scanNoReply: [],
    subscribeWithReplyTagsQueue: [],
    unsubscribe: [],
    duplicateDelivery: [],
    handleWechatEventScanOnly: [],
  };

  for (let i = 0; i < WARMUP + ROUNDS; i++) {
    const keep = i >= WARMUP;
    const openid = `o_bench_${i}`;
    const t = base + i * 3;
    const scan = await post(account, keys, openid, fields(account, openid, "SCAN", "plain", t));
    const follow = await post(
      account,
      keys,
      `${openid}_n`,
      fields(account, `${openid}_n`, "subscribe", "qrscene_reply", t),
    );
    const again = await post(account, keys, openid, fields(account, openid, "SCAN", "plain", t));
    const leave = await post(
      account,
      keys,
      openid,
      fields(account, openid, "unsubscribe", null, t + 1),
    );
    expect(follow.body).toContain("<Encrypt>");
    if (keep) {
      cases.scanNoReply?.push(scan.ms);
      cases.subscribeWithReplyTagsQueue?.push(follow.ms);
      cases.duplicateDelivery?.push(again.ms);
      cases.unsubscribe?.push(leave.ms);
    }
    const ctx = createExecutionContext();
    const start = Date.now();
    await handleWechatEvent(env, ctx, account, {
      kind: "scan",
      openid: `${openid}_d`,
      createTime: t,
      scene: "plain",
      ticket: null,
    });
    if (keep) cases.handleWechatEventScanOnly?.push(Date.now() - start);
    await waitOnExecutionContext(ctx);
  }
  const figures = Object.fromEntries(Object.entries(cases).map(([k, v]) => [k, summary(v)]));

  // The same four pushes for a new fan, counted: the D1 round trips and queue sends of each.
  const openid = "o_bench_count";
  const t = base + ROUNDS * 3 + 100;
  const calls = {
    scanNoReply: await countCalls(
      account,
      keys,
      openid,
      fields(account, openid, "SCAN", "plain", t),
    ),
    subscribeWithReplyTagsQueue: await countCalls(
      account,
      keys,
      `${openid}_n`,
      fields(account, `${openid}_n`, "subscribe", "qrscene_reply", t),
    ),
    duplicateDelivery: await countCalls(
      account,
      keys,
      openid,
      fields(account, openid, "SCAN", "plain", t),
    ),
    unsubscribe: await countCalls(
      account,
      keys,
      openid,
      fields(account, openid, "unsubscribe", null, t + 1),
    ),
  };
  console.log(
    `BENCH_RESULT ${JSON.stringify({ bench: "webhook-event", rounds: ROUNDS, figures, calls })}`,
  );
});
