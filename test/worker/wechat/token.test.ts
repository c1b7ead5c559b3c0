import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../../src/db/client";
import { sandboxCalls } from "../../../src/db/schema";
import type { AccountDurableObject } from "../../../src/durable/account-do";
import { expireTokens } from "../../../src/sandbox/api/token";
import { addFault } from "../../../src/sandbox/faults";
import { getAccessToken } from "../../../src/wechat/access-token";
import { getWechatClient } from "../../../src/wechat/client";
import { createTestAccount } from "../factories/wechat-accounts";

const db = getDb(env.DB);

async function callsTo(appId: string, path: string) {
  const rows = await db
    .select()
    .from(sandboxCalls)
    .where(and(eq(sandboxCalls.appId, appId), eq(sandboxCalls.path, path)));
  return rows;
}

describe("access token in the account's Durable Object", () => {
  it("makes exactly one refresh for 50 concurrent requests", async () => {
    const { account } = await createTestAccount();
    const results = await Promise.all(
      Array.from({ length: 50 }, () => getAccessToken(env, account)),
    );
    const tokens = new Set(results.map((r) => (r.ok ? r.value : "failed")));
    expect(tokens.size).toBe(1);
    expect(tokens.has("failed")).toBe(false);
    expect(await callsTo(account.appId, "/cgi-bin/stable_token")).toHaveLength(1);
  });

  it("reuses the cached token for later calls", async () => {
    const { account } = await createTestAccount();
    const client = getWechatClient(env, account);
    expect((await client.getCallbackIps()).ok).toBe(true);
    expect((await client.getCallbackIps()).ok).toBe(true);
    expect(await callsTo(account.appId, "/cgi-bin/stable_token")).toHaveLength(1);
  });

  it("refreshes once and retries once when WeChat answers 40001", async () => {
    const { account } = await createTestAccount();
    const client = getWechatClient(env, account);
    await client.getCallbackIps();
    await addFault(db, account.appId, {
      path: "/cgi-bin/getcallbackip",
      errcode: 40001,
      delayMs: 0,
      times: 1,
    });

    const result = await client.getCallbackIps();
    expect(result).toEqual({ ok: true, value: ["127.0.0.1"] });
    const refreshes = await callsTo(account.appId, "/cgi-bin/stable_token");
    expect(refreshes.map((r) => (r.body as { force_refresh: boolean }).force_refresh)).toEqual([
      false,
      true,
    ]);
  });

  it("stops after one refresh when the token keeps failing", async () => {
    const { account } = await createTestAccount();
    await addFault(db, account.appId, {
      path: "/cgi-bin/getcallbackip",
      errcode: 40001,
      delayMs: 0,
      times: 10,
    });
    const result = await getWechatClient(env, account).getCallbackIps();
    expect(result).toMatchObject({
      ok: false,
      error: { errcode: 40001, retryable: "refresh_once" },
    });
    expect(await callsTo(account.appId, "/cgi-bin/getcallbackip")).toHaveLength(2);
    expect(await callsTo(account.appId, "/cgi-bin/stable_token")).toHaveLength(2);
  });

  it("gets a new token after the old one expired (42001)", async () => {
    const { account } = await createTestAccount();
    const client = getWechatClient(env, account);
    const before = await getAccessToken(env, account);
    await expireTokens(db, account.appId);
    expect((await client.getCallbackIps()).ok).toBe(true);
    const after = await getAccessToken(env, account);
    expect(after.ok && before.ok && after.value !== before.value).toBe(true);
  });

  it("does not force a refresh for a failed token that is no longer the cached one", async () => {
    const { account } = await createTestAccount();
    const first = await getAccessToken(env, account);
    if (!first.ok) throw new Error("no token");
    const again = await getAccessToken(env, account, { failedToken: "some-older-token" });
    expect(again).toEqual(first);
    expect(await callsTo(account.appId, "/cgi-bin/stable_token")).toHaveLength(1);
  });

  it("asks WeChat once for a wrong AppSecret however often callers ask", async () => {
    const { account } = await createTestAccount();
    // From stable_token, 40001 means the AppSecret is wrong (wechat.md "Access token").
    await addFault(db, account.appId, {
      path: "/cgi-bin/stable_token",
      errcode: 40001,
      delayMs: 0,
      times: 100,
    });
    const results = await Promise.all(
      Array.from({ length: 10 }, () => getAccessToken(env, account)),
    );
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(results[0]).toMatchObject({ ok: false, error: { errcode: 40001, retryable: "no" } });
    const later = await getWechatClient(env, account).getCallbackIps();
    expect(later).toMatchObject({ ok: false, error: { errcode: 40001, retryable: "no" } });
    expect(await callsTo(account.appId, "/cgi-bin/stable_token")).toHaveLength(1);
  });

  it.each([
    ["an hour", 3_600_000, false],
    ["4 minutes", 240_000, true],
  ])("with %s left on the cached token, refreshes: %s", async (_, left, refreshes) => {
    const { account } = await createTestAccount();
    const namespace = env.ACCOUNT_DO as DurableObjectNamespace<AccountDurableObject>;
    const stub = namespace.get(namespace.idFromName(account.id));
    await runInDurableObject(stub, async (_instance, state) => {
      const cached = {
        appId: account.appId,
        token: "cached-token",
        expiresAt: Date.now() + left,
        forcedAt: 0,
      };
      await state.storage.put("wechat.accessToken", cached);
    });
    const token = await getAccessToken(env, account);
    expect(token.ok && token.value !== "cached-token").toBe(refreshes);
    expect(await callsTo(account.appId, "/cgi-bin/stable_token")).toHaveLength(refreshes ? 1 : 0);
  });

  it("ignores a token cached for another AppID", async () => {
    const { account } = await createTestAccount();
    const namespace = env.ACCOUNT_DO as DurableObjectNamespace<AccountDurableObject>;
    await runInDurableObject(namespace.get(namespace.idFromName(account.id)), async (_i, state) => {
      await state.storage.put("wechat.accessToken", {
        appId: "wxold",
        token: "old",
        expiresAt: Date.now() + 3_600_000,
        forcedAt: 0,
      });
    });
    const token = await getAccessToken(env, account);
    expect(token.ok && token.value !== "old").toBe(true);
  });
});
