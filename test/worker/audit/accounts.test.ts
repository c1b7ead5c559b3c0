import { describe, expect, it } from "vitest";
import { randomEncodingAesKey } from "../factories/wechat-accounts";
import { call, jsonInit, ownerTokenHeaders } from "../helpers";
import { onlyEntry, userIdOf, wholeAuditLogText } from "./helpers";

const hex = (n: number) =>
  [...crypto.getRandomValues(new Uint8Array(n))].map((b) => b.toString(16).padStart(2, "0"));
const appId = () => `wx${hex(8).join("")}`;

describe("audit entries of accounts", () => {
  it("records creation, an update of only the changed fields, and deletion, with the account and the user", async () => {
    const owner = await ownerTokenHeaders();
    const userId = await userIdOf(owner);
    const secrets = {
      appSecret: `sec${hex(12).join("")}`,
      token: `tok${hex(6).join("")}`,
      encodingAesKey: randomEncodingAesKey(),
    };
    const created = await call(
      "/api/accounts",
      jsonInit("POST", { name: "Audited store", appId: appId(), ...secrets }, owner),
    );
    expect(created.status).toBe(201);
    const { account } = (await created.json()) as { account: { id: string; appId: string } };

    const create = await onlyEntry(owner, account.id, "account.create");
    expect(create).toMatchObject({ entityType: "account", accountId: account.id, userId });
    expect(create.after).toMatchObject({
      name: "Audited store",
      appId: account.appId,
      appSecret: "[redacted]",
      token: "[redacted]",
      encodingAesKey: "[redacted]",
    });

    const newSecret = `new${hex(12).join("")}`;
    const patched = await call(
      `/api/accounts/${account.id}`,
      jsonInit("PATCH", { name: "Audited store 2", appSecret: newSecret }, owner),
    );
    expect(patched.status).toBe(200);
    const update = await onlyEntry(owner, account.id, "account.update");
    expect(update.before).toEqual({ name: "Audited store" });
    expect(update.after).toEqual({ name: "Audited store 2", appSecret: "[redacted]" });

    expect(
      (await call(`/api/accounts/${account.id}`, { method: "DELETE", headers: owner })).status,
    ).toBe(204);
    const deleted = await onlyEntry(owner, account.id, "account.delete");
    expect(deleted).toMatchObject({ accountId: account.id, userId, after: null });
    expect(deleted.before).toMatchObject({ name: "Audited store 2", appId: account.appId });

    const log = await wholeAuditLogText();
    for (const value of [...Object.values(secrets), newSecret]) expect(log).not.toContain(value);
  });

  it("records no entry for an update that changes nothing", async () => {
    const owner = await ownerTokenHeaders();
    const res = await call(
      "/api/accounts",
      jsonInit("POST", { name: "Unchanged", isSandbox: true }, owner),
    );
    const { account } = (await res.json()) as { account: { id: string } };
    await call(`/api/accounts/${account.id}`, jsonInit("PATCH", { name: "Unchanged" }, owner));
    await expect(onlyEntry(owner, account.id, "account.update")).rejects.toThrow(/found 0/);
  });
});
