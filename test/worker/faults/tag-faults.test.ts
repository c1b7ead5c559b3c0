import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  contactEvents,
  contactMemberTags,
  contacts,
  fans,
  fanTagFailures,
} from "../../../src/db/schema";
import { getAccountStub } from "../../../src/durable/account-do";
import {
  MAX_TAG_ATTEMPTS,
  nextTagTry,
  runFanTagAlarm,
  TAG_CALL_TIMEOUT_MS,
} from "../../../src/tags/apply-fan-tags";
import { call, jsonInit } from "../helpers";
import { createCode, type Headers, sandboxSetup } from "../replies/helpers";
import { faultyD1 } from "./faulty-d1";
import {
  armFault,
  db,
  deliver,
  envWith,
  heldQueue,
  pendingFanTags,
  pushScans,
  recordedCalls,
  runTagAlarmNow,
  sandboxFanTags,
  until,
} from "./harness";

const TAGGING = "/cgi-bin/tags/members/batchtagging";

async function createTag(accountId: string, headers: Headers, name: string) {
  const res = await call(
    `/api/accounts/${accountId}/fan-tags`,
    jsonInit("POST", { name }, headers),
  );
  if (res.status !== 201) throw new Error(`tag create failed: ${res.status}`);
  return ((await res.json()) as { tag: { id: number } }).tag;
}

/** A code with one fan tag, scanned by `scanners` new fans through the webhook; the follow-ups delivered. */
async function scannedCode(scanners: number) {
  const { account, headers } = await sandboxSetup();
  const tag = await createTag(account.id, headers, `展会${crypto.randomUUID().slice(0, 4)}`);
  const code = await createCode(account.id, headers, { fanTagIds: [tag.id] });
  const jobs = heldQueue();
  const testEnv = envWith({ JOBS: jobs.queue });
  return {
    account,
    tag,
    testEnv,
    async scan() {
      const scans = Array.from({ length: scanners }, () => ({ scene: code.scene }));
      const deliveries = await pushScans(testEnv, account, scans);
      const messages = jobs.take().map((m) => ({ body: m.body, attempts: 1 }));
      expect(messages).toHaveLength(scanners);
      expect((await deliver(testEnv, messages)).retryMessages).toEqual([]);
      return deliveries;
    },
  };
}

function openidLists(calls: Awaited<ReturnType<typeof recordedCalls>>) {
  return calls.map((c) => [...(c.body as { openid_list: string[] }).openid_list].sort());
}

describe("fan tags when WeChat fails", () => {
  it("answers every scan at once and tags each fan once after -1, 45011 and a timeout", async () => {
    const { account, tag, scan } = await scannedCode(3);
    await armFault(account, { path: TAGGING, errcode: -1 });
    await armFault(account, { path: TAGGING, errcode: 45011 });
    await armFault(account, { path: TAGGING, delayMs: TAG_CALL_TIMEOUT_MS + 700 });

    const deliveries = await scan();
    for (const d of deliveries) {
      expect(d).toMatchObject({ attempts: 1, answer: { kind: "success" } });
      expect(d.ms).toBeLessThan(1500);
    }
    const openids = deliveries.map((d) => d.openid).sort();
    expect(await pendingFanTags(account.id)).toHaveLength(3);

    // -1: tried again after 5 s.
    let started = Date.now();
    await runTagAlarmNow(account.id);
    let pending = await pendingFanTags(account.id);
    expect(pending.map((p) => p.attempts)).toEqual([1, 1, 1]);
    expect(Math.min(...pending.map((p) => p.not_before))).toBeGreaterThanOrEqual(started + 5000);

    // 45011, the per-minute quota: not before the minute is over.
    started = Date.now();
    await runTagAlarmNow(account.id);
    pending = await pendingFanTags(account.id);
    expect(pending.map((p) => p.attempts)).toEqual([2, 2, 2]);
    expect(Math.min(...pending.map((p) => p.not_before))).toBeGreaterThanOrEqual(started + 60_000);

    // A timeout: WeChat applies the tags late; the product cannot know and tries again.
    await runTagAlarmNow(account.id);
    expect((await pendingFanTags(account.id)).map((p) => p.attempts)).toEqual([3, 3, 3]);
    await until(async () => (await recordedCalls(account.appId, TAGGING)).length === 3);

    await runTagAlarmNow(account.id);
    expect(await pendingFanTags(account.id)).toEqual([]);
    const calls = await recordedCalls(account.appId, TAGGING);
    expect(calls.map((c) => c.errcode)).toEqual([-1, 45011, 0, 0]);
    // One call carried all three fans each time: nothing split, nothing lost.
    expect(openidLists(calls)).toEqual([openids, openids, openids, openids]);
    for (const openid of openids)
      expect(await sandboxFanTags(account.appId, openid)).toEqual([tag.id]);
    const known = await db.select().from(fans).where(inArray(fans.openid, openids));
    expect(known.map((f) => f.wechatTagIds)).toEqual([[tag.id], [tag.id], [tag.id]]);
    expect(
      await db.select().from(fanTagFailures).where(eq(fanTagFailures.accountId, account.id)),
    ).toEqual([]);
  });

  it("sends nothing more when the follow-up is delivered again after the tags were applied", async () => {
    const { account, testEnv, scan } = await scannedCode(1);
    const [d] = await scan();
    await runTagAlarmNow(account.id);
    expect(await recordedCalls(account.appId, TAGGING)).toHaveLength(1);

    const scanId = (
      await env.DB.prepare("SELECT id FROM scans WHERE account_id = ?").bind(account.id).first<{
        id: number;
      }>()
    )?.id;
    const again = { type: "after_scan", accountId: account.id, scanId };
    expect((await deliver(testEnv, [{ body: again, attempts: 1 }])).retryMessages).toEqual([]);
    await runTagAlarmNow(account.id);
    expect(await pendingFanTags(account.id)).toEqual([]);
    expect(await recordedCalls(account.appId, TAGGING)).toHaveLength(1);
    expect(await sandboxFanTags(account.appId, d?.openid ?? "")).toHaveLength(1);
  });

  it("keeps trying a busy WeChat well past four tries, then applies the tag", async () => {
    const { account, tag, scan } = await scannedCode(1);
    await armFault(account, { path: TAGGING, errcode: -1, times: 6 });
    const [d] = await scan();
    for (let i = 0; i < 6; i++) await runTagAlarmNow(account.id);
    expect((await pendingFanTags(account.id)).map((p) => p.attempts)).toEqual([6]);

    await runTagAlarmNow(account.id);
    expect(await pendingFanTags(account.id)).toEqual([]);
    expect(await sandboxFanTags(account.appId, d?.openid ?? "")).toEqual([tag.id]);
  });

  it("reports the tag as failed once WeChat stayed busy for every try", async () => {
    const { account, tag, scan } = await scannedCode(1);
    await armFault(account, { path: TAGGING, errcode: -1, times: MAX_TAG_ATTEMPTS });
    await scan();
    for (let i = 0; i < MAX_TAG_ATTEMPTS; i++) await runTagAlarmNow(account.id);
    expect(await pendingFanTags(account.id)).toEqual([]);
    const failures = await db
      .select()
      .from(fanTagFailures)
      .where(eq(fanTagFailures.accountId, account.id));
    expect(failures).toEqual([expect.objectContaining({ wechatTagId: tag.id, errcode: -1 })]);
    expect(await recordedCalls(account.appId, TAGGING)).toHaveLength(MAX_TAG_ATTEMPTS);
  });

  it.each([
    [0, -1, 5_000],
    [1, -1, 20_000],
    [2, 45011, 80_000],
    [0, 45011, 60_000],
    [6, -1, 30 * 60_000],
  ])("tries again after %i busy answers (errcode %i) in %i ms", (attempts, errcode, wait) => {
    expect(nextTagTry(attempts, errcode, 1_000)).toBe(1_000 + wait);
  });
});

describe("fan tags when D1 fails in the alarm", () => {
  const SAVE = /^update "fans" set "wechat_tag_ids"/;

  async function alarmWithDb(accountId: string, d1: D1Database) {
    const stub = getAccountStub(env, accountId);
    return runInDurableObject(stub, async (_, state) => {
      await runFanTagAlarm(state.storage, envWith({ DB: d1 }));
      return state.storage.getAlarm();
    });
  }

  it("saves the outcome when D1 fails once, with one call to WeChat", async () => {
    const { account, tag, scan } = await scannedCode(2);
    const deliveries = await scan();
    const failing = faultyD1(env.DB, [{ match: SAVE, times: 1 }]);
    await alarmWithDb(account.id, failing.db);
    expect(failing.fired).toEqual([1]);
    expect(await pendingFanTags(account.id)).toEqual([]);
    expect(await recordedCalls(account.appId, TAGGING)).toHaveLength(1);
    const openids = deliveries.map((d) => d.openid);
    const known = await db.select().from(fans).where(inArray(fans.openid, openids));
    expect(known.map((f) => f.wechatTagIds)).toEqual([[tag.id], [tag.id]]);
  });

  it("keeps the tags pending and the alarm set when D1 stays down, then applies them", async () => {
    const { account, tag, scan } = await scannedCode(2);
    const deliveries = await scan();
    const failing = faultyD1(env.DB, [{ match: SAVE, times: 5 }]);
    const before = Date.now();
    const alarm = await alarmWithDb(account.id, failing.db);
    expect(failing.fired).toEqual([3]);
    expect(alarm).toBeGreaterThanOrEqual(before + 25_000);
    // Not counted as a busy WeChat: the tags are simply still to do.
    expect((await pendingFanTags(account.id)).map((p) => p.attempts)).toEqual([0, 0]);

    await runTagAlarmNow(account.id);
    expect(await pendingFanTags(account.id)).toEqual([]);
    // batchtagging only adds: the repeat after the lost save leaves one tag per fan.
    expect((await recordedCalls(account.appId, TAGGING)).map((c) => c.errcode)).toEqual([0, 0]);
    for (const d of deliveries)
      expect(await sandboxFanTags(account.appId, d.openid)).toEqual([tag.id]);
  });
});

describe("member tags on a follow-up delivered more than once", () => {
  it("tags the fan's contact once and records one tagged event", async () => {
    const { account, headers } = await sandboxSetup();
    const res = await call(
      "/api/member-tags",
      jsonInit("POST", { name: `VIP-${crypto.randomUUID().slice(0, 6)}` }, headers),
    );
    const { tag } = (await res.json()) as { tag: { id: string } };
    const code = await createCode(account.id, headers, { memberTagIds: [tag.id] });
    const jobs = heldQueue();
    const testEnv = envWith({ JOBS: jobs.queue });
    const [first] = await pushScans(testEnv, account, [{ scene: "warmup" }]);
    const contactId = `ct_${crypto.randomUUID().slice(0, 8)}`;
    const now = Date.now();
    await db
      .insert(contacts)
      .values({ id: contactId, name: "李雷", createdAt: now, updatedAt: now });
    await db
      .update(fans)
      .set({ contactId })
      .where(eq(fans.openid, first?.openid ?? ""));
    jobs.take();

    await pushScans(testEnv, account, [{ openid: first?.openid, scene: code.scene }]);
    const body = jobs.take()[0]?.body;
    for (const attempts of [1, 2, 1]) await deliver(testEnv, [{ body, attempts }]);

    const tagged = await db
      .select()
      .from(contactMemberTags)
      .where(eq(contactMemberTags.contactId, contactId));
    expect(tagged.map((t) => t.memberTagId)).toEqual([tag.id]);
    const events = await db
      .select()
      .from(contactEvents)
      .where(eq(contactEvents.contactId, contactId));
    expect(events.filter((e) => e.kind === "tagged")).toHaveLength(1);
  });
});
