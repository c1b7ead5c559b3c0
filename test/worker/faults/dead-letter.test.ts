import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { deadLetters } from "../../../src/db/schema";
import { retryDelaySeconds } from "../../../src/jobs/consumer";
import { call, jsonInit } from "../helpers";
import { createCode, sandboxMessages, sandboxSetup } from "../replies/helpers";
import { faultyD1 } from "./faulty-d1";
import {
  db,
  deliver,
  envWith,
  heldQueue,
  pendingFanTags,
  pushScans,
  runTagAlarmNow,
  sandboxFanTags,
} from "./harness";

/** wrangler.toml: the jobs queue's max_retries; the platform dead-letters after that many. */
const MAX_RETRIES = 5;

describe("a queue message whose handler keeps throwing", () => {
  it("is retried with growing delays, recorded as a dead letter, and completes when delivered again", async () => {
    const { account, headers } = await sandboxSetup();
    const tagRes = await call(
      `/api/accounts/${account.id}/fan-tags`,
      jsonInit("POST", { name: "死信" }, headers),
    );
    const { tag } = (await tagRes.json()) as { tag: { id: number } };
    const code = await createCode(account.id, headers, {
      fanTagIds: [tag.id],
      reply: [
        { type: "text", content: "passive" },
        { type: "text", content: "custom" },
      ],
    });
    const jobs = heldQueue();
    const [scan] = await pushScans(envWith({ JOBS: jobs.queue }), account, [{ scene: code.scene }]);
    const body = jobs.take()[0]?.body as { scanId: number };

    // D1 is down for the whole retry budget: every statement fails.
    const down = faultyD1(env.DB, [{ match: /./, times: 10_000 }]);
    const delays: (number | undefined)[] = [];
    for (let attempts = 1; attempts <= MAX_RETRIES + 1; attempts++) {
      const run = await deliver(envWith({ DB: down.db }), [{ body, attempts }]);
      expect(run.explicitAcks).toEqual([]);
      delays.push(...run.retryDelays);
    }
    expect(delays).toEqual([5, 10, 20, 40, 80, 160]);
    expect(delays).toEqual([1, 2, 3, 4, 5, 6].map(retryDelaySeconds));

    // The platform then moves it to the dead-letter queue, whose consumer records it.
    const dlq = await deliver(env, [{ body, attempts: MAX_RETRIES + 1 }], "wechat-qr-jobs-dlq");
    expect(dlq.explicitAcks).toHaveLength(1);
    const recorded = await db
      .select()
      .from(deadLetters)
      .where(eq(deadLetters.accountId, account.id));
    expect(recorded).toEqual([
      expect.objectContaining({ queue: "wechat-qr-jobs-dlq", body, status: "open" }),
    ]);

    // Delivered again once D1 is back, minutes later: the tag still applies, and the message
    // whose minute is over is logged as such rather than left pending.
    await env.DB.prepare("UPDATE scans SET occurred_at = occurred_at - 600000 WHERE id = ?")
      .bind(body.scanId)
      .run();
    expect((await deliver(env, [{ body, attempts: 1 }])).retryMessages).toEqual([]);
    await runTagAlarmNow(account.id);
    expect(await pendingFanTags(account.id)).toEqual([]);
    expect(await sandboxFanTags(account.appId, scan?.openid ?? "")).toEqual([tag.id]);
    expect(await sandboxMessages(account.id, headers)).toEqual([]);
    const pending = await env.DB.prepare(
      "SELECT status, error_message FROM reply_deliveries WHERE scan_id = ? AND channel = 'custom'",
    )
      .bind(body.scanId)
      .all<{ status: string; error_message: string }>();
    expect(pending.results).toEqual([
      { status: "failed", error_message: expect.stringMatching(/window/) },
    ]);
  });
});
