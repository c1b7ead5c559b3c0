import { describe, expect, it } from "vitest";
import { call, jsonInit } from "../helpers";
import { ownerWithAccount } from "../qrcodes/helpers";
import { onlyEntry, userIdOf } from "./helpers";

describe("audit entries of groups and tags", () => {
  it("records a group's creation, rename and deletion in its account", async () => {
    const { owner, account } = await ownerWithAccount();
    const userId = await userIdOf(owner);
    const path = `/api/accounts/${account.id}/groups`;
    const res = await call(path, jsonInit("POST", { name: "Windows" }, owner));
    const { group } = (await res.json()) as { group: { id: string } };
    await call(`${path}/${group.id}`, jsonInit("PATCH", { name: "Shop windows" }, owner));
    await call(`${path}/${group.id}`, { method: "DELETE", headers: owner });

    const expected = { entityType: "group", accountId: account.id, userId };
    expect(await onlyEntry(owner, group.id, "group.create")).toMatchObject({
      ...expected,
      after: { name: "Windows" },
    });
    expect(await onlyEntry(owner, group.id, "group.update")).toMatchObject({
      ...expected,
      before: { name: "Windows" },
      after: { name: "Shop windows" },
    });
    expect(await onlyEntry(owner, group.id, "group.delete")).toMatchObject({
      ...expected,
      before: { name: "Shop windows" },
      after: null,
    });
  });

  it("records a fan tag made on WeChat and a sync with the names before and after", async () => {
    const { owner, account } = await ownerWithAccount();
    const res = await call(
      `/api/accounts/${account.id}/fan-tags`,
      jsonInit("POST", { name: "VIP" }, owner),
    );
    expect(res.status).toBe(201);
    const { tag } = (await res.json()) as { tag: { id: number } };
    expect(await onlyEntry(owner, String(tag.id), "fan_tag.create")).toMatchObject({
      entityType: "fan_tag",
      accountId: account.id,
      after: { name: "VIP", wechatTagId: tag.id },
    });

    const synced = await call(`/api/accounts/${account.id}/fan-tags/sync`, {
      method: "POST",
      headers: owner,
    });
    expect(synced.status).toBe(200);
    const sync = await onlyEntry(owner, account.id, "fan_tag.sync");
    expect(sync.accountId).toBe(account.id);
    expect(sync.before?.names).toContain("VIP");
    expect(sync.after?.names).toContain("VIP");
  });

  it("records a member tag's creation with its name and colour, in no account", async () => {
    const { owner } = await ownerWithAccount();
    const name = `Regulars ${crypto.randomUUID().slice(0, 6)}`;
    const res = await call("/api/member-tags", jsonInit("POST", { name, color: "#1a7f37" }, owner));
    expect(res.status).toBe(201);
    const { tag } = (await res.json()) as { tag: { id: string } };
    expect(await onlyEntry(owner, tag.id, "member_tag.create")).toMatchObject({
      entityType: "member_tag",
      accountId: null,
      after: { name, color: "#1a7f37" },
    });
  });
});
