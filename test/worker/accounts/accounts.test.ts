import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getDb } from "../../../src/db/client";
import { createSandboxAccount } from "../factories/accounts";
import { createUserWithToken } from "../factories/users";
import { call, jsonInit, ownerTokenHeaders } from "../helpers";

type AccountBody = {
  account: {
    id: string;
    appId: string;
    timeZone: string;
    messageMode: string;
    secrets: Record<string, boolean>;
    webhookPath: string;
  };
};

const REAL = {
  name: "Brand",
  appId: "wx1234567890abcdef",
  appSecret: "0123456789abcdef0123456789abcdef",
  originalId: "gh_0123456789ab",
  token: "webhookToken42",
  encodingAesKey: "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
  messageMode: "safe",
  timeZone: "Europe/Berlin",
};

let appSeq = 0;
/** A real-account body with an AppID no other test uses. */
function realBody(overrides: Record<string, unknown> = {}) {
  appSeq++;
  return { ...REAL, appId: `wx${String(appSeq).padStart(16, "0")}`, ...overrides };
}

async function post(body: unknown, headers: Record<string, string>) {
  return call("/api/accounts", jsonInit("POST", body, headers));
}

describe("POST /api/accounts", () => {
  it("connects a real account, seals its secrets and returns only whether they are set", async () => {
    const owner = await ownerTokenHeaders();
    const body = realBody();
    const res = await post(body, owner);
    expect(res.status).toBe(201);
    const text = await res.text();
    for (const secret of [body.appSecret, body.token, body.encodingAesKey]) {
      expect(text).not.toContain(secret);
    }
    const { account } = JSON.parse(text) as AccountBody;
    expect(account).toMatchObject({
      appId: body.appId,
      timeZone: "Europe/Berlin",
      messageMode: "safe",
      secrets: { appSecret: true, token: true, encodingAesKey: true },
      webhookPath: `/wechat/${account.id}`,
    });
    const row = await getDb(env.DB).query.accounts.findFirst({
      where: (a, { eq }) => eq(a.id, account.id),
    });
    expect(row?.appSecretEnc).toMatch(/^v1\.k1\./);
    expect(row?.appSecretEnc).not.toContain(body.appSecret);
  });

  it("generates every credential of a sandbox account that was left out", async () => {
    const owner = await ownerTokenHeaders();
    const account = await createSandboxAccount(owner);
    expect(account.appId).toMatch(/^wx[0-9a-f]{16}$/);
    expect(account.secrets).toEqual({ appSecret: true, token: true, encodingAesKey: true });
  });

  it.each([
    ["a missing name", { name: undefined }],
    ["a name past 64 characters", { name: "x".repeat(65) }],
    ["a missing AppSecret on a real account", { appSecret: undefined }],
    ["a malformed AppID", { appId: "wx123" }],
    ["an EncodingAESKey of 42 characters", { encodingAesKey: "a".repeat(42) }],
    ["an EncodingAESKey of 44 characters", { encodingAesKey: "a".repeat(44) }],
    ["an unknown time zone", { timeZone: "Mars/Olympus" }],
    ["an unknown message mode", { messageMode: "loud" }],
    ["a Token with punctuation", { token: "to-ken!" }],
    ["a malformed original id", { originalId: "id_123" }],
  ])("answers 400 for %s", async (_label, overrides) => {
    const owner = await ownerTokenHeaders();
    const res = await post(realBody(overrides), owner);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("bad_request");
  });

  it("answers 409 when a live account already uses the AppID, and frees it on delete", async () => {
    const owner = await ownerTokenHeaders();
    const body = realBody();
    const first = (await (await post(body, owner)).json()) as AccountBody;
    expect((await post(body, owner)).status).toBe(409);
    const del = await call(`/api/accounts/${first.account.id}`, {
      method: "DELETE",
      headers: owner,
    });
    expect(del.status).toBe(204);
    expect((await post(body, owner)).status).toBe(201);
  });

  it("refuses operators with 403", async () => {
    const operator = await createUserWithToken("operator");
    expect((await post(realBody(), operator.headers)).status).toBe(403);
  });

  it("grants the account to an admin who creates it, and to nobody else", async () => {
    const admin = await createUserWithToken("admin");
    const other = await createUserWithToken("admin");
    const res = await post(realBody(), admin.headers);
    expect(res.status).toBe(201);
    const { account } = (await res.json()) as AccountBody;
    expect((await call(`/api/accounts/${account.id}`, { headers: admin.headers })).status).toBe(
      200,
    );
    expect((await call(`/api/accounts/${account.id}`, { headers: other.headers })).status).toBe(
      404,
    );
    const list = (await (await call("/api/accounts", { headers: other.headers })).json()) as {
      accounts: { id: string }[];
    };
    expect(list.accounts.map((a) => a.id)).not.toContain(account.id);
  });
});

describe("PATCH /api/accounts/{accountId}", () => {
  it("keeps the old EncodingAESKey as the previous one when a new key is set", async () => {
    const owner = await ownerTokenHeaders();
    const { account } = (await (await post(realBody(), owner)).json()) as AccountBody;
    const before = await getDb(env.DB).query.accounts.findFirst({
      where: (a, { eq }) => eq(a.id, account.id),
    });
    const newKey = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut";
    const res = await call(
      `/api/accounts/${account.id}`,
      jsonInit("PATCH", { encodingAesKey: newKey, name: "Renamed" }, owner),
    );
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(newKey);
    expect((JSON.parse(text) as AccountBody).account).toMatchObject({ name: "Renamed" });
    const after = await getDb(env.DB).query.accounts.findFirst({
      where: (a, { eq }) => eq(a.id, account.id),
    });
    expect(after?.previousEncodingAesKeyEnc).toBe(before?.encodingAesKeyEnc);
    expect(after?.encodingAesKeyEnc).not.toBe(before?.encodingAesKeyEnc);
  });

  it.each([
    ["isSandbox, which cannot change", { isSandbox: true }],
    ["an unknown field", { color: "red" }],
    ["an invalid time zone", { timeZone: "Nowhere/Town" }],
  ])("answers 400 for %s", async (_label, body) => {
    const owner = await ownerTokenHeaders();
    const { account } = (await (await post(realBody(), owner)).json()) as AccountBody;
    const res = await call(`/api/accounts/${account.id}`, jsonInit("PATCH", body, owner));
    expect(res.status).toBe(400);
  });

  it("changes the time zone until the first scan is counted, then answers 409 and keeps it", async () => {
    const owner = await ownerTokenHeaders();
    const account = await createSandboxAccount(owner, { timeZone: "Asia/Shanghai" });
    const patch = (timeZone: string) =>
      call(`/api/accounts/${account.id}`, jsonInit("PATCH", { timeZone }, owner));
    expect((await patch("Asia/Hong_Kong")).status).toBe(200);

    const code = await call(
      `/api/accounts/${account.id}/qrcodes`,
      jsonInit("POST", { name: "前台", kind: "permanent" }, owner),
    );
    const { qrcode } = (await code.json()) as { qrcode: { scene: string } };
    const scan = await call(
      `/api/accounts/${account.id}/sandbox/scans`,
      jsonInit("POST", { scene: qrcode.scene, kind: "subscribe" }, owner),
    );
    expect(scan.status).toBe(200);

    const refused = await patch("Europe/Berlin");
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({
      error: { code: "conflict", message: expect.stringContaining("Asia/Hong_Kong") },
    });
    expect((await patch("Asia/Hong_Kong")).status).toBe(200);
    const read = await call(`/api/accounts/${account.id}`, { headers: owner });
    expect(((await read.json()) as AccountBody).account.timeZone).toBe("Asia/Hong_Kong");
  });

  it("refuses an operator granted the account with 403", async () => {
    const owner = await ownerTokenHeaders();
    const { account } = (await (await post(realBody(), owner)).json()) as AccountBody;
    const operator = await createUserWithToken("operator", { accountIds: [account.id] });
    const res = await call(
      `/api/accounts/${account.id}`,
      jsonInit("PATCH", { name: "x" }, operator.headers),
    );
    expect(res.status).toBe(403);
  });
});

describe("account secrets", () => {
  it("never appear in any account route's answer", async () => {
    const owner = await ownerTokenHeaders();
    // A sandbox account with chosen secrets, so that the check also runs (in process).
    const body = realBody({ isSandbox: true, messageMode: "safe" });
    const { account } = (await (await post(body, owner)).json()) as AccountBody;
    const answers = [
      await call("/api/accounts", { headers: owner }),
      await call(`/api/accounts/${account.id}`, { headers: owner }),
      await call(`/api/accounts/${account.id}`, jsonInit("PATCH", { name: "Again" }, owner)),
      await call(`/api/accounts/${account.id}/check`, { method: "POST", headers: owner }),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    for (const res of answers) {
      const text = await res.text();
      for (const secret of [body.appSecret, body.token, body.encodingAesKey]) {
        expect(text).not.toContain(secret);
      }
    }
  });
});

describe("DELETE /api/accounts/{accountId}", () => {
  it("hides the account from reads and lists afterwards", async () => {
    const owner = await ownerTokenHeaders();
    const account = await createSandboxAccount(owner);
    await call(`/api/accounts/${account.id}`, { method: "DELETE", headers: owner });
    expect((await call(`/api/accounts/${account.id}`, { headers: owner })).status).toBe(404);
    const list = (await (await call("/api/accounts", { headers: owner })).json()) as {
      accounts: { id: string }[];
    };
    expect(list.accounts.map((a) => a.id)).not.toContain(account.id);
  });
});
