import { describe, expect, it } from "vitest";
import { call, jsonInit } from "../helpers";
import { codesPath, createCode, ownerWithAccount } from "../qrcodes/helpers";
import { confirmImport, previewNames, waitForJob } from "../qrcodes/import-helpers";
import { auditEntries, onlyEntry, userIdOf } from "./helpers";

async function newGroup(accountId: string, headers: Record<string, string>, name: string) {
  const res = await call(`/api/accounts/${accountId}/groups`, jsonInit("POST", { name }, headers));
  return ((await res.json()) as { group: { id: string } }).group.id;
}

describe("audit entries of QR codes", () => {
  it("records creation with the settings, then an edit of reply, tags and auto-renew as only what changed", async () => {
    const { owner, account } = await ownerWithAccount();
    const userId = await userIdOf(owner);
    const code = await createCode(account.id, { name: "Door", kind: "temporary" }, owner);
    const create = await onlyEntry(owner, code.id, "qrcode.create");
    expect(create).toMatchObject({ entityType: "qrcode", accountId: account.id, userId });
    expect(create.after).toMatchObject({ name: "Door", kind: "temporary", scene: code.scene });

    const reply = [{ type: "text", content: "Welcome in" }];
    const res = await call(
      codesPath(account.id, `/${code.id}`),
      jsonInit("PATCH", { name: "Door", reply, autoRenew: true, fanTagIds: [] }, owner),
    );
    expect(res.status).toBe(200);
    const update = await onlyEntry(owner, code.id, "qrcode.update");
    expect(update.before).toEqual({ reply: [], autoRenew: false });
    expect(update.after).toEqual({ reply, autoRenew: true });
  });

  it("records archive and unarchive with the status, and no entry for archiving an archived code", async () => {
    const { owner, account } = await ownerWithAccount();
    const code = await createCode(account.id, { name: "Shelf", kind: "permanent" }, owner);
    await call(codesPath(account.id, `/${code.id}/archive`), { method: "POST", headers: owner });
    await call(codesPath(account.id, `/${code.id}/archive`), { method: "POST", headers: owner });
    const archive = await onlyEntry(owner, code.id, "qrcode.archive");
    expect(archive).toMatchObject({
      accountId: account.id,
      before: { name: "Shelf", status: "active" },
      after: { name: "Shelf", status: "archived" },
    });
    await call(codesPath(account.id, `/${code.id}/unarchive`), { method: "POST", headers: owner });
    const back = await onlyEntry(owner, code.id, "qrcode.unarchive");
    expect(back.after).toEqual({ name: "Shelf", status: "active" });
  });

  it("records a renewal with the old and new expiry", async () => {
    const { owner, account } = await ownerWithAccount();
    const code = await createCode(account.id, { name: "Flyer", kind: "temporary" }, owner);
    const res = await call(codesPath(account.id, `/${code.id}/renew`), {
      method: "POST",
      headers: owner,
    });
    expect(res.status).toBe(200);
    const renew = await onlyEntry(owner, code.id, "qrcode.renew");
    expect(renew.accountId).toBe(account.id);
    expect(renew.before).toMatchObject({ expiresAt: code.expiresAt, renewedAt: null });
    expect(renew.after?.renewedAt).toEqual(expect.any(Number));
  });

  it("records a move as one entry per code that changed group, with where it came from", async () => {
    const { owner, account } = await ownerWithAccount();
    const from = await newGroup(account.id, owner, "Old shelf");
    const to = await newGroup(account.id, owner, "New shelf");
    const a = await createCode(account.id, { name: "A", kind: "permanent", groupId: from }, owner);
    const b = await createCode(account.id, { name: "B", kind: "permanent" }, owner);
    const c = await createCode(account.id, { name: "C", kind: "permanent", groupId: to }, owner);
    const res = await call(
      codesPath(account.id, "/move"),
      jsonInit("POST", { ids: [a.id, b.id, c.id], groupId: to }, owner),
    );
    expect(((await res.json()) as { count: number }).count).toBe(3);
    const moves = (await auditEntries(owner, { accountId: account.id })).filter(
      (e) => e.action === "qrcode.move",
    );
    expect(moves.map((m) => m.entityId).sort()).toEqual([a.id, b.id].sort());
    const moveA = moves.find((m) => m.entityId === a.id);
    expect(moveA).toMatchObject({
      accountId: account.id,
      before: { name: "A", groupId: from },
      after: { name: "A", groupId: to },
    });
    expect(moves.find((m) => m.entityId === b.id)?.before).toEqual({ name: "B", groupId: null });
  });

  it("records a bulk delete as one entry per deleted code and a single delete alike", async () => {
    const { owner, account } = await ownerWithAccount();
    const userId = await userIdOf(owner);
    const a = await createCode(account.id, { name: "Gone A", kind: "permanent" }, owner);
    const b = await createCode(account.id, { name: "Gone B", kind: "permanent" }, owner);
    const c = await createCode(account.id, { name: "Gone C", kind: "permanent" }, owner);
    const bulk = await call(
      codesPath(account.id, "/bulk-delete"),
      jsonInit("POST", { ids: [a.id, b.id, "qr_not_there"] }, owner),
    );
    expect(((await bulk.json()) as { count: number }).count).toBe(2);
    for (const code of [a, b]) {
      const entry = await onlyEntry(owner, code.id, "qrcode.delete");
      expect(entry).toMatchObject({
        entityType: "qrcode",
        accountId: account.id,
        userId,
        before: { name: code.name, scene: code.scene },
        after: null,
      });
    }
    await call(codesPath(account.id, `/${c.id}`), { method: "DELETE", headers: owner });
    const single = await onlyEntry(owner, c.id, "qrcode.delete");
    expect(single.before).toEqual({ name: "Gone C", scene: c.scene });
    expect(await auditEntries(owner, { entityId: "qr_not_there" })).toEqual([]);
  });

  it("records a confirmed import once, with its job and count, not one entry per code", async () => {
    const { owner, account } = await ownerWithAccount();
    const preview = await previewNames(account.id, "name\nOne\nTwo\nThree\n", "names.csv", owner);
    const first = await confirmImport(account.id, preview.id, { kind: "permanent" }, owner);
    const { job } = (await first.json()) as { job: { id: string } };
    await confirmImport(account.id, preview.id, { kind: "permanent" }, owner);
    await waitForJob(job.id, owner);
    const entry = await onlyEntry(owner, preview.id, "qrcode.import");
    expect(entry).toMatchObject({
      entityType: "import",
      accountId: account.id,
      after: { jobId: job.id, count: 3, fileName: "names.csv", kind: "permanent" },
    });
    const creates = (await auditEntries(owner, { accountId: account.id })).filter(
      (e) => e.action === "qrcode.create",
    );
    expect(creates).toEqual([]);
  });
});
