import { env, exports } from "cloudflare:workers";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { bytesToHex } from "../../../src/lib/encoding";
import { buildPush } from "../../../src/sandbox/build-push";
import { randomEncodingAesKey } from "../factories/wechat-accounts";
import { call, jsonInit } from "../helpers";
import { settled } from "../replies/helpers";

/**
 * A full run (a wrong and a right sign-in, an API token made and used, a
 * real and a sandbox account in safe mode with their secrets, connection
 * checks, scans through the webhook, replies, tagging, a user with a
 * password) with every console line captured: no secret, password, token
 * or openid is in any log line, and no secret, password or token is in any
 * response body except the one that hands out the new API token.
 */
type Seen = { what: string; text: string };
const logLines: string[] = [];
const responses: Seen[] = [];
const self = (exports as unknown as { default: Fetcher }).default;

const hex = (bytes: number) => bytesToHex(crypto.getRandomValues(new Uint8Array(bytes)));
const alnum = (n: number) => hex(n).slice(0, n);

function secretsOfAccount() {
  return {
    appId: `wx${hex(8)}`,
    appSecret: hex(16),
    originalId: `gh_${hex(6)}`,
    token: alnum(32),
    encodingAesKey: randomEncodingAesKey(),
  };
}

const sandboxSecrets = secretsOfAccount();
const realSecrets = secretsOfAccount();
const rotatedAesKey = randomEncodingAesKey();
const wrongPassword = `wrong-${hex(8)}`;
const userPassword = `pw-${hex(12)}`;
const realOpenid = `oReal${hex(12)}`;
let apiToken = "";
let sessionCookie = "";
let tokenAnswer = "";

function captureConsole() {
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logLines.push(
        args
          .map((a) =>
            a instanceof Error
              ? `${a.message} ${a.stack}`
              : typeof a === "string"
                ? a
                : JSON.stringify(a),
          )
          .join(" "),
      );
    });
  }
}

/** A real account's calls leave through the global fetch; the sandbox answers them. */
function routeRealAccountToSandbox() {
  const original = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (!url.host.endsWith("weixin.qq.com")) return original(request);
    return self.fetch(
      new Request(`http://example.com/sandbox/wechat${url.pathname}${url.search}`, request),
    );
  });
}

async function api(what: string, path: string, init: RequestInit = {}) {
  const res = await call(path, init);
  const type = res.headers.get("Content-Type") ?? "";
  const text = /json|text|xml|csv/.test(type) ? await res.clone().text() : "";
  responses.push({ what, text });
  return res;
}

async function ok<T>(what: string, path: string, init: RequestInit, status = 200): Promise<T> {
  const res = await api(what, path, init);
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function signIn(): Promise<Record<string, string>> {
  const email = env.ADMIN_EMAIL;
  const wrong = await api(
    "wrong sign-in",
    "/api/auth/login",
    jsonInit("POST", { email, password: wrongPassword }),
  );
  expect(wrong.status).toBe(401);
  const res = await api(
    "sign-in",
    "/api/auth/login",
    jsonInit("POST", { email, password: env.ADMIN_PASSWORD }),
  );
  sessionCookie = (res.headers.get("Set-Cookie") ?? "").split(";")[0] ?? "";
  const cookie = { Cookie: sessionCookie };
  const made = await call("/api/tokens", jsonInit("POST", { name: "run", scope: "write" }, cookie));
  tokenAnswer = await made.text();
  apiToken = (JSON.parse(tokenAnswer) as { token: string }).token;
  const bogus = await api("bogus token", "/api/auth/me", {
    headers: { Authorization: `Bearer qrc_${hex(16)}` },
  });
  expect(bogus.status).toBe(401);
  return { Authorization: `Bearer ${apiToken}` };
}

async function connect(h: Record<string, string>, isSandbox: boolean) {
  const secrets = isSandbox ? sandboxSecrets : realSecrets;
  const body = { name: isSandbox ? "Sandbox" : "Real", isSandbox, messageMode: "safe", ...secrets };
  const { account } = await ok<{ account: { id: string } }>(
    "account create",
    "/api/accounts",
    jsonInit("POST", body, h),
    201,
  );
  await ok("account check", `/api/accounts/${account.id}/check`, jsonInit("POST", {}, h));
  await ok("account read", `/api/accounts/${account.id}`, { headers: h });
  return account.id;
}

async function codeWithReply(h: Record<string, string>, accountId: string, fanTagIds: number[]) {
  const reply = [
    { type: "text", content: "欢迎" },
    { type: "text", content: "second message, by customer service" },
  ];
  const body = { kind: "permanent", name: `code ${hex(3)}`, reply, fanTagIds };
  const { qrcode } = await ok<{ qrcode: { id: string; scene: string } }>(
    "code create",
    `/api/accounts/${accountId}/qrcodes`,
    jsonInit("POST", body, h),
    201,
  );
  return qrcode;
}

async function pushToRealAccount(accountId: string, scene: string) {
  const fields: [string, string | number][] = [
    ["ToUserName", realSecrets.originalId],
    ["FromUserName", realOpenid],
    ["CreateTime", Math.floor(Date.now() / 1000)],
    ["MsgType", "event"],
    ["Event", "subscribe"],
    ["EventKey", `qrscene_${scene}`],
    ["Ticket", "gQH47joAAAAAAAAAASxodHRwOi8v"],
  ];
  const keys = { mode: "safe" as const, ...realSecrets };
  const push = await buildPush(fields, realOpenid, keys);
  const res = await api("webhook", `/wechat/${accountId}?${push.query}`, {
    method: "POST",
    body: push.body,
  });
  expect(res.status).toBe(200);
  push.query.set("signature", "0".repeat(40));
  const refused = await api("tampered webhook", `/wechat/${accountId}?${push.query}`, {
    method: "POST",
    body: push.body,
  });
  expect(refused.status).toBe(401);
}

let sandboxId = "";
let realId = "";

beforeAll(async () => {
  captureConsole();
  routeRealAccountToSandbox();
  const h = await signIn();
  sandboxId = await connect(h, true);
  realId = await connect(h, false);

  const { tag } = await ok<{ tag: { id: number } }>(
    "fan tag",
    `/api/accounts/${sandboxId}/fan-tags`,
    jsonInit("POST", { name: `t${hex(3)}` }, h),
    201,
  );
  const sandboxCode = await codeWithReply(h, sandboxId, [tag.id]);
  const realCode = await codeWithReply(h, realId, []);
  // Failures are where values get logged: a refused message, tagging and tag sync, a stale token.
  await ok(
    "expire tokens",
    `/api/accounts/${sandboxId}/sandbox/tokens/expire`,
    jsonInit("POST", {}, h),
  );
  for (const [path, errcode] of [
    ["/cgi-bin/message/custom/send", 45047],
    ["/cgi-bin/tags/members/batchtagging", -1],
    ["/cgi-bin/tags/get", 40001],
    ["/cgi-bin/tags/get", 48001],
  ] as const) {
    const fault = { path, errcode, times: 1 };
    await ok("fault", `/api/accounts/${sandboxId}/sandbox/faults`, jsonInit("POST", fault, h), 201);
  }
  const sync = await api(
    "tag sync",
    `/api/accounts/${sandboxId}/fan-tags/sync`,
    jsonInit("POST", {}, h),
  );
  expect(sync.status).toBeGreaterThanOrEqual(400);
  const scans = [
    { scene: sandboxCode.scene },
    { scene: sandboxCode.scene },
    { scene: sandboxCode.scene, kind: "unsubscribe" },
  ];
  await ok("simulate", `/api/accounts/${sandboxId}/sandbox/scans`, jsonInit("POST", { scans }, h));
  await pushToRealAccount(realId, realCode.scene);
  await settled(sandboxCode.id, 2);
  await settled(realCode.id, 2);

  await ok("fans", `/api/accounts/${sandboxId}/sandbox/fans`, { headers: h });
  await ok("calls", `/api/accounts/${sandboxId}/sandbox/calls`, { headers: h });
  await ok("deliveries", `/api/accounts/${realId}/qrcodes/${realCode.id}/deliveries`, {
    headers: h,
  });
  await ok("accounts", "/api/accounts", { headers: h });
  await ok(
    "account rotate",
    `/api/accounts/${realId}`,
    jsonInit("PATCH", { encodingAesKey: rotatedAesKey }, h),
  );
  await ok(
    "user create",
    "/api/users",
    jsonInit(
      "POST",
      { email: `u${hex(4)}@example.com`, role: "operator", password: userPassword },
      h,
    ),
    201,
  );
  await ok("audit", "/api/audit?limit=200", { headers: { Cookie: sessionCookie } });
  await api("audit export", "/api/audit/export", { headers: h });
}, 120_000);

afterAll(() => {
  vi.restoreAllMocks();
});

async function sandboxAccessTokens(): Promise<string[]> {
  const rows = await env.DB.prepare("select token from sandbox_tokens where app_id in (?, ?)")
    .bind(sandboxSecrets.appId, realSecrets.appId)
    .all<{ token: string }>();
  return rows.results.map((r) => r.token);
}

async function fanOpenids(): Promise<string[]> {
  const rows = await env.DB.prepare("select openid from sandbox_fans where app_id = ?")
    .bind(sandboxSecrets.appId)
    .all<{ openid: string }>();
  return [...rows.results.map((r) => r.openid), realOpenid];
}

async function secrets(): Promise<[string, string][]> {
  const named: [string, string][] = [];
  for (const [who, s] of [
    ["sandbox", sandboxSecrets],
    ["real", realSecrets],
  ] as const) {
    named.push([`${who} AppSecret`, s.appSecret], [`${who} Token`, s.token]);
    named.push([`${who} EncodingAESKey`, s.encodingAesKey]);
  }
  named.push(["rotated EncodingAESKey", rotatedAesKey], ["API token", apiToken]);
  named.push(["owner password", env.ADMIN_PASSWORD], ["wrong password", wrongPassword]);
  named.push(
    ["user password", userPassword],
    ["session cookie", sessionCookie.split("=")[1] ?? ""],
  );
  named.push(
    ["SECRETS_KEY", env.SECRETS_KEY.split(":")[1] ?? ""],
    ["SIGNING_KEY", env.SIGNING_KEY],
  );
  for (const token of await sandboxAccessTokens()) named.push(["sandbox access token", token]);
  return named;
}

describe("a full run", () => {
  it("exercised what it checks: logs were written, tokens issued, fans made", async () => {
    expect(logLines.length).toBeGreaterThan(5);
    for (const msg of ["access token refreshed", "scan recorded", "wechat call failed"]) {
      expect(logLines.some((l) => l.includes(`"msg":"${msg}"`))).toBe(true);
    }
    expect(logLines.some((l) => l.includes('"level":"warn"'))).toBe(true);
    expect((await sandboxAccessTokens()).length).toBeGreaterThanOrEqual(2);
    expect((await fanOpenids()).length).toBeGreaterThanOrEqual(2);
    expect(tokenAnswer).toContain(apiToken);
    for (const [, value] of await secrets()) expect(value.length).toBeGreaterThanOrEqual(10);
  });

  it("writes no secret, password, token or openid to any log line", async () => {
    const leaks = [
      ...(await secrets()),
      ...(await fanOpenids()).map((o): [string, string] => ["openid", o]),
    ].flatMap(([what, value]) =>
      logLines.filter((l) => l.includes(value)).map((l) => `${what}: ${l}`),
    );
    expect(leaks).toEqual([]);
  });

  it("answers no secret, password or token in any response but the new token's", async () => {
    const leaks = (await secrets()).flatMap(([what, value]) =>
      responses.filter((r) => r.text.includes(value)).map((r) => `${what} in ${r.what}`),
    );
    expect(leaks).toEqual([]);
    expect(responses.length).toBeGreaterThan(15);
  });
});
