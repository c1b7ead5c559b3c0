import { describe, expect, it } from "vitest";
import { call, jsonInit } from "../helpers";
import { codesPath, createCode, ownerWithAccount, type QrCodeBody } from "./helpers";

type GroupBody = { group: { id: string; name: string; codeCount: number } };

function groupsPath(accountId: string, rest = "") {
  return `/api/accounts/${accountId}/groups${rest}`;
}

async function createGroup(accountId: string, name: string, headers: Record<string, string>) {
  const res = await call(groupsPath(accountId), jsonInit("POST", { name }, headers));
  expect(res.status).toBe(201);
  return ((await res.json()) as GroupBody).group;
}

describe("/api/accounts/{accountId}/groups", () => {
  it("lists groups with their live code counts", async () => {
    const { owner, account } = await ownerWithAccount();
    const g = await createGroup(account.id, "Stores", owner);
    await createGroup(account.id, "Empty", owner);
    await createCode(account.id, { name: "A", kind: "temporary", groupId: g.id }, owner);
    const gone = await createCode(
      account.id,
      { name: "B", kind: "temporary", groupId: g.id },
      owner,
    );
    await call(codesPath(account.id, `/${gone.id}`), { method: "DELETE", headers: owner });
    const res = await call(groupsPath(account.id), { headers: owner });
    const { groups } = (await res.json()) as { groups: GroupBody["group"][] };
    expect(groups.map((x) => [x.name, x.codeCount])).toEqual([
      ["Empty", 0],
      ["Stores", 1],
    ]);
  });

  it("answers 409 for a duplicate name, on create and on rename", async () => {
    const { owner, account } = await ownerWithAccount();
    await createGroup(account.id, "A", owner);
    const b = await createGroup(account.id, "B", owner);
    expect(
      (await call(groupsPath(account.id), jsonInit("POST", { name: "A" }, owner))).status,
    ).toBe(409);
    const rename = await call(
      groupsPath(account.id, `/${b.id}`),
      jsonInit("PATCH", { name: "A" }, owner),
    );
    expect(rename.status).toBe(409);
  });

  it("renames a group", async () => {
    const { owner, account } = await ownerWithAccount();
    const g = await createGroup(account.id, "Old", owner);
    const res = await call(
      groupsPath(account.id, `/${g.id}`),
      jsonInit("PATCH", { name: "New" }, owner),
    );
    expect(((await res.json()) as GroupBody).group.name).toBe("New");
  });

  it("moves a deleted group's codes to no group", async () => {
    const { owner, account } = await ownerWithAccount();
    const g = await createGroup(account.id, "Doomed", owner);
    const code = await createCode(
      account.id,
      { name: "A", kind: "temporary", groupId: g.id },
      owner,
    );
    const del = await call(groupsPath(account.id, `/${g.id}`), {
      method: "DELETE",
      headers: owner,
    });
    expect(del.status).toBe(204);
    const read = await call(codesPath(account.id, `/${code.id}`), { headers: owner });
    expect(((await read.json()) as { qrcode: QrCodeBody }).qrcode.groupId).toBeNull();
  });

  it.each([
    ["PATCH", jsonInit("PATCH", { name: "Mine" }, {})],
    ["DELETE", { method: "DELETE" }],
  ])("answers 404 to %s on another account's group", async (_method, init) => {
    const { owner, account } = await ownerWithAccount();
    const other = await ownerWithAccount();
    const theirs = await createGroup(other.account.id, "Theirs", owner);
    const headers = { ...(init.headers as Record<string, string>), ...owner };
    const res = await call(groupsPath(account.id, `/${theirs.id}`), { ...init, headers });
    expect(res.status).toBe(404);
  });

  it.each([
    ["an empty name", { name: " " }],
    ["a name of 65 characters", { name: "g".repeat(65) }],
    ["no name", {}],
  ])("answers 400 for %s", async (_label, body) => {
    const { owner, account } = await ownerWithAccount();
    expect((await call(groupsPath(account.id), jsonInit("POST", body, owner))).status).toBe(400);
  });
});
