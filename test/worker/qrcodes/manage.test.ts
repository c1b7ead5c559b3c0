import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, jsonInit } from "../helpers";
import {
  codesPath,
  createCode,
  type ErrorBody,
  ownerWithAccount,
  type QrCodeBody,
  scanCode,
} from "./helpers";

type ListBody = { items: QrCodeBody[]; total: number };
const DAY = 86_400_000;

async function list(accountId: string, query: string, headers: Record<string, string>) {
  const res = await call(codesPath(accountId, `?${query}`), { headers });
  expect(res.status).toBe(200);
  return (await res.json()) as ListBody;
}

async function setExpiry(id: string, expiresAt: number) {
  await env.DB.prepare("update qrcodes set expires_at = ? where id = ?").bind(expiresAt, id).run();
}

/** `scanners` fans scan the code, the first `newFollowers` of them following through it. */
async function addScanners(
  code: QrCodeBody,
  accountId: string,
  scanners: number,
  newFollowers: number,
) {
  for (let i = 0; i < scanners; i++) {
    await scanCode(
      accountId,
      code.scene,
      `o_${code.id}_${i}`,
      i < newFollowers ? "subscribe" : "scan",
    );
  }
}

describe("GET /api/accounts/{accountId}/qrcodes", () => {
  it("searches names, filters by kind, group and status, sorts and pages", async () => {
    const { owner, account } = await ownerWithAccount();
    const a = await createCode(
      account.id,
      { name: "Shanghai Store", kind: "temporary", newGroupName: "East" },
      owner,
    );
    const b = await createCode(account.id, { name: "Beijing Store", kind: "permanent" }, owner);
    const c = await createCode(account.id, { name: "Poster", kind: "temporary" }, owner);
    const d = await createCode(account.id, { name: "Old flyer", kind: "temporary" }, owner);
    await setExpiry(c.id, Date.now() + DAY);
    await setExpiry(d.id, Date.now() - DAY);

    expect((await list(account.id, "q=store", owner)).items.map((i) => i.id).sort()).toEqual(
      [a.id, b.id].sort(),
    );
    expect((await list(account.id, "kind=permanent", owner)).items.map((i) => i.id)).toEqual([
      b.id,
    ]);
    expect((await list(account.id, `groupId=${a.groupId}`, owner)).items.map((i) => i.id)).toEqual([
      a.id,
    ]);
    expect((await list(account.id, "groupId=none", owner)).total).toBe(3);
    expect((await list(account.id, "status=expiring", owner)).items.map((i) => i.id)).toEqual([
      c.id,
    ]);
    expect((await list(account.id, "status=expired", owner)).items.map((i) => i.id)).toEqual([
      d.id,
    ]);
    expect((await list(account.id, "status=active", owner)).items.map((i) => i.id).sort()).toEqual(
      [a.id, b.id, c.id].sort(),
    );
    const byName = await list(account.id, "sort=name&order=asc&pageSize=2&page=2", owner);
    expect(byName.total).toBe(4);
    expect(byName.items.map((i) => i.name)).toEqual(["Poster", "Shanghai Store"]);
    const byExpiry = await list(account.id, "sort=expiresAt&order=asc", owner);
    expect(byExpiry.items.map((i) => i.id).slice(0, 2)).toEqual([d.id, c.id]);
  });

  it("carries each code's numbers and sorts by scanners and new followers", async () => {
    const { owner, account } = await ownerWithAccount();
    const a = await createCode(account.id, { name: "A", kind: "temporary" }, owner);
    const b = await createCode(account.id, { name: "B", kind: "temporary" }, owner);
    await addScanners(a, account.id, 3, 0);
    await addScanners(b, account.id, 2, 2);
    const byScanners = await list(account.id, "sort=scanners&order=desc", owner);
    expect(byScanners.items.map((i) => i.name)).toEqual(["A", "B"]);
    expect(byScanners.items[0]?.numbers).toMatchObject({
      scans: 3,
      scanners: 3,
      newFollowers: 0,
      oldFans: 3,
    });
    expect(byScanners.items[1]?.numbers).toMatchObject({
      scans: 2,
      scanners: 2,
      newFollowers: 2,
      oldFans: 0,
    });
    const byFollowers = await list(account.id, "sort=newFollowers&order=desc", owner);
    expect(byFollowers.items.map((i) => i.name)).toEqual(["B", "A"]);
  });

  it("leaves out deleted codes and other accounts' codes", async () => {
    const { owner, account } = await ownerWithAccount();
    const other = await ownerWithAccount();
    await createCode(other.account.id, { name: "Theirs", kind: "temporary" }, owner);
    const mine = await createCode(account.id, { name: "Mine", kind: "temporary" }, owner);
    const gone = await createCode(account.id, { name: "Gone", kind: "temporary" }, owner);
    await call(codesPath(account.id, `/${gone.id}`), { method: "DELETE", headers: owner });
    const page = await list(account.id, "", owner);
    expect(page.items.map((i) => i.id)).toEqual([mine.id]);
  });

  it.each([
    ["a page size over 100", "pageSize=101"],
    ["page 0", "page=0"],
    ["an unknown sort", "sort=color"],
    ["an unknown status", "status=lost"],
    ["an unknown kind", "kind=weekly"],
  ])("answers 400 for %s", async (_label, query) => {
    const { owner, account } = await ownerWithAccount();
    const res = await call(codesPath(account.id, `?${query}`), { headers: owner });
    expect(res.status).toBe(400);
  });
});

describe("GET, PATCH and DELETE /api/accounts/{accountId}/qrcodes/{id}", () => {
  it("edits everything but the kind", async () => {
    const { owner, account } = await ownerWithAccount();
    const code = await createCode(account.id, { name: "Old", kind: "temporary" }, owner);
    const res = await call(
      codesPath(account.id, `/${code.id}`),
      jsonInit(
        "PATCH",
        {
          name: "New",
          validityDays: 5,
          autoRenew: true,
          newGroupName: "Moved",
          reply: [{ type: "text", content: "Hello" }],
        },
        owner,
      ),
    );
    expect(res.status).toBe(200);
    const { qrcode } = (await res.json()) as { qrcode: QrCodeBody };
    expect(qrcode).toMatchObject({
      name: "New",
      validityDays: 5,
      autoRenew: true,
      groupName: "Moved",
    });
    expect(qrcode.scene).toBe(code.scene);
    expect(qrcode.ticket).toBe(code.ticket);
  });

  it.each([
    ["a change of kind", { kind: "permanent" }],
    ["an empty name", { name: "" }],
    ["a validity of 40 days", { validityDays: 40 }],
    ["a scene", { scene: "99" }],
  ])("answers 400 for %s", async (_label, body) => {
    const { owner, account } = await ownerWithAccount();
    const code = await createCode(account.id, { name: "A", kind: "temporary" }, owner);
    const res = await call(codesPath(account.id, `/${code.id}`), jsonInit("PATCH", body, owner));
    expect(res.status).toBe(400);
  });

  it("answers 400 for auto-renew on a permanent code", async () => {
    const { owner, account } = await ownerWithAccount();
    const code = await createCode(account.id, { name: "P", kind: "permanent" }, owner);
    const res = await call(
      codesPath(account.id, `/${code.id}`),
      jsonInit("PATCH", { autoRenew: true }, owner),
    );
    expect(res.status).toBe(400);
  });

  it("keeps a deleted code's row and scene, and answers 404 for it afterwards", async () => {
    const { owner, account } = await ownerWithAccount();
    const code = await createCode(account.id, { name: "A", kind: "temporary" }, owner);
    expect(
      (await call(codesPath(account.id, `/${code.id}`), { method: "DELETE", headers: owner }))
        .status,
    ).toBe(204);
    expect((await call(codesPath(account.id, `/${code.id}`), { headers: owner })).status).toBe(404);
    expect(
      (await call(codesPath(account.id, `/${code.id}`), { method: "DELETE", headers: owner }))
        .status,
    ).toBe(404);
    const row = await env.DB.prepare("select scene, deleted_at from qrcodes where id = ?")
      .bind(code.id)
      .first<{ scene: string; deleted_at: number | null }>();
    expect(row?.scene).toBe(code.scene);
    expect(row?.deleted_at).not.toBeNull();
  });

  it.each([
    ["GET", ""],
    ["PATCH", ""],
    ["DELETE", ""],
    ["POST", "/archive"],
    ["POST", "/renew"],
    ["GET", "/image"],
  ])("answers 404 to %s%s for a code of another account", async (method, suffix) => {
    const { owner, account } = await ownerWithAccount();
    const other = await ownerWithAccount();
    const theirs = await createCode(other.account.id, { name: "Theirs", kind: "temporary" }, owner);
    const init =
      method === "PATCH"
        ? jsonInit("PATCH", { name: "Mine now" }, owner)
        : { method, headers: owner };
    const res = await call(codesPath(account.id, `/${theirs.id}${suffix}`), init);
    expect(res.status).toBe(404);
    const still = await call(codesPath(other.account.id, `/${theirs.id}`), { headers: owner });
    expect(((await still.json()) as { qrcode: QrCodeBody }).qrcode.name).toBe("Theirs");
  });

  it("answers 404 to a user not granted the account, and 403 to a read-only token", async () => {
    const { owner, account } = await ownerWithAccount();
    const code = await createCode(account.id, { name: "A", kind: "temporary" }, owner);
    const { createUserWithToken } = await import("../factories/users");
    const stranger = await createUserWithToken("operator");
    expect(
      (await call(codesPath(account.id, `/${code.id}`), { headers: stranger.headers })).status,
    ).toBe(404);
    const reader = await createUserWithToken("operator", {
      accountIds: [account.id],
      scope: "read",
    });
    expect(
      (await call(codesPath(account.id, `/${code.id}`), { headers: reader.headers })).status,
    ).toBe(200);
    const res = await call(codesPath(account.id, `/${code.id}`), {
      method: "DELETE",
      headers: reader.headers,
    });
    expect(res.status).toBe(403);
  });
});

describe("archive, unarchive, bulk-delete and move", () => {
  it("archives a code out of the active list and brings it back", async () => {
    const { owner, account } = await ownerWithAccount();
    const code = await createCode(account.id, { name: "A", kind: "temporary" }, owner);
    const archived = await call(codesPath(account.id, `/${code.id}/archive`), {
      method: "POST",
      headers: owner,
    });
    expect(((await archived.json()) as { qrcode: QrCodeBody }).qrcode.state).toBe("archived");
    expect((await list(account.id, "status=active", owner)).total).toBe(0);
    expect((await list(account.id, "status=archived", owner)).total).toBe(1);
    await call(codesPath(account.id, `/${code.id}/unarchive`), { method: "POST", headers: owner });
    expect((await list(account.id, "status=active", owner)).total).toBe(1);
  });

  it("bulk-deletes only the caller's account's codes", async () => {
    const { owner, account } = await ownerWithAccount();
    const other = await ownerWithAccount();
    const a = await createCode(account.id, { name: "A", kind: "temporary" }, owner);
    const b = await createCode(account.id, { name: "B", kind: "temporary" }, owner);
    const keep = await createCode(account.id, { name: "Keep", kind: "temporary" }, owner);
    const theirs = await createCode(other.account.id, { name: "T", kind: "temporary" }, owner);
    const res = await call(
      codesPath(account.id, "/bulk-delete"),
      jsonInit("POST", { ids: [a.id, b.id, theirs.id, "qr_unknown"] }, owner),
    );
    expect(await res.json()).toEqual({ count: 2 });
    expect((await list(account.id, "", owner)).items.map((i) => i.id)).toEqual([keep.id]);
    expect((await list(other.account.id, "", owner)).total).toBe(1);
  });

  it("moves codes to a group and back to none", async () => {
    const { owner, account } = await ownerWithAccount();
    const a = await createCode(account.id, { name: "A", kind: "temporary" }, owner);
    const group = await call(
      `/api/accounts/${account.id}/groups`,
      jsonInit("POST", { name: "G" }, owner),
    );
    const { group: g } = (await group.json()) as { group: { id: string } };
    const moved = await call(
      codesPath(account.id, "/move"),
      jsonInit("POST", { ids: [a.id], groupId: g.id }, owner),
    );
    expect(await moved.json()).toEqual({ count: 1 });
    expect((await list(account.id, `groupId=${g.id}`, owner)).total).toBe(1);
    await call(
      codesPath(account.id, "/move"),
      jsonInit("POST", { ids: [a.id], groupId: null }, owner),
    );
    expect((await list(account.id, "groupId=none", owner)).total).toBe(1);
  });

  it("answers 404 when moving into another account's group", async () => {
    const { owner, account } = await ownerWithAccount();
    const other = await ownerWithAccount();
    const a = await createCode(account.id, { name: "A", kind: "temporary" }, owner);
    const group = await call(
      `/api/accounts/${other.account.id}/groups`,
      jsonInit("POST", { name: "G" }, owner),
    );
    const { group: g } = (await group.json()) as { group: { id: string } };
    const res = await call(
      codesPath(account.id, "/move"),
      jsonInit("POST", { ids: [a.id], groupId: g.id }, owner),
    );
    expect(res.status).toBe(404);
  });

  it.each([
    ["no ids", { ids: [] }],
    ["501 ids", { ids: Array.from({ length: 501 }, (_, i) => `qr_${i}`) }],
    ["ids that are not strings", { ids: [1, 2] }],
  ])("bulk-delete answers 400 for %s", async (_label, body) => {
    const { owner, account } = await ownerWithAccount();
    const res = await call(codesPath(account.id, "/bulk-delete"), jsonInit("POST", body, owner));
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.code).toBe("bad_request");
  });
});
