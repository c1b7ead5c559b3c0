import { env, exports } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getWechatClient } from "../../../src/wechat/client";
import { createTestAccount } from "../factories/wechat-accounts";

/**
 * A real (not sandbox) account talks to whatever WECHAT_API_BASE names. The
 * network is replaced at its edge: requests leaving through the global fetch
 * are recorded, and answered by this Worker's own /sandbox/wechat stand-in.
 */
const self = (exports as unknown as { default: Fetcher }).default;
let hosts: string[] = [];
let unreachable = new Set<string>();

beforeEach(() => {
  hosts = [];
  unreachable = new Set();
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    hosts.push(url.host);
    if (unreachable.has(url.host)) throw new TypeError("Network connection lost.");
    return self.fetch(
      new Request(`http://example.com/sandbox/wechat${url.pathname}${url.search}`, request),
    );
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the client of a real account", () => {
  it("sends every call, the token refresh included, to WECHAT_API_BASE", async () => {
    const { account } = await createTestAccount({ isSandbox: false });
    const made = await getWechatClient(env, account).createQrCode({
      actionName: "QR_LIMIT_STR_SCENE",
      sceneStr: "real",
    });
    expect(made.ok).toBe(true);
    expect(new Set(hosts)).toEqual(new Set([new URL(env.WECHAT_API_BASE).host]));
    expect(hosts).toHaveLength(2);
  });

  it("falls back to WECHAT_API_FALLBACK_BASE when the first host cannot be reached", async () => {
    const { account } = await createTestAccount({ isSandbox: false });
    unreachable.add(new URL(env.WECHAT_API_BASE).host);
    const tags = await getWechatClient(env, account).getTags();
    expect(tags.ok).toBe(true);
    const primary = new URL(env.WECHAT_API_BASE).host;
    const fallback = new URL(env.WECHAT_API_FALLBACK_BASE).host;
    expect(hosts).toEqual([primary, fallback, primary, fallback]);
  });

  it("reports a network failure as retryable when no host answers", async () => {
    const { account } = await createTestAccount({ isSandbox: false });
    unreachable.add(new URL(env.WECHAT_API_BASE).host);
    unreachable.add(new URL(env.WECHAT_API_FALLBACK_BASE).host);
    expect(await getWechatClient(env, account).getTags()).toMatchObject({
      ok: false,
      error: { source: "network", retryable: "backoff" },
    });
  });

  it("sends stable_token a JSON body naming the AppID", async () => {
    const { account } = await createTestAccount({ isSandbox: false });
    const bodies: string[] = [];
    const spy = vi.mocked(globalThis.fetch);
    const original = spy.getMockImplementation();
    spy.mockImplementation(async (input, init) => {
      const request = new Request(input, init);
      if (new URL(request.url).pathname === "/cgi-bin/stable_token") {
        expect(request.headers.get("content-type")).toBe("application/json");
        bodies.push(await request.clone().text());
      }
      return original ? original(request) : new Response("{}");
    });
    expect((await getWechatClient(env, account).getCallbackIps()).ok).toBe(true);
    expect(JSON.parse(bodies[0] ?? "{}")).toMatchObject({
      grant_type: "client_credential",
      appid: account.appId,
      force_refresh: false,
    });
  });
});
