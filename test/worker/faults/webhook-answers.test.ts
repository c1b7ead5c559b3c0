import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getAccountStub } from "../../../src/durable/account-do";
import { PASSIVE_MEDIA_BUDGET_MS } from "../../../src/scans/passive-outcome";
import { call } from "../helpers";
import {
  createCode,
  SAMPLE_FILES,
  sandboxMessages,
  sandboxSetup,
  uploadMedia,
} from "../replies/helpers";
import { armFault, deliver, envWith, heldQueue, pushScans } from "./harness";

const UPLOAD = "/cgi-bin/media/upload";
/** Under WeChat's 5 s, with room for the network between WeChat and the Worker. */
const ANSWER_WITHIN_MS = 4000;

async function imageFirstCode() {
  const { account, headers } = await sandboxSetup();
  const image = await uploadMedia(account.id, headers, SAMPLE_FILES.png, "海报.png");
  const code = await createCode(account.id, headers, {
    reply: [
      { type: "image", mediaId: image.id },
      { type: "text", content: "then this" },
    ],
  });
  const jobs = heldQueue();
  return { account, headers, code, jobs, testEnv: envWith({ JOBS: jobs.queue }) };
}

async function deliveryLog(accountId: string, codeId: string, headers: Record<string, string>) {
  const res = await call(`/api/accounts/${accountId}/qrcodes/${codeId}/deliveries`, { headers });
  const { deliveries } = (await res.json()) as {
    deliveries: { position: number; channel: string; status: string }[];
  };
  return deliveries.sort((a, b) => a.position - b.position);
}

async function scanCount(accountId: string): Promise<number> {
  const row = await env.DB.prepare("SELECT count(*) AS n FROM scans WHERE account_id = ?")
    .bind(accountId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

describe("the webhook answer when WeChat is slow or busy", () => {
  it.each([
    ["slow", { delayMs: PASSIVE_MEDIA_BUDGET_MS + 2000 }],
    ["busy (-1)", { errcode: -1 }],
    ["over its minute quota (45011)", { errcode: 45011 }],
  ])(
    "answers success in time when the passive image's upload is %s, then sends it by customer-service",
    async (_, fault) => {
      const { account, headers, code, jobs, testEnv } = await imageFirstCode();
      await armFault(account, { path: UPLOAD, ...fault });

      const [scan] = await pushScans(testEnv, account, [{ scene: code.scene }]);
      expect(scan).toMatchObject({ attempts: 1, answer: { kind: "success" } });
      expect(scan?.ms).toBeLessThan(ANSWER_WITHIN_MS);
      expect(await scanCount(account.id)).toBe(1);

      const [followUp] = jobs.take();
      expect(
        (await deliver(testEnv, [{ body: followUp?.body, attempts: 1 }])).retryMessages,
      ).toEqual([]);
      const sent = (await sandboxMessages(account.id, headers)).map((m) => m.body.msgtype);
      expect(sent).toEqual(["image", "text"]);
    },
  );

  it("answers in time when the access token must first be fetched from a slow WeChat", async () => {
    const { account, headers, code, jobs, testEnv } = await imageFirstCode();
    // No token cached (as after a deploy or a changed AppSecret): the upload needs one first.
    await getAccountStub(env, account.id).forgetAccessToken();
    await armFault(account, { path: "/cgi-bin/stable_token", delayMs: 6000 });

    const [scan] = await pushScans(testEnv, account, [{ scene: code.scene }]);
    expect(scan).toMatchObject({ attempts: 1, answer: { kind: "success" } });
    expect(scan?.ms).toBeLessThan(ANSWER_WITHIN_MS);

    const [followUp] = jobs.take();
    await deliver(testEnv, [{ body: followUp?.body, attempts: 1 }]);
    const sent = (await sandboxMessages(account.id, headers)).map((m) => m.body.msgtype);
    expect(sent).toEqual(["image", "text"]);
  });

  it("queues the follow-up again when WeChat pushes a scan whose first answer failed", async () => {
    const { account, headers, code } = await imageFirstCode();
    const jobs = heldQueue(1);
    const testEnv = envWith({ JOBS: jobs.queue });
    const push = { kind: "subscribe" as const, createTime: Math.floor(Date.now() / 1000) };

    // The scan is recorded, then queueing its follow-up fails: the answer is an error.
    const [failed] = await pushScans(testEnv, account, [{ ...push, scene: code.scene }]);
    expect(failed?.answer).toMatchObject({ kind: "http_error", status: 500 });
    expect(jobs.take()).toEqual([]);

    // WeChat pushes the same event again: still one scan, answered with the passive image,
    // and now its follow-up is queued.
    const [retried] = await pushScans(testEnv, account, [
      { ...push, openid: failed?.openid, scene: code.scene },
    ]);
    expect(retried?.answer).toMatchObject({ kind: "reply", msgType: "image" });
    expect(await scanCount(account.id)).toBe(1);
    const [followUp, ...more] = jobs.take();
    expect(more).toEqual([]);
    await deliver(testEnv, [{ body: followUp?.body, attempts: 1 }]);
    const sent = (await sandboxMessages(account.id, headers)).map((m) => m.body.msgtype);
    expect(sent).toEqual(["text"]);
    const log = await deliveryLog(account.id, code.id, headers);
    expect(log.map((d) => [d.position, d.channel, d.status])).toEqual([
      [0, "passive", "sent"],
      [1, "custom", "sent"],
    ]);
  });
});
