import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../../src/db/client";
import { fanTagFailures, sandboxCalls, sandboxFans } from "../../../src/db/schema";
import { getAccountStub } from "../../../src/durable/account-do";
import { call, jsonInit } from "../helpers";
import { createCode, eventually, sandboxSetup, simulate } from "../replies/helpers";

const db = getDb(env.DB);

async function createTag(accountId: string, headers: Record<string, string>, name: string) {
  const res = await call(
    `/api/accounts/${accountId}/fan-tags`,
    jsonInit("POST", { name }, headers),
  );
  if (res.status !== 201) throw new Error(`tag create failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { tag: { id: number; name: string } }).tag;
}

async function calls(appId: string, path: string) {
  return db
    .select()
    .from(sandboxCalls)
    .where(and(eq(sandboxCalls.appId, appId), eq(sandboxCalls.path, path)));
}

async function sandboxFanTags(appId: string, openid: string): Promise<number[]> {
  const [fan] = await db
    .select()
    .from(sandboxFans)
    .where(and(eq(sandboxFans.appId, appId), eq(sandboxFans.openid, openid)));
  return fan?.tagIds ?? [];
}

async function pendingInObject(accountId: string): Promise<number> {
  return runInDurableObject(getAccountStub(env, accountId), async (_, state) => {
    const exists = state.storage.sql
      .exec("SELECT count(*) AS n FROM sqlite_master WHERE name = 'pending_fan_tags'")
      .one().n;
    return exists
      ? Number(state.storage.sql.exec("SELECT count(*) AS n FROM pending_fan_tags").one().n)
      : 0;
  });
}

describe("fan tags applied after a scan", () => {
  it("reach the sandbox for every scanner, at most 50 openids a call", async () => {
    const { account, headers } = await sandboxSetup();
    const [a, b] = [
      await createTag(account.id, headers, "展会"),
      await createTag(account.id, headers, "张经理"),
    ];
    const code = await createCode(account.id, headers, { fanTagIds: [a.id, b.id] });
    const deliveries = await simulate(
      account.id,
      headers,
      Array.from({ length: 70 }, () => ({ scene: code.scene })),
    );
    const openids = deliveries.map((d) => d.openid);

    await eventually(async () => {
      for (const openid of openids) {
        const tags = await sandboxFanTags(account.appId, openid);
        if (!tags.includes(a.id) || !tags.includes(b.id)) return false;
      }
      return true;
    });
    const tagging = await calls(account.appId, "/cgi-bin/tags/members/batchtagging");
    const sizes = tagging.map(
      (c) => ((c.body as { openid_list: string[] }).openid_list ?? []).length,
    );
    expect(Math.max(...sizes)).toBeLessThanOrEqual(50);
    expect(sizes.reduce((s, n) => s + n, 0)).toBe(140);
    // Gathered, not one call per fan and tag.
    expect(tagging.length).toBeLessThan(20);
    expect(await pendingInObject(account.id)).toBe(0);
  });

  it("reports a fan who already has 20 tags once and does not retry", async () => {
    const { account, headers } = await sandboxSetup();
    const tags = [];
    for (let i = 0; i < 21; i++) tags.push(await createTag(account.id, headers, `标签${i}`));
    const extra = tags[20];
    if (!extra) throw new Error("no tag");
    const code = await createCode(account.id, headers, { fanTagIds: [extra.id] });
    const [full, other] = await simulate(account.id, headers, [
      { scene: "warmup" },
      { scene: "warmup" },
    ]);
    if (!full || !other) throw new Error("no fans");
    // The fan got 20 tags outside the product.
    await db
      .update(sandboxFans)
      .set({ tagIds: tags.slice(0, 20).map((t) => t.id) })
      .where(and(eq(sandboxFans.appId, account.appId), eq(sandboxFans.openid, full.openid)));

    await simulate(account.id, headers, [
      { openid: full.openid, scene: code.scene },
      { openid: other.openid, scene: code.scene },
    ]);
    const failures = await eventually(async () => {
      const rows = await db
        .select()
        .from(fanTagFailures)
        .where(eq(fanTagFailures.qrcodeId, code.id));
      return rows.length > 0 && rows;
    });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ wechatTagId: extra.id, errcode: 45059 });
    expect(failures[0]?.reason).toMatch(/20 tags/);
    expect(await sandboxFanTags(account.appId, other.openid)).toContain(extra.id);

    await new Promise((r) => setTimeout(r, 2500));
    expect(await pendingInObject(account.id)).toBe(0);
    const tagging = await calls(account.appId, "/cgi-bin/tags/members/batchtagging");
    // One batch refused with 45059, then one call for the fan who had room: nothing more.
    expect(tagging.length).toBeLessThanOrEqual(2);
    const res = await call(`/api/accounts/${account.id}/qrcodes/${code.id}/tag-failures`, {
      headers,
    });
    const body = (await res.json()) as { failures: { openid: string; errcode: number }[] };
    expect(body.failures).toEqual([
      expect.objectContaining({ openid: full.openid, errcode: 45059 }),
    ]);
  });

  it("re-reads the tag list after a 45159 and retries once", async () => {
    const { account, headers } = await sandboxSetup();
    const tag = await createTag(account.id, headers, "重试");
    const code = await createCode(account.id, headers, { fanTagIds: [tag.id] });
    await call(
      `/api/accounts/${account.id}/sandbox/faults`,
      jsonInit(
        "POST",
        { path: "/cgi-bin/tags/members/batchtagging", errcode: 45159, times: 1 },
        headers,
      ),
    );
    const [d] = await simulate(account.id, headers, [{ scene: code.scene }]);
    await eventually(async () =>
      (await sandboxFanTags(account.appId, d?.openid ?? "")).includes(tag.id),
    );
    expect((await calls(account.appId, "/cgi-bin/tags/get")).length).toBeGreaterThanOrEqual(1);
    expect(
      await db.select().from(fanTagFailures).where(eq(fanTagFailures.qrcodeId, code.id)),
    ).toEqual([]);
  });
});

describe("fan tag routes", () => {
  it("creates a tag on WeChat, lists it, and syncs the list", async () => {
    const { account, headers } = await sandboxSetup();
    const tag = await createTag(account.id, headers, "上海门店");
    const synced = await call(`/api/accounts/${account.id}/fan-tags/sync`, {
      method: "POST",
      headers,
    });
    expect(synced.status).toBe(200);
    const list = await call(`/api/accounts/${account.id}/fan-tags`, { headers });
    const { tags } = (await list.json()) as { tags: { id: number; name: string }[] };
    expect(tags.map((t) => t.name)).toEqual(expect.arrayContaining(["上海门店", "星标组"]));
    expect(tags.find((t) => t.name === "上海门店")?.id).toBe(tag.id);
  });

  it.each([
    ["a name over 30 bytes", "一二三四五六七八九十一", 400],
    ["an empty name", "  ", 400],
  ])("refuses %s", async (_, name, status) => {
    const { account, headers } = await sandboxSetup();
    const res = await call(
      `/api/accounts/${account.id}/fan-tags`,
      jsonInit("POST", { name }, headers),
    );
    expect(res.status).toBe(status);
  });

  it("answers 409 when WeChat already has the name (45157)", async () => {
    const { account, headers } = await sandboxSetup();
    await createTag(account.id, headers, "重复");
    const res = await call(
      `/api/accounts/${account.id}/fan-tags`,
      jsonInit("POST", { name: "重复" }, headers),
    );
    expect(res.status).toBe(409);
  });
});
