import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sandboxTags } from "../../../src/db/schema";
import { getWechatClient } from "../../../src/wechat/client";
import { createTestAccount } from "../factories/wechat-accounts";
import { db, followers, rawCall, recordedCalls } from "./helpers";

describe("sandbox fan tags through the client", () => {
  it("creates, lists with counts, renames, tags, untags and deletes", async () => {
    const { account } = await createTestAccount();
    const client = getWechatClient(env, account);
    const [a, b] = await followers(account, 2);
    if (!a || !b) throw new Error("no fans");

    const made = await client.createTag("门店A");
    if (!made.ok) throw new Error(made.error.explanation);
    expect(made.value.id).toBeGreaterThanOrEqual(100);
    expect((await client.tagFans(made.value.id, [a, b])).ok).toBe(true);
    expect(await client.getFanTagIds(a)).toEqual({ ok: true, value: [made.value.id] });
    expect((await client.updateTag(made.value.id, "门店B")).ok).toBe(true);
    expect(await client.getTags()).toMatchObject({
      ok: true,
      value: [
        { id: 2, name: "星标组" },
        { id: made.value.id, name: "门店B", count: 2 },
      ],
    });

    expect((await client.untagFans(made.value.id, [a])).ok).toBe(true);
    expect(await client.getFanTagIds(a)).toEqual({ ok: true, value: [] });
    expect((await client.deleteTag(made.value.id)).ok).toBe(true);
    expect(await client.getFanTagIds(b)).toEqual({ ok: true, value: [] });
  });

  it.each([
    ["a duplicate name", "dup", 45157],
    ["a name over 30 bytes (11 Chinese characters)", "一二三四五六七八九十一", 45158],
  ])("refuses %s", async (_, name, errcode) => {
    const { account } = await createTestAccount();
    const client = getWechatClient(env, account);
    await client.createTag("dup");
    expect(await client.createTag(name)).toMatchObject({ ok: false, error: { errcode } });
  });

  it("refuses the 101st tag with 45056", async () => {
    const { account } = await createTestAccount();
    const now = Date.now();
    const rows = Array.from({ length: 100 }, (_, i) => ({
      appId: account.appId,
      id: 100 + i,
      name: `t${i}`,
      createdAt: now,
    }));
    for (let i = 0; i < rows.length; i += 20)
      await db.insert(sandboxTags).values(rows.slice(i, i + 20));
    expect(await getWechatClient(env, account).createTag("one more")).toMatchObject({
      ok: false,
      error: { errcode: 45056 },
    });
  });

  it("refuses a 21st tag on a fan with 45059 and changes nothing", async () => {
    const { account } = await createTestAccount();
    const client = getWechatClient(env, account);
    const [fan] = await followers(account, 1);
    if (!fan) throw new Error("no fan");
    for (let i = 0; i < 20; i++) {
      const tag = await client.createTag(`tag${i}`);
      if (tag.ok) await client.tagFans(tag.value.id, [fan]);
    }
    const extra = await client.createTag("extra");
    if (!extra.ok) throw new Error("no tag");
    expect(await client.tagFans(extra.value.id, [fan])).toMatchObject({
      ok: false,
      error: { errcode: 45059 },
    });
    const ids = await client.getFanTagIds(fan);
    expect(ids.ok && ids.value.length).toBe(20);
  });

  it("answers 40032 for 51 openids in one call, and the client sends them 50 at a time", async () => {
    const { account } = await createTestAccount();
    const client = getWechatClient(env, account);
    const fans = await followers(account, 51);
    const tag = await client.createTag("many");
    if (!tag.ok) throw new Error("no tag");
    const raw = await rawCall(account, "/cgi-bin/tags/members/batchtagging", {
      openid_list: fans,
      tagid: tag.value.id,
    });
    expect(raw).toMatchObject({ errcode: 40032 });

    expect((await client.tagFans(tag.value.id, fans)).ok).toBe(true);
    const sent = (await recordedCalls(account.appId, "/cgi-bin/tags/members/batchtagging")).filter(
      (c) => c.errcode === 0,
    );
    expect(sent.map((c) => (c.body as { openid_list: string[] }).openid_list.length)).toEqual([
      50, 1,
    ]);
  });

  it.each([
    ["update", "/cgi-bin/tags/update", { tag: { id: 2, name: "x" } }, 45058],
    ["delete", "/cgi-bin/tags/delete", { tag: { id: 1 } }, 45058],
    ["update", "/cgi-bin/tags/update", { tag: { id: 999, name: "x" } }, 45159],
  ])("refuses to %s a reserved or unknown tag", async (_, path, body, errcode) => {
    const { account } = await createTestAccount();
    expect(await rawCall(account, path, body)).toMatchObject({ errcode });
  });

  it("answers 40003 for tagging an openid the account never saw", async () => {
    const { account } = await createTestAccount();
    const client = getWechatClient(env, account);
    const tag = await client.createTag("t");
    if (!tag.ok) throw new Error("no tag");
    expect(await client.tagFans(tag.value.id, ["oUnknownFan000000000000000000"])).toMatchObject({
      ok: false,
      error: { errcode: 40003 },
    });
  });
});
