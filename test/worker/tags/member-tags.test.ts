import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../../src/db/client";
import { contactMemberTags, contacts, fans, pendingMemberTags } from "../../../src/db/schema";
import { applyPendingMemberTags } from "../../../src/tags/apply-member-tags";
import { call, jsonInit } from "../helpers";
import { createCode, eventually, sandboxSetup, simulate } from "../replies/helpers";

const db = getDb(env.DB);

async function createMemberTag(headers: Record<string, string>, name: string) {
  const res = await call("/api/member-tags", jsonInit("POST", { name }, headers));
  if (res.status !== 201) throw new Error(`member tag failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { tag: { id: string } }).tag;
}

describe("member tags from a scan", () => {
  it("wait for a fan without a contact, then move to the contact it gets", async () => {
    const { account, headers } = await sandboxSetup();
    const tag = await createMemberTag(headers, `VIP-${crypto.randomUUID().slice(0, 6)}`);
    const code = await createCode(account.id, headers, { memberTagIds: [tag.id] });
    const [d] = await simulate(account.id, headers, [{ scene: code.scene }]);
    const fan = await eventually(async () => {
      const [row] = await db
        .select()
        .from(fans)
        .where(eq(fans.openid, d?.openid ?? ""));
      const pending = row
        ? await db.select().from(pendingMemberTags).where(eq(pendingMemberTags.fanId, row.id))
        : [];
      return pending.length > 0 && row;
    });

    const list = await call("/api/member-tags", { headers });
    const { tags } = (await list.json()) as {
      tags: { id: string; contactCount: number; pendingFanCount: number }[];
    };
    expect(tags.find((t) => t.id === tag.id)).toMatchObject({
      contactCount: 0,
      pendingFanCount: 1,
    });

    const now = Date.now();
    await db
      .insert(contacts)
      .values({ id: "ct_member_1", name: "李雷", createdAt: now, updatedAt: now });
    await db.update(fans).set({ contactId: "ct_member_1" }).where(eq(fans.id, fan.id));
    expect(await applyPendingMemberTags(db, fan.id, "ct_member_1")).toBe(1);
    expect(
      await db
        .select()
        .from(contactMemberTags)
        .where(eq(contactMemberTags.contactId, "ct_member_1")),
    ).toEqual([expect.objectContaining({ memberTagId: tag.id })]);
    expect(
      await db.select().from(pendingMemberTags).where(eq(pendingMemberTags.fanId, fan.id)),
    ).toEqual([]);
  });

  it("go straight to the contact of a fan who has one", async () => {
    const { account, headers } = await sandboxSetup();
    const tag = await createMemberTag(headers, `Lead-${crypto.randomUUID().slice(0, 6)}`);
    const code = await createCode(account.id, headers, { memberTagIds: [tag.id] });
    const [first] = await simulate(account.id, headers, [{ scene: "warmup" }]);
    const now = Date.now();
    await db
      .insert(contacts)
      .values({ id: "ct_member_2", name: "韩梅梅", createdAt: now, updatedAt: now });
    await db
      .update(fans)
      .set({ contactId: "ct_member_2" })
      .where(eq(fans.openid, first?.openid ?? ""));
    await simulate(account.id, headers, [{ openid: first?.openid, scene: code.scene }]);
    await eventually(async () => {
      const rows = await db
        .select()
        .from(contactMemberTags)
        .where(eq(contactMemberTags.contactId, "ct_member_2"));
      return rows.some((r) => r.memberTagId === tag.id);
    });
  });

  it("refuses a second member tag with the same name", async () => {
    const { headers } = await sandboxSetup();
    const name = `Dup-${crypto.randomUUID().slice(0, 6)}`;
    await createMemberTag(headers, name);
    const res = await call("/api/member-tags", jsonInit("POST", { name }, headers));
    expect(res.status).toBe(409);
  });
});
