import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getDb } from "../../../src/db/client";
import { autoRenewQrCodes } from "../../../src/qrcodes/auto-renew";
import { addFault } from "../../../src/sandbox/faults";
import { call, jsonInit } from "../helpers";
import {
  codesPath,
  createCode,
  type ErrorBody,
  ownerWithAccount,
  type QrCodeBody,
  scanCode,
} from "./helpers";

const DAY = 86_400_000;

async function codeRow(id: string) {
  return env.DB.prepare(
    "select scene, ticket, url, expires_at, renew_lease_until from qrcodes where id = ?",
  )
    .bind(id)
    .first<{
      scene: string;
      ticket: string;
      url: string;
      expires_at: number;
      renew_lease_until: number | null;
    }>();
}

async function setExpiry(id: string, expiresAt: number) {
  await env.DB.prepare("update qrcodes set expires_at = ? where id = ?").bind(expiresAt, id).run();
}

async function renew(accountId: string, id: string, headers: Record<string, string>) {
  return call(codesPath(accountId, `/${id}/renew`), { method: "POST", headers });
}

describe("POST /api/accounts/{accountId}/qrcodes/{id}/renew", () => {
  it("gets a new ticket for the same scene and keeps the code's numbers", async () => {
    const { owner, account } = await ownerWithAccount();
    const code = await createCode(
      account.id,
      { name: "A", kind: "temporary", validityDays: 5 },
      owner,
    );
    const t = Math.floor(Date.now() / 1000);
    await scanCode(account.id, code.scene, "o_fan_1", "subscribe", t - 20);
    await scanCode(account.id, code.scene, "o_fan_1", "scan", t - 10);
    await setExpiry(code.id, Date.now() - DAY);

    const res = await renew(account.id, code.id, owner);
    expect(res.status).toBe(200);
    const { qrcode } = (await res.json()) as { qrcode: QrCodeBody };
    expect(qrcode.scene).toBe(code.scene);
    expect(qrcode.ticket).not.toBe(code.ticket);
    expect(qrcode.state).toBe("active");
    expect(Math.round(((qrcode.expiresAt ?? 0) - Date.now()) / DAY)).toBe(5);

    const read = await call(codesPath(account.id, `/${code.id}`), { headers: owner });
    const detail = ((await read.json()) as { qrcode: QrCodeBody }).qrcode;
    expect(detail.numbers).toMatchObject({ scans: 2, scanners: 1, newFollowers: 1 });
    await scanCode(account.id, code.scene, "o_fan_2", "scan");
    const after = await call(codesPath(account.id, `/${code.id}`), { headers: owner });
    expect(((await after.json()) as { qrcode: QrCodeBody }).qrcode.numbers).toMatchObject({
      scans: 3,
      scanners: 2,
    });
  });

  it("answers 400 for a permanent code", async () => {
    const { owner, account } = await ownerWithAccount();
    const code = await createCode(account.id, { name: "P", kind: "permanent" }, owner);
    expect((await renew(account.id, code.id, owner)).status).toBe(400);
  });

  it("answers 409 while another renewal holds the code", async () => {
    const { owner, account } = await ownerWithAccount();
    const code = await createCode(account.id, { name: "A", kind: "temporary" }, owner);
    await env.DB.prepare("update qrcodes set renew_lease_until = ? where id = ?")
      .bind(Date.now() + 20_000, code.id)
      .run();
    expect((await renew(account.id, code.id, owner)).status).toBe(409);
  });

  it("keeps the old ticket and releases the lease when WeChat refuses", async () => {
    const { owner, account } = await ownerWithAccount();
    const code = await createCode(account.id, { name: "A", kind: "temporary" }, owner);
    await addFault(getDb(env.DB), account.appId, {
      path: "/cgi-bin/qrcode/create",
      errcode: 48001,
      delayMs: 0,
      times: 1,
    });
    const res = await renew(account.id, code.id, owner);
    expect(res.status).toBe(502);
    expect(((await res.json()) as ErrorBody).error.code).toBe("wechat_error");
    const row = await codeRow(code.id);
    expect(row?.ticket).toBe(code.ticket);
    expect(row?.renew_lease_until).toBeNull();
  });
});

describe("auto-renew (cron)", () => {
  it("renews auto-renew codes expiring within two days and leaves the others", async () => {
    const { owner, account } = await ownerWithAccount();
    const soon = await createCode(
      account.id,
      { name: "Soon", kind: "temporary", autoRenew: true },
      owner,
    );
    const later = await createCode(
      account.id,
      { name: "Later", kind: "temporary", autoRenew: true },
      owner,
    );
    const manual = await createCode(account.id, { name: "Manual", kind: "temporary" }, owner);
    const archived = await createCode(
      account.id,
      { name: "Shelved", kind: "temporary", autoRenew: true },
      owner,
    );
    await call(codesPath(account.id, `/${archived.id}/archive`), {
      method: "POST",
      headers: owner,
    });
    for (const c of [soon, manual, archived]) await setExpiry(c.id, Date.now() + DAY);

    const renewed = await autoRenewQrCodes(env, getDb(env.DB), Date.now());
    expect(renewed).toBeGreaterThanOrEqual(1);
    expect((await codeRow(soon.id))?.ticket).not.toBe(soon.ticket);
    expect((await codeRow(soon.id))?.scene).toBe(soon.scene);
    for (const c of [later, manual, archived]) expect((await codeRow(c.id))?.ticket).toBe(c.ticket);
  });

  it("sets a code WeChat refuses aside instead of retrying it every run", async () => {
    const { owner, account } = await ownerWithAccount();
    const code = await createCode(
      account.id,
      { name: "A", kind: "temporary", autoRenew: true },
      owner,
    );
    await setExpiry(code.id, Date.now() + DAY);
    await addFault(getDb(env.DB), account.appId, {
      path: "/cgi-bin/qrcode/create",
      errcode: 48001,
      delayMs: 0,
      times: 5,
    });
    const now = Date.now();
    await autoRenewQrCodes(env, getDb(env.DB), now);
    expect((await codeRow(code.id))?.renew_lease_until).toBeGreaterThan(now + 3600_000);
  });

  it("stops auto-renewing a code once it is edited off", async () => {
    const { owner, account } = await ownerWithAccount();
    const code = await createCode(
      account.id,
      { name: "A", kind: "temporary", autoRenew: true },
      owner,
    );
    await call(
      codesPath(account.id, `/${code.id}`),
      jsonInit("PATCH", { autoRenew: false }, owner),
    );
    await setExpiry(code.id, Date.now() + DAY);
    await autoRenewQrCodes(env, getDb(env.DB), Date.now());
    expect((await codeRow(code.id))?.ticket).toBe(code.ticket);
  });
});
