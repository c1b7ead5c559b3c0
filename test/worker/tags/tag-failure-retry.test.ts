import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../../src/db/client";
import { auditLog, fans, fanTagFailures, sandboxFans } from "../../../src/db/schema";
import { createUserWithToken } from "../factories/users";
import { recordedCalls, runTagAlarmNow, sandboxFanTags } from "../faults/harness";
import { call, jsonInit } from "../helpers";
import { createCode, eventually, type Headers, sandboxSetup, simulate } from "../replies/helpers";

const db = getDb(env.DB);
const TAGGING = "/cgi-bin/tags/members/batchtagging";

type Failure = { id: string; fanId: string; openid: string; erased: boolean; tagId: number };
type Account = Awaited<ReturnType<typeof sandboxSetup>>["account"];

async function createTag(accountId: string, headers: Headers, name: string) {
  const res = await call(
    `/api/accounts/${accountId}/fan-tags`,
    jsonInit("POST", { name }, headers),
  );
  if (res.status !== 201) throw new Error(`tag create failed: ${res.status}`);
  return ((await res.json()) as { tag: { id: number } }).tag.id;
}

async function setSandboxTags(account: Account, openid: string, tagIds: number[]) {
  await db
    .update(sandboxFans)
    .set({ tagIds })
    .where(and(eq(sandboxFans.appId, account.appId), eq(sandboxFans.openid, openid)));
}

async function listFailures(accountId: string, codeId: string, headers: Headers) {
  const res = await call(`/api/accounts/${accountId}/qrcodes/${codeId}/tag-failures`, {
    headers,
  });
  return ((await res.json()) as { failures: Failure[] }).failures;
}

function retry(accountId: string, codeId: string, headers: Headers, body?: unknown) {
  const path = `/api/accounts/${accountId}/qrcodes/${codeId}/tag-failures/retry`;
  return call(
    path,
    body === undefined ? { method: "POST", headers } : jsonInit("POST", body, headers),
  );
}

/** Taggings of one fan with one tag that reached the sandbox. */
async function taggingsOf(account: Account, openid: string, tagId: number) {
  const calls = await recordedCalls(account.appId, TAGGING);
  return calls.filter((c) => {
    const body = c.body as { tagid: number; openid_list: string[] };
    return body.tagid === tagId && body.openid_list.includes(openid);
  }).length;
}

/** `fanCount` fans already at WeChat's 20 tags scan a code that adds one more tag. */
async function fansAtTheLimit(fanCount: number) {
  const { account, headers } = await sandboxSetup();
  const tags: number[] = [];
  for (let i = 0; i < 21; i++) tags.push(await createTag(account.id, headers, `标签${i}`));
  const extra = tags[20] ?? 0;
  const full = tags.slice(0, 20);
  const code = await createCode(account.id, headers, { fanTagIds: [extra] });
  const warm = await simulate(
    account.id,
    headers,
    Array.from({ length: fanCount }, () => ({ scene: "warmup" })),
  );
  const openids = warm.map((d) => d.openid);
  for (const openid of openids) await setSandboxTags(account, openid, full);
  await simulate(
    account.id,
    headers,
    openids.map((openid) => ({ openid, scene: code.scene })),
  );
  const failures = await eventually(async () => {
    const listed = await listFailures(account.id, code.id, headers);
    return listed.length === fanCount && listed;
  });
  return { account, headers, code, extra, full, openids, failures };
}

describe("POST /api/accounts/{accountId}/qrcodes/{id}/tag-failures/retry", () => {
  it("applies a tag once after the fan made room, and removes the failure row", async () => {
    const { account, headers, code, extra, full, openids, failures } = await fansAtTheLimit(1);
    const [openid = ""] = openids;
    expect(failures).toEqual([expect.objectContaining({ openid, tagId: extra, erased: false })]);
    const refused = await taggingsOf(account, openid, extra);
    // The operator removed a tag outside the product; the product still counts 20.
    await setSandboxTags(account, openid, full.slice(1));

    const res = await retry(account.id, code.id, headers);
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ requeued: 1, skipped: 0 });
    expect(await listFailures(account.id, code.id, headers)).toEqual([]);

    await runTagAlarmNow(account.id);
    await eventually(async () => (await sandboxFanTags(account.appId, openid)).includes(extra));
    // The retry's one call applied it, and nothing tags it again.
    expect(await taggingsOf(account, openid, extra)).toBe(refused + 1);
    await runTagAlarmNow(account.id);
    expect(await taggingsOf(account, openid, extra)).toBe(refused + 1);
    expect(await listFailures(account.id, code.id, headers)).toEqual([]);
    const [fan] = await db.select().from(fans).where(eq(fans.openid, openid));
    expect(fan?.wechatTagIds).toContain(extra);
  });

  it("lists a fan that fails again once, with a new row", async () => {
    const { account, headers, code, failures } = await fansAtTheLimit(1);
    const [before] = failures;

    const res = await retry(account.id, code.id, headers, { failureIds: [before?.id] });
    expect(await res.json()).toEqual({ requeued: 1, skipped: 0 });
    await runTagAlarmNow(account.id);

    const again = await eventually(async () => {
      const listed = await listFailures(account.id, code.id, headers);
      return listed.length > 0 && listed;
    });
    expect(again).toHaveLength(1);
    expect(again[0]?.id).not.toBe(before?.id);
    expect(again[0]).toMatchObject({ fanId: before?.fanId, tagId: before?.tagId });
  });

  it("skips an erased fan, keeps its row and says so", async () => {
    const { account, headers, code, full, openids, failures } = await fansAtTheLimit(2);
    const [kept, erased] = failures;
    if (!kept || !erased) throw new Error("two failures expected");
    const erasedRes = await call(`/api/accounts/${account.id}/fans/${erased.fanId}/erase`, {
      method: "POST",
      headers,
    });
    expect(erasedRes.status).toBe(200);
    for (const openid of openids) await setSandboxTags(account, openid, full.slice(1));

    const res = await retry(account.id, code.id, headers);
    expect(await res.json()).toEqual({ requeued: 1, skipped: 1 });
    const listed = await listFailures(account.id, code.id, headers);
    expect(listed).toEqual([expect.objectContaining({ id: erased.id, erased: true, openid: "" })]);

    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "fan_tag.retry"), eq(auditLog.entityId, code.id)));
    expect(entry?.after).toMatchObject({ requeued: 1, skipped: 1 });
    for (const openid of openids) expect(JSON.stringify(entry)).not.toContain(openid);
  });

  it("ignores failure ids of another code", async () => {
    const { account, headers, failures } = await fansAtTheLimit(1);
    const other = await createCode(account.id, headers, {});
    const res = await retry(account.id, other.id, headers, { failureIds: [failures[0]?.id] });
    expect(await res.json()).toEqual({ requeued: 0, skipped: 0 });
    expect(
      await db.select().from(fanTagFailures).where(eq(fanTagFailures.accountId, account.id)),
    ).toHaveLength(1);
  });

  it("answers 403 to a viewer and changes nothing", async () => {
    const { account, headers } = await sandboxSetup();
    const code = await createCode(account.id, headers, {});
    const viewer = await createUserWithToken("viewer", { accountIds: [account.id] });
    expect((await retry(account.id, code.id, viewer.headers)).status).toBe(403);
  });

  it("answers 404 for a code of another account", async () => {
    const a = await sandboxSetup();
    const b = await sandboxSetup();
    const code = await createCode(b.account.id, b.headers, {});
    const res = await retry(a.account.id, code.id, a.headers);
    expect(res.status).toBe(404);
  });

  it("answers 400 to an empty list of failure ids", async () => {
    const { account, headers } = await sandboxSetup();
    const code = await createCode(account.id, headers, {});
    expect((await retry(account.id, code.id, headers, { failureIds: [] })).status).toBe(400);
  });
});
