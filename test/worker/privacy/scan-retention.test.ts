import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getDb } from "../../../src/db/client";
import { pruneOldScans } from "../../../src/scans/prune-scans";
import { getCodeNumbers } from "../../../src/stats/code-numbers";
import { getStatsSummary } from "../../../src/stats/stats-summary";
import { createSandboxAccount } from "../factories/accounts";
import { createUserWithToken } from "../factories/users";
import { call, jsonInit, ownerTokenHeaders } from "../helpers";
import { insertCode } from "../scans/fixtures";
import { randomOpenid, scanAs } from "./helpers";

const MESSAGE = "scanRetentionDays: Keep raw scans for 0 (forever) or 7 to 3650 days";
const DAY = 86_400_000;
const BAD_VALUES: unknown[] = [1, 6, 3651, -7, 7.5, "30", null];

type AccountBody = { account: { id: string; scanRetentionDays: number } };

function patchAccount(id: string, body: unknown, headers: Record<string, string>) {
  return call(`/api/accounts/${id}`, jsonInit("PATCH", body, headers));
}

async function storedDays(id: string) {
  const row = await env.DB.prepare("SELECT scan_retention_days AS days FROM accounts WHERE id = ?")
    .bind(id)
    .first<{ days: number }>();
  return row?.days;
}

describe("scanRetentionDays on accounts", () => {
  it("defaults to 0 (keep forever) and is stored when given on create", async () => {
    const owner = await ownerTokenHeaders();
    const plain = await createSandboxAccount(owner);
    expect((plain as unknown as AccountBody["account"]).scanRetentionDays).toBe(0);

    const kept = await createSandboxAccount(owner, { scanRetentionDays: 90 });
    expect((kept as unknown as AccountBody["account"]).scanRetentionDays).toBe(90);
    expect(await storedDays(kept.id)).toBe(90);
    const read = await call(`/api/accounts/${kept.id}`, { headers: owner });
    expect(((await read.json()) as AccountBody).account.scanRetentionDays).toBe(90);
  });

  it("changes with PATCH, back to 0 as well", async () => {
    const owner = await ownerTokenHeaders();
    const account = await createSandboxAccount(owner);
    for (const days of [7, 3650, 0]) {
      const res = await patchAccount(account.id, { scanRetentionDays: days }, owner);
      expect(res.status).toBe(200);
      expect(((await res.json()) as AccountBody).account.scanRetentionDays).toBe(days);
      expect(await storedDays(account.id)).toBe(days);
    }
  });

  it.each(BAD_VALUES)("refuses %j on create and on PATCH with a clear message", async (value) => {
    const owner = await ownerTokenHeaders();
    const created = await call(
      "/api/accounts",
      jsonInit("POST", { name: "Bad", isSandbox: true, scanRetentionDays: value }, owner),
    );
    expect(created.status).toBe(400);
    expect(await created.json()).toMatchObject({
      error: { code: "bad_request", message: MESSAGE },
    });

    const account = await createSandboxAccount(owner, { scanRetentionDays: 30 });
    const patched = await patchAccount(account.id, { scanRetentionDays: value }, owner);
    expect(patched.status).toBe(400);
    expect(await patched.json()).toMatchObject({
      error: { code: "bad_request", message: MESSAGE },
    });
    expect(await storedDays(account.id)).toBe(30);
  });

  it("can be changed by an admin but not by an operator", async () => {
    const owner = await ownerTokenHeaders();
    const account = await createSandboxAccount(owner);
    const operator = await createUserWithToken("operator", { accountIds: [account.id] });
    const admin = await createUserWithToken("admin", { accountIds: [account.id] });
    expect(
      (await patchAccount(account.id, { scanRetentionDays: 30 }, operator.headers)).status,
    ).toBe(403);
    expect((await patchAccount(account.id, { scanRetentionDays: 30 }, admin.headers)).status).toBe(
      200,
    );
  });
});

describe("pruning by the account's scanRetentionDays", () => {
  it("removes raw scans past the setting made through the API and keeps every number", async () => {
    const owner = await ownerTokenHeaders();
    const made = await createSandboxAccount(owner);
    expect((await patchAccount(made.id, { scanRetentionDays: 30 }, owner)).status).toBe(200);
    const db = getDb(env.DB);
    const account = await db.query.accounts.findFirst({ where: (a, { eq }) => eq(a.id, made.id) });
    if (!account) throw new Error("account missing");
    const code = await insertCode(account.id);
    const now = Date.now();
    const [first, second] = [randomOpenid(), randomOpenid()];
    await scanAs(account, code.scene, first, now - 40 * DAY, "subscribe");
    await scanAs(account, code.scene, second, now - 35 * DAY, "subscribe");
    await scanAs(account, code.scene, first, now - 10 * DAY);

    const numbers = async () => ({
      code: (await getCodeNumbers(db, account.id, [code.id])).get(code.id),
      summary: await getStatsSummary(db, account.id, {}, account.timeZone),
    });
    const before = await numbers();
    expect(before.code).toMatchObject({ scans: 3, scanners: 2, newFollowers: 2 });

    await pruneOldScans(env, now);
    const left = await env.DB.prepare("SELECT count(*) AS n FROM scans WHERE account_id = ?")
      .bind(account.id)
      .first<{ n: number }>();
    expect(left?.n).toBe(1);
    expect(await numbers()).toEqual(before);
  });
});
