import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { getDb } from "../../../src/db/client";
import { addFault } from "../../../src/sandbox/faults";
import { call, jsonInit } from "../helpers";
import {
  codesPath,
  createCode,
  type ErrorBody,
  ownerWithAccount,
  postCode,
  type QrCodeBody,
  sandboxCreateCalls,
  storedCodeCount,
} from "./helpers";

const DAY = 86_400_000;

describe("POST /api/accounts/{accountId}/qrcodes", () => {
  it("creates a temporary code with a numeric scene, a ticket, and a 30-day expiry by default", async () => {
    const { owner, account } = await ownerWithAccount();
    const before = Date.now();
    const code = await createCode(
      account.id,
      { name: "  Store counter  ", kind: "temporary" },
      owner,
    );
    expect(code).toMatchObject({
      name: "Store counter",
      kind: "temporary",
      scene: "1",
      actionName: "QR_SCENE",
      validityDays: 30,
      state: "active",
    });
    expect(code.url).toMatch(/^http:\/\/weixin\.qq\.com\/q\//);
    expect(code.ticket).toBeTruthy();
    expect(code.expiresAt ?? 0).toBeGreaterThanOrEqual(before + 30 * DAY);
    expect(code.expiresAt ?? 0).toBeLessThanOrEqual(Date.now() + 30 * DAY);
    expect(code.liveUrl).toMatch(/\/q\/[0-9a-z]{32}\.png$/);
  });

  it("creates a permanent code without expiry using QR_LIMIT_SCENE", async () => {
    const { owner, account } = await ownerWithAccount();
    const code = await createCode(account.id, { name: "Poster", kind: "permanent" }, owner);
    expect(code).toMatchObject({
      kind: "permanent",
      actionName: "QR_LIMIT_SCENE",
      expiresAt: null,
    });
    expect(code.validityDays).toBeNull();
  });

  it("uses the validity given for a temporary code", async () => {
    const { owner, account } = await ownerWithAccount();
    const code = await createCode(
      account.id,
      { name: "Week", kind: "temporary", validityDays: 7 },
      owner,
    );
    expect(Math.round(((code.expiresAt ?? 0) - Date.now()) / DAY)).toBe(7);
  });

  it("hands out each scene once, also after a code is deleted", async () => {
    const { owner, account } = await ownerWithAccount();
    const a = await createCode(account.id, { name: "A", kind: "temporary" }, owner);
    await call(codesPath(account.id, `/${a.id}`), { method: "DELETE", headers: owner });
    const b = await createCode(account.id, { name: "B", kind: "permanent" }, owner);
    const c = await createCode(account.id, { name: "C", kind: "temporary" }, owner);
    expect([a.scene, b.scene, c.scene]).toEqual(["1", "2", "3"]);
  });

  it("switches to QR_LIMIT_STR_SCENE for a permanent code once scene numbers pass 100000", async () => {
    const { owner, account } = await ownerWithAccount();
    await env.DB.prepare("update accounts set scene_seq = 100000 where id = ?")
      .bind(account.id)
      .run();
    const code = await createCode(account.id, { name: "Late", kind: "permanent" }, owner);
    expect(code).toMatchObject({ scene: "100001", actionName: "QR_LIMIT_STR_SCENE" });
  });

  it("answers the same code for a retried Idempotency-Key and asks WeChat once", async () => {
    const { owner, account } = await ownerWithAccount();
    const headers = { ...owner, "Idempotency-Key": "req-42" };
    const first = await postCode(account.id, { name: "Once", kind: "temporary" }, headers);
    const again = await postCode(account.id, { name: "Once", kind: "temporary" }, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    const [a, b] = [
      ((await first.json()) as { qrcode: QrCodeBody }).qrcode,
      ((await again.json()) as { qrcode: QrCodeBody }).qrcode,
    ];
    expect(b.id).toBe(a.id);
    expect(b.ticket).toBe(a.ticket);
    expect(await sandboxCreateCalls(account.appId)).toBe(1);
    expect(await storedCodeCount(account.id)).toBe(1);
  });

  it("asks WeChat once when requests with one Idempotency-Key race", async () => {
    const { owner, account } = await ownerWithAccount();
    const headers = { ...owner, "Idempotency-Key": "race-7" };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        postCode(account.id, { name: "Raced", kind: "permanent" }, headers),
      ),
    );
    // One creates; the others answer its code, or 409 if it took longer than they wait.
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.every((s) => [200, 201, 409].includes(s))).toBe(true);
    const bodies = await Promise.all(
      answers.map(async (r) => (await r.json()) as { qrcode?: QrCodeBody }),
    );
    const ids = bodies.flatMap((b) => (b.qrcode ? [b.qrcode.id] : []));
    expect(new Set(ids).size).toBe(1);
    expect(await sandboxCreateCalls(account.appId)).toBe(1);
    expect(await storedCodeCount(account.id)).toBe(1);
  });

  it("lets a key whose request WeChat refused be tried again", async () => {
    const { owner, account } = await ownerWithAccount();
    const headers = { ...owner, "Idempotency-Key": "again-9" };
    const body = { name: "Retry me", kind: "temporary", groupId: "grp_missing" };
    expect((await postCode(account.id, body, headers)).status).toBe(404);
    const { groupId: _missing, ...fixed } = body;
    expect((await postCode(account.id, fixed, headers)).status).toBe(201);
  });

  it("makes a group from newGroupName once and reuses it by name", async () => {
    const { owner, account } = await ownerWithAccount();
    const a = await createCode(
      account.id,
      { name: "A", kind: "temporary", newGroupName: "Stores" },
      owner,
    );
    const b = await createCode(
      account.id,
      { name: "B", kind: "temporary", newGroupName: "Stores" },
      owner,
    );
    expect(a.groupId).toBeTruthy();
    expect(b.groupId).toBe(a.groupId);
  });

  it.each([
    ["an empty name", { name: "   ", kind: "temporary" }],
    ["a name of 65 characters", { name: "x".repeat(65), kind: "temporary" }],
    ["a missing kind", { name: "A" }],
    ["an unknown kind", { name: "A", kind: "forever" }],
    ["a validity of 0 days", { name: "A", kind: "temporary", validityDays: 0 }],
    ["a validity of 31 days", { name: "A", kind: "temporary", validityDays: 31 }],
    ["a validity on a permanent code", { name: "A", kind: "permanent", validityDays: 5 }],
    [
      "both groupId and newGroupName",
      { name: "A", kind: "temporary", groupId: "grp_x", newGroupName: "G" },
    ],
    ["a fan tag the account does not have", { name: "A", kind: "temporary", fanTagIds: [101] }],
    ["a member tag that does not exist", { name: "A", kind: "temporary", memberTagIds: ["mtg_x"] }],
    [
      "a reply of five messages",
      { name: "A", kind: "temporary", reply: Array(5).fill({ type: "text", content: "hi" }) },
    ],
    ["a reply message of unknown type", { name: "A", kind: "temporary", reply: [{ type: "gif" }] }],
  ])("answers 400 for %s and stores nothing", async (_label, body) => {
    const { owner, account } = await ownerWithAccount();
    const res = await postCode(account.id, body, owner);
    expect(res.status).toBe(400);
    expect(await storedCodeCount(account.id)).toBe(0);
    expect(await sandboxCreateCalls(account.appId)).toBe(0);
  });

  it("answers 404 for a group of another account", async () => {
    const { owner, account } = await ownerWithAccount();
    const other = await ownerWithAccount();
    const group = await call(
      `/api/accounts/${other.account.id}/groups`,
      jsonInit("POST", { name: "G" }, owner),
    );
    const { group: g } = (await group.json()) as { group: { id: string } };
    const res = await postCode(account.id, { name: "A", kind: "temporary", groupId: g.id }, owner);
    expect(res.status).toBe(404);
  });

  it.each([
    [48001, 502, "wechat_error", /verified Service Account/],
    [-1, 503, "wechat_unavailable", /busy/],
    [45029, 409, "limit_exceeded", /100,000/],
  ])("maps WeChat error %i to %i %s and stores no code", async (errcode, status, code, message) => {
    const { owner, account } = await ownerWithAccount();
    await addFault(getDb(env.DB), account.appId, {
      path: "/cgi-bin/qrcode/create",
      errcode,
      delayMs: 0,
      times: 1,
    });
    const res = await postCode(account.id, { name: "A", kind: "permanent" }, owner);
    expect(res.status).toBe(status);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe(code);
    expect(body.error.message).toMatch(message);
    expect(await storedCodeCount(account.id)).toBe(0);
  });

  it("answers 404 for an account the caller may not see", async () => {
    const { owner } = await ownerWithAccount();
    const res = await postCode("acc_notmine000000000", { name: "A", kind: "temporary" }, owner);
    expect(res.status).toBe(404);
  });
});

describe("the permanent code cap", () => {
  it("lets the 100,000th permanent code through and refuses the next before asking WeChat", async () => {
    const { owner, account } = await ownerWithAccount();
    await env.DB.prepare(
      `with recursive n(i) as (select 1 union all select i + 1 from n where i < 99999)
       insert into qrcodes (id, account_id, name, kind, scene, action_name, live_token, created_at, updated_at)
       select 'bulk_' || i, ?1, 'bulk ' || i, 'permanent', 'x' || i, 'QR_LIMIT_SCENE', ?1 || '_' || i, 0, 0 from n`,
    )
      .bind(account.id)
      .run();

    const last = await postCode(account.id, { name: "Last", kind: "permanent" }, owner);
    expect(last.status).toBe(201);
    const over = await postCode(account.id, { name: "Over", kind: "permanent" }, owner);
    expect(over.status).toBe(409);
    expect(((await over.json()) as ErrorBody).error.code).toBe("limit_exceeded");
    expect(await sandboxCreateCalls(account.appId)).toBe(1);

    const temporary = await postCode(account.id, { name: "Still fine", kind: "temporary" }, owner);
    expect(temporary.status).toBe(201);
  });
});
