import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getWechatClient } from "../../../src/wechat/client";
import { createUserWithToken } from "../factories/users";
import { createTestAccount } from "../factories/wechat-accounts";
import { BASE, call, jsonInit } from "../helpers";
import { followers } from "./helpers";

async function ownerHeaders() {
  return (await createUserWithToken("owner")).headers;
}

describe("/api/accounts/{accountId}/sandbox/faults", () => {
  it.each([
    [-1, "backoff"],
    [45011, "backoff"],
    [48001, "no"],
  ])(
    "makes the next call answer errcode %i, which the client reports as %s",
    async (errcode, retryable) => {
      const { account } = await createTestAccount();
      const headers = await ownerHeaders();
      const armed = await call(
        `/api/accounts/${account.id}/sandbox/faults`,
        jsonInit("POST", { path: "/cgi-bin/tags/get", errcode, times: 1 }, headers),
      );
      expect(armed.status).toBe(201);
      const client = getWechatClient(env, account);
      expect(await client.getTags()).toMatchObject({ ok: false, error: { errcode, retryable } });
      expect((await client.getTags()).ok).toBe(true);
    },
  );

  it("slows an answer past the client's timeout, reported as retryable with backoff", async () => {
    const { account } = await createTestAccount();
    const headers = await ownerHeaders();
    await call(
      `/api/accounts/${account.id}/sandbox/faults`,
      jsonInit("POST", { path: "/cgi-bin/getcallbackip", errcode: null, delayMs: 1500 }, headers),
    );
    const client = getWechatClient(env, account, { timeoutMs: 300 });
    await getWechatClient(env, account).getTags();
    expect(await client.getCallbackIps()).toMatchObject({
      ok: false,
      error: { source: "timeout", retryable: "backoff" },
    });
  });

  it("lists armed faults and disarms them all", async () => {
    const { account } = await createTestAccount();
    const headers = await ownerHeaders();
    const path = `/api/accounts/${account.id}/sandbox/faults`;
    await call(path, jsonInit("POST", { errcode: -1, times: 5 }, headers));
    const listed = (await (await call(path, { headers })).json()) as {
      faults: { path: string; remaining: number }[];
    };
    expect(listed.faults).toEqual([expect.objectContaining({ path: "*", remaining: 5 })]);
    expect((await call(path, { method: "DELETE", headers })).status).toBe(204);
    expect((await getWechatClient(env, account).getTags()).ok).toBe(true);
  });

  it("answers 404 for another account's id the caller cannot see", async () => {
    const { account } = await createTestAccount();
    const stranger = await createUserWithToken("operator");
    const res = await call(`/api/accounts/${account.id}/sandbox/faults`, {
      headers: stranger.headers,
    });
    expect(res.status).toBe(404);
  });
});

describe("/api/accounts/{accountId}/sandbox/messages and tokens/expire", () => {
  it("lists the customer-service messages the sandbox accepted", async () => {
    const { account } = await createTestAccount();
    const headers = await ownerHeaders();
    const [fan] = await followers(account, 1);
    if (!fan) throw new Error("no fan");
    await getWechatClient(env, account).sendCustomMessage(fan, {
      msgtype: "text",
      text: { content: "hi" },
    });
    const res = await call(`/api/accounts/${account.id}/sandbox/messages`, { headers });
    const { messages } = (await res.json()) as { messages: { body: unknown }[] };
    expect(messages.map((m) => m.body)).toEqual([
      { touser: fan, msgtype: "text", text: { content: "hi" } },
    ]);
  });

  it("expires tokens so the next call refreshes and still succeeds", async () => {
    const { account } = await createTestAccount();
    const headers = await ownerHeaders();
    const client = getWechatClient(env, account);
    await client.getTags();
    const res = await call(`/api/accounts/${account.id}/sandbox/tokens/expire`, {
      method: "POST",
      headers,
    });
    expect(await res.json()).toEqual({ expired: 1 });
    expect((await client.getTags()).ok).toBe(true);
    const calls = await call(`/api/accounts/${account.id}/sandbox/calls?path=/cgi-bin/tags/get`, {
      headers,
    });
    const body = (await calls.json()) as { calls: { errcode: number }[] };
    expect(body.calls.map((c) => c.errcode)).toEqual([0, 42001, 0]);
  });
});

describe("sandbox web authorisation", () => {
  it("redirects back with a single-use code that the client exchanges for the openid", async () => {
    const { account } = await createTestAccount();
    const client = getWechatClient(env, account);
    const authorize = new URL(
      client.oauthAuthorizeUrl({ redirectUri: `${BASE}/f/form1`, state: "s1" }),
    );
    expect(authorize.pathname).toBe("/sandbox/wechat/connect/oauth2/authorize");

    const picker = await call(`${authorize.pathname}${authorize.search}`);
    expect(await picker.text()).toContain("A new visitor");
    const res = await call(
      `${authorize.pathname}${authorize.search}&openid=oVisitor00000000000000000001`,
      {
        redirect: "manual",
      },
    );
    expect(res.status).toBe(302);
    const back = new URL(res.headers.get("Location") ?? "");
    expect(back.pathname).toBe("/f/form1");
    expect(back.searchParams.get("state")).toBe("s1");

    const code = back.searchParams.get("code") ?? "";
    expect(await client.exchangeOAuthCode(code)).toEqual({
      ok: true,
      value: {
        openid: "oVisitor00000000000000000001",
        scope: "snsapi_base",
        isSnapshotUser: false,
        unionid: null,
      },
    });
    expect(await client.exchangeOAuthCode(code)).toMatchObject({
      ok: false,
      error: { errcode: 40163 },
    });
    expect(await client.exchangeOAuthCode("nonsense")).toMatchObject({
      ok: false,
      error: { errcode: 40029 },
    });
  });

  it("refuses to redirect to another site", async () => {
    const { account } = await createTestAccount();
    const res = await call(
      `/sandbox/wechat/connect/oauth2/authorize?appid=${account.appId}&redirect_uri=${encodeURIComponent("https://evil.example/x")}&openid=o1`,
    );
    expect(res.status).toBe(400);
  });

  it("points a real account at WeChat's own authorize page", async () => {
    const { account } = await createTestAccount({ isSandbox: false });
    const url = getWechatClient(env, account).oauthAuthorizeUrl({
      redirectUri: "https://shop.example/f/1",
      state: "x",
    });
    expect(url).toMatch(/^https:\/\/open\.weixin\.qq\.com\/connect\/oauth2\/authorize\?appid=wx/);
    expect(url).toContain("scope=snsapi_base");
    expect(url.endsWith("#wechat_redirect")).toBe(true);
  });
});
