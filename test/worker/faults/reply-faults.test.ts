import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import {
  CUSTOM_SEND_TIMEOUT_MS,
  customRetryDelaySeconds,
} from "../../../src/replies/send-custom-deliveries";
import { call } from "../helpers";
import { createCode, type Headers, sandboxMessages, sandboxSetup } from "../replies/helpers";
import { faultyD1 } from "./faulty-d1";
import { armFault, deliver, envWith, heldQueue, pushScans, recordedCalls, until } from "./harness";

const CUSTOM_SEND = "/cgi-bin/message/custom/send";

type Delivery = {
  position: number;
  status: string;
  errcode: number | null;
  reason: string | null;
  attempts: number;
  sentAt: number | null;
};

async function deliveryLog(accountId: string, codeId: string, headers: Headers) {
  const res = await call(`/api/accounts/${accountId}/qrcodes/${codeId}/deliveries`, { headers });
  const { deliveries } = (await res.json()) as { deliveries: Delivery[] };
  return deliveries.sort((a, b) => a.position - b.position);
}

async function textsTo(accountId: string, headers: Headers, openid: string) {
  const messages = await sandboxMessages(accountId, headers);
  return messages
    .filter((m) => m.body.touser === openid)
    .map((m) => (m.body.text as { content: string }).content);
}

/** A code whose reply is a passive text and two customer-service texts, and a held queue. */
async function replySetup() {
  const { account, headers } = await sandboxSetup();
  const code = await createCode(account.id, headers, {
    reply: [
      { type: "text", content: "welcome" },
      { type: "text", content: "first" },
      { type: "text", content: "second" },
    ],
  });
  const jobs = heldQueue();
  return { account, headers, code, jobs, testEnv: envWith({ JOBS: jobs.queue }) };
}

describe("customer-service replies when WeChat fails", () => {
  it("answers the scan at once, retries -1 and 45011 within the window, and never resends after a timeout", async () => {
    const { account, headers, code, jobs, testEnv } = await replySetup();
    await armFault(account, { path: CUSTOM_SEND, errcode: -1 });
    await armFault(account, { path: CUSTOM_SEND, errcode: 45011 });
    await armFault(account, { path: CUSTOM_SEND, delayMs: CUSTOM_SEND_TIMEOUT_MS + 700 });

    const [scan] = await pushScans(testEnv, account, [{ scene: code.scene }]);
    if (!scan) throw new Error("no delivery");
    expect(scan.attempts).toBe(1);
    expect(scan.ms).toBeLessThan(1500);
    expect(scan.answer).toMatchObject({ kind: "reply", fields: { Content: "welcome" } });
    const [followUp, ...extra] = jobs.take();
    expect(extra).toEqual([]);
    expect(followUp?.body).toMatchObject({ type: "after_scan", accountId: account.id });
    const body = followUp?.body;

    // -1, then 45011: nothing sent, retried soon (the window is one minute).
    expect((await deliver(testEnv, [{ body, attempts: 1 }])).retryDelays).toEqual([2]);
    expect((await deliver(testEnv, [{ body, attempts: 2 }])).retryDelays).toEqual([4]);
    expect(await textsTo(account.id, headers, scan.openid)).toEqual([]);

    // The third try times out and WeChat takes it late: it is not sent again, and the next
    // message waits for the retry so that it cannot overtake the slow one.
    expect((await deliver(testEnv, [{ body, attempts: 3 }])).retryDelays).toEqual([8]);
    await until(async () => (await recordedCalls(account.appId, CUSTOM_SEND)).length === 3);
    expect((await deliver(testEnv, [{ body, attempts: 4 }])).retryMessages).toEqual([]);
    expect((await recordedCalls(account.appId, CUSTOM_SEND)).map((c) => c.errcode)).toEqual([
      -1, 45011, 0, 0,
    ]);

    // A redelivery of the same message (queues deliver at least once) repeats nothing.
    expect((await deliver(testEnv, [{ body, attempts: 1 }])).retryMessages).toEqual([]);
    expect(await textsTo(account.id, headers, scan.openid)).toEqual(["first", "second"]);

    const log = await deliveryLog(account.id, code.id, headers);
    expect(log.map((d) => [d.status, d.attempts])).toEqual([
      ["sent", 1],
      ["failed", 3],
      ["sent", 1],
    ]);
    expect(log[1]).toMatchObject({ errcode: null, sentAt: null });
    expect(log[1]?.reason).toMatch(/did not answer in time.*not sent again/);
  });

  it("fails a message retried past the one-minute window as window closed, without another attempt", async () => {
    const { account, headers, code, jobs, testEnv } = await replySetup();
    await armFault(account, { path: CUSTOM_SEND, errcode: -1 });
    const [scan] = await pushScans(testEnv, account, [{ scene: code.scene }]);
    const body = jobs.take()[0]?.body as { scanId: number };
    expect((await deliver(testEnv, [{ body, attempts: 1 }])).retryDelays).toEqual([2]);

    // The retry comes after the window: the scan is moved two minutes into the past.
    await env.DB.prepare("UPDATE scans SET occurred_at = occurred_at - 120000 WHERE id = ?")
      .bind(body.scanId)
      .run();
    expect((await deliver(testEnv, [{ body, attempts: 2 }])).retryMessages).toEqual([]);

    const log = await deliveryLog(account.id, code.id, headers);
    expect(log.map((d) => [d.status, d.attempts, d.errcode])).toEqual([
      ["sent", 1, null],
      ["failed", 1, null],
      ["failed", 0, null],
    ]);
    expect(log[1]?.reason).toMatch(/window .*had closed/);
    expect(log[2]?.reason).toMatch(/window .*had closed/);
    expect(await recordedCalls(account.appId, CUSTOM_SEND)).toHaveLength(1);
    expect(await textsTo(account.id, headers, scan?.openid ?? "")).toEqual([]);
  });

  it("spaces retries so that the last one the queue allows falls just after the window", async () => {
    const { account, code, jobs, testEnv } = await replySetup();
    await armFault(account, { path: CUSTOM_SEND, errcode: -1, times: 10 });
    // WeChat pushed the scan 40 s ago (the queue was slow to deliver the follow-up).
    const createTime = Math.floor(Date.now() / 1000) - 40;
    await pushScans(testEnv, account, [{ scene: code.scene, createTime }]);
    const body = jobs.take()[0]?.body;
    const [delay] = (await deliver(testEnv, [{ body, attempts: 5 }])).retryDelays;
    expect(delay).toBeGreaterThanOrEqual(20);
    expect(delay).toBeLessThanOrEqual(22);
  });

  it.each([
    [1, 2],
    [2, 4],
    [3, 8],
    [4, 16],
    [5, 31],
  ])(
    "waits 2^n seconds after the %i-th busy answer, never past the window (%i s)",
    (attempts, want) => {
      const closes = 1_000_000 + 60_000;
      expect(customRetryDelaySeconds(attempts, closes, 1_000_000 + 30_000)).toBe(want);
    },
  );
});

describe("customer-service replies when D1 fails", () => {
  const SETTLE = /^update "reply_deliveries" set "status"/;

  it("records a message WeChat accepted when D1 fails once on the way back", async () => {
    const { account, headers, code, jobs, testEnv } = await replySetup();
    const [scan] = await pushScans(testEnv, account, [{ scene: code.scene }]);
    const body = jobs.take()[0]?.body;
    const failing = faultyD1(env.DB, [{ match: SETTLE, times: 1, when: "after" }]);

    const run = await deliver({ ...testEnv, DB: failing.db }, [{ body, attempts: 1 }]);
    expect(failing.fired).toEqual([1]);
    expect(run.retryMessages).toEqual([]);
    expect(await textsTo(account.id, headers, scan?.openid ?? "")).toEqual(["first", "second"]);
    const log = await deliveryLog(account.id, code.id, headers);
    expect(log.map((d) => [d.status, d.attempts])).toEqual([
      ["sent", 1],
      ["sent", 1],
      ["sent", 1],
    ]);
  });

  it("never resends a message whose answer D1 could not record, and sends the rest after the retry", async () => {
    const { account, headers, code, jobs, testEnv } = await replySetup();
    const [scan] = await pushScans(testEnv, account, [{ scene: code.scene }]);
    const body = jobs.take()[0]?.body;
    // Longer than the in-place retries: the handler throws and the queue retries the message.
    const failing = faultyD1(env.DB, [{ match: SETTLE, times: 3 }]);

    const broken = await deliver({ ...testEnv, DB: failing.db }, [{ body, attempts: 1 }]);
    expect(failing.fired).toEqual([3]);
    expect(broken.retryDelays).toEqual([5]);
    expect(await textsTo(account.id, headers, scan?.openid ?? "")).toEqual(["first"]);

    expect((await deliver(testEnv, [{ body, attempts: 2 }])).retryMessages).toEqual([]);
    expect(await textsTo(account.id, headers, scan?.openid ?? "")).toEqual(["first", "second"]);
    const log = await deliveryLog(account.id, code.id, headers);
    expect(log.map((d) => [d.status, d.attempts])).toEqual([
      ["sent", 1],
      ["failed", 1],
      ["sent", 1],
    ]);
    expect(log[1]?.reason).toMatch(/never recorded.*not sent again/);
  });
});
