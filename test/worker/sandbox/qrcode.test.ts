import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sandboxApps, sandboxQrcodes } from "../../../src/db/schema";
import { getWechatClient, type QrCodeRequest } from "../../../src/wechat/client";
import { createTestAccount } from "../factories/wechat-accounts";
import { db, rawCall } from "./helpers";

describe("sandbox /cgi-bin/qrcode/create through the client", () => {
  it.each<[QrCodeRequest, number | null]>([
    [{ actionName: "QR_SCENE", sceneId: 2147483647, expireSeconds: 604800 }, 604800],
    [{ actionName: "QR_STR_SCENE", sceneStr: "s".repeat(64), expireSeconds: 2592000 }, 2592000],
    [{ actionName: "QR_LIMIT_SCENE", sceneId: 100000 }, null],
    [{ actionName: "QR_LIMIT_STR_SCENE", sceneStr: "渠道-门店" }, null],
  ])("creates %o with expire_seconds %s", async (req, expireSeconds) => {
    const { account } = await createTestAccount();
    const made = await getWechatClient(env, account).createQrCode(req);
    if (!made.ok) throw new Error(made.error.explanation);
    expect(made.value.expireSeconds).toBe(expireSeconds);
    expect(made.value.url).toMatch(/^http:\/\/weixin\.qq\.com\/q\//);
    expect(made.value.showUrl).toBe(
      `https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=${encodeURIComponent(made.value.ticket)}`,
    );
  });

  it.each<[string, QrCodeRequest, number]>([
    [
      "a 65-character scene_str",
      { actionName: "QR_STR_SCENE", sceneStr: "s".repeat(65), expireSeconds: 60 },
      40053,
    ],
    ["a permanent scene_id over 100000", { actionName: "QR_LIMIT_SCENE", sceneId: 100001 }, 40053],
    ["scene_id 0", { actionName: "QR_SCENE", sceneId: 0, expireSeconds: 60 }, 40053],
  ])("refuses %s", async (_, req, errcode) => {
    const { account } = await createTestAccount();
    const made = await getWechatClient(env, account).createQrCode(req);
    expect(made).toMatchObject({ ok: false, error: { errcode, retryable: "no" } });
  });

  it("refuses an unknown action_name with 40052 and an id for a string type with 40053", async () => {
    const { account } = await createTestAccount();
    expect(await rawCall(account, "/cgi-bin/qrcode/create", { action_name: "QR_X" })).toMatchObject(
      { errcode: 40052 },
    );
    const idForString = {
      action_name: "QR_STR_SCENE",
      expire_seconds: 60,
      action_info: { scene: { scene_id: 5 } },
    };
    expect(await rawCall(account, "/cgi-bin/qrcode/create", idForString)).toMatchObject({
      errcode: 40053,
    });
  });

  it("gives 60 seconds when expire_seconds is left out, and at most 2,592,000", async () => {
    const { account } = await createTestAccount();
    const scene = { action_info: { scene: { scene_id: 9 } }, action_name: "QR_SCENE" };
    expect(await rawCall(account, "/cgi-bin/qrcode/create", scene)).toMatchObject({
      expire_seconds: 60,
    });
    const long = await rawCall(account, "/cgi-bin/qrcode/create", {
      ...scene,
      expire_seconds: 9_999_999,
    });
    expect(long).toMatchObject({ expire_seconds: 2_592_000 });
  });

  it("records scene 0 for a code made without the scene wrapper", async () => {
    const { account } = await createTestAccount();
    const made = await rawCall(account, "/cgi-bin/qrcode/create", {
      action_name: "QR_SCENE",
      expire_seconds: 60,
      action_info: { scene_id: 5 },
    });
    const [row] = await db
      .select()
      .from(sandboxQrcodes)
      .where(eq(sandboxQrcodes.ticket, String(made.ticket)));
    expect(row?.scene).toBe("0");
  });

  it("answers 45029 past 100,000 permanent codes, and the same ticket for a scene it already has", async () => {
    const { account } = await createTestAccount();
    const client = getWechatClient(env, account);
    const first = await client.createQrCode({ actionName: "QR_LIMIT_SCENE", sceneId: 1 });
    await db
      .update(sandboxApps)
      .set({ permanentQrCount: 100_000 })
      .where(eq(sandboxApps.appId, account.appId));

    const again = await client.createQrCode({ actionName: "QR_LIMIT_SCENE", sceneId: 1 });
    expect(again.ok && first.ok && again.value.ticket === first.value.ticket).toBe(true);
    const past = await client.createQrCode({ actionName: "QR_LIMIT_SCENE", sceneId: 2 });
    expect(past).toMatchObject({ ok: false, error: { errcode: 45029, retryable: "no" } });
    const temporary = await client.createQrCode({
      actionName: "QR_SCENE",
      sceneId: 2,
      expireSeconds: 60,
    });
    expect(temporary.ok).toBe(true);
  });
});
