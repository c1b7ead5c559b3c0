import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getDb } from "../../../src/db/client";
import { addFault } from "../../../src/sandbox/faults";
import { createSandboxAccount } from "../factories/accounts";
import { call, ownerTokenHeaders } from "../helpers";

type CheckBody = { check: { ok: boolean; message: string; errcode: number | null } };

async function check(accountId: string, headers: Record<string, string>) {
  const res = await call(`/api/accounts/${accountId}/check`, { method: "POST", headers });
  expect(res.status).toBe(200);
  return ((await res.json()) as CheckBody).check;
}

describe("POST /api/accounts/{accountId}/check", () => {
  it("passes for a sandbox account and stores the outcome on the account", async () => {
    const owner = await ownerTokenHeaders();
    const account = await createSandboxAccount(owner);
    const result = await check(account.id, owner);
    expect(result).toMatchObject({ ok: true, errcode: null });
    const read = (await (await call(`/api/accounts/${account.id}`, { headers: owner })).json()) as {
      account: { lastCheck: { ok: boolean; message: string } | null };
    };
    expect(read.account.lastCheck).toMatchObject({ ok: true, message: result.message });
  });

  it.each([
    [
      "/cgi-bin/stable_token",
      40164,
      "invalid ip 203.0.113.7 ipv6 ::ffff:203.0.113.7, not in whitelist",
      /203\.0\.113\.7.*allow-list/,
    ],
    ["/cgi-bin/stable_token", 40125, "invalid appsecret", /AppSecret/],
    ["/cgi-bin/stable_token", 40013, "invalid appid", /AppID/],
    ["/cgi-bin/qrcode/create", 48001, "api unauthorized", /verified Service Account/],
  ])("explains %s failing with %i in plain words", async (path, errcode, errmsg, expected) => {
    const owner = await ownerTokenHeaders();
    const account = await createSandboxAccount(owner);
    await addFault(getDb(env.DB), account.appId, { path, errcode, errmsg, delayMs: 0, times: 1 });
    const result = await check(account.id, owner);
    expect(result.ok).toBe(false);
    expect(result.errcode).toBe(errcode);
    expect(result.message).toMatch(expected);
  });

  it("answers 404 for an account the caller cannot see", async () => {
    const owner = await ownerTokenHeaders();
    const res = await call("/api/accounts/acc_doesnotexist0000/check", {
      method: "POST",
      headers: owner,
    });
    expect(res.status).toBe(404);
  });
});
