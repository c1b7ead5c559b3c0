import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sandboxFans } from "../../../src/db/schema";
import { applyFanEvent } from "../../../src/sandbox/fans";
import { getWechatClient } from "../../../src/wechat/client";
import { createTestAccount } from "../factories/wechat-accounts";
import { db, followers, rawCall, recordedCalls } from "./helpers";

const text = (content: string) => ({ msgtype: "text" as const, text: { content } });

describe("sandbox user info through the client", () => {
  it("answers a follower's scene and tags, and only subscribe 0 for a fan who left", async () => {
    const { account } = await createTestAccount();
    const client = getWechatClient(env, account);
    const [fan, gone] = await followers(account, 2);
    if (!fan || !gone) throw new Error("no fans");
    await applyFanEvent(
      db,
      account.appId,
      gone,
      "unsubscribe",
      null,
      Math.floor(Date.now() / 1000),
    );

    expect(await client.getUserInfo(fan)).toMatchObject({
      ok: true,
      value: {
        openid: fan,
        subscribed: true,
        subscribeScene: "ADD_SCENE_QR_CODE",
        qrScene: 7,
        tagIds: [],
      },
    });
    expect(await client.getUserInfo(gone)).toMatchObject({
      ok: true,
      value: { subscribed: false, subscribeTime: null },
    });
    expect(await client.getUserInfo("oNobody0000000000000000000000")).toMatchObject({
      ok: false,
      error: { errcode: 40003 },
    });
  });

  it("asks batchget 100 openids at a time", async () => {
    const { account } = await createTestAccount();
    const fans = await followers(account, 150);
    const all = await getWechatClient(env, account).batchGetUserInfo(fans);
    expect(all.ok && all.value.map((u) => u.openid)).toEqual(fans);
    const calls = await recordedCalls(account.appId, "/cgi-bin/user/info/batchget");
    expect(calls.map((c) => (c.body as { user_list: unknown[] }).user_list.length)).toEqual([
      100, 50,
    ]);
  });
});

describe("sandbox customer-service messages through the client", () => {
  it("accepts 3 messages within the minute after a scan, then answers 45047", async () => {
    const { account } = await createTestAccount();
    const client = getWechatClient(env, account);
    const [fan] = await followers(account, 1);
    if (!fan) throw new Error("no fan");
    for (const n of [1, 2, 3])
      expect((await client.sendCustomMessage(fan, text(`m${n}`))).ok).toBe(true);
    expect(await client.sendCustomMessage(fan, text("m4"))).toMatchObject({
      ok: false,
      error: { errcode: 45047, retryable: "no" },
    });
    const sent = (await recordedCalls(account.appId, "/cgi-bin/message/custom/send")).filter(
      (c) => c.errcode === 0,
    );
    expect(sent.map((c) => c.body)).toEqual(
      [1, 2, 3].map((n) => ({ touser: fan, ...text(`m${n}`) })),
    );
  });

  it("answers 45015 once the minute after the scan is over", async () => {
    const { account } = await createTestAccount();
    const [fan] = await followers(account, 1);
    if (!fan) throw new Error("no fan");
    await db
      .update(sandboxFans)
      .set({ windowStartedAt: Date.now() - 61_000 })
      .where(and(eq(sandboxFans.appId, account.appId), eq(sandboxFans.openid, fan)));
    expect(await getWechatClient(env, account).sendCustomMessage(fan, text("late"))).toMatchObject({
      ok: false,
      error: { errcode: 45015 },
    });
  });

  it("answers 43004 for a fan who unfollowed", async () => {
    const { account } = await createTestAccount();
    const [fan] = await followers(account, 1);
    if (!fan) throw new Error("no fan");
    await applyFanEvent(db, account.appId, fan, "unsubscribe", null, Math.floor(Date.now() / 1000));
    expect(await getWechatClient(env, account).sendCustomMessage(fan, text("bye"))).toMatchObject({
      ok: false,
      error: { errcode: 43004 },
    });
  });

  it("sends an image only with a media id it issued, and refuses two articles with 45008", async () => {
    const { account } = await createTestAccount();
    const client = getWechatClient(env, account);
    const [fan] = await followers(account, 1);
    if (!fan) throw new Error("no fan");
    const image = (media_id: string) => ({ msgtype: "image" as const, image: { media_id } });
    expect(await client.sendCustomMessage(fan, image("made-up"))).toMatchObject({
      ok: false,
      error: { errcode: 40007 },
    });

    const png = new Blob([new Uint8Array(1000)], { type: "image/png" });
    const uploaded = await client.uploadTemporaryMedia({
      type: "image",
      file: png,
      fileName: "a.png",
    });
    if (!uploaded.ok) throw new Error(uploaded.error.explanation);
    expect((await client.sendCustomMessage(fan, image(uploaded.value.mediaId))).ok).toBe(true);

    const article = {
      title: "t",
      description: "d",
      url: "https://e.com",
      picurl: "https://e.com/p",
    };
    const twoArticles = { touser: fan, msgtype: "news", news: { articles: [article, article] } };
    expect(await rawCall(account, "/cgi-bin/message/custom/send", twoArticles)).toMatchObject({
      errcode: 45008,
    });
  });
});

describe("sandbox media through the client", () => {
  it("refuses an image over 2 MB and keeps permanent material with a url", async () => {
    const { account } = await createTestAccount();
    const client = getWechatClient(env, account);
    const big = new Blob([new Uint8Array(2 * 1024 * 1024 + 1)]);
    expect(
      await client.uploadTemporaryMedia({ type: "image", file: big, fileName: "big.png" }),
    ).toMatchObject({
      ok: false,
      error: { errcode: 40009 },
    });
    const kept = await client.addPermanentMaterial({
      type: "image",
      file: new Blob([new Uint8Array(10)]),
      fileName: "s.png",
    });
    expect(kept).toMatchObject({
      ok: true,
      value: { mediaId: expect.any(String), url: expect.stringContaining("http") },
    });
    const uploads = await recordedCalls(account.appId, "/cgi-bin/media/upload");
    expect(uploads[0]?.body).toEqual({
      type: "image",
      fileName: "big.png",
      size: 2 * 1024 * 1024 + 1,
    });
  });
});
