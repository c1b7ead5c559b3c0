import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { forms, memberTags, pendingMemberTags, qrcodes } from "../../../src/db/schema";
import { createUserWithToken } from "../factories/users";
import {
  createForm,
  db,
  insertAccount,
  insertFan,
  insertMemberTag,
  insertQrcode,
} from "../forms/fixtures";
import { call, jsonInit, ownerTokenHeaders } from "../helpers";
import { contactByMobile, submitAs } from "./submit";

type Tag = { id: string; name: string; contactCount: number; pendingFanCount: number };

let owner: Record<string, string>;
let accountId: string;

beforeAll(async () => {
  owner = await ownerTokenHeaders();
  accountId = await insertAccount();
});

async function tagged(tagIds: string[], mobile: string) {
  const form = await createForm(owner, accountId, {
    name: "T",
    fields: [{ id: "mobile", type: "mobile", label: "手机" }],
    memberTagIds: tagIds,
  });
  await submitAs(form, await insertFan(accountId), { mobile });
  return form;
}

async function listed(id: string) {
  const res = await call("/api/member-tags", { headers: owner });
  return ((await res.json()) as { tags: Tag[] }).tags.find((t) => t.id === id);
}

describe("PATCH /api/member-tags/{memberTagId}", () => {
  it("renames a tag and refuses a name another tag has", async () => {
    const tag = await insertMemberTag("旧名");
    await insertMemberTag("已占用");
    const res = await call(`/api/member-tags/${tag}`, jsonInit("PATCH", { name: "新名" }, owner));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { tag: Tag }).tag.name).toBe("新名");
    const taken = await call(
      `/api/member-tags/${tag}`,
      jsonInit("PATCH", { name: "已占用" }, owner),
    );
    expect(taken.status).toBe(409);
  });

  it("is for admins: an operator gets 403", async () => {
    const tag = await insertMemberTag("operator-cannot");
    const operator = await createUserWithToken("operator", { accountIds: [accountId] });
    const res = await call(
      `/api/member-tags/${tag}`,
      jsonInit("PATCH", { name: "x" }, operator.headers),
    );
    expect(res.status).toBe(403);
    expect(
      (await call(`/api/member-tags/${tag}`, { method: "DELETE", headers: operator.headers }))
        .status,
    ).toBe(403);
  });
});

describe("POST /api/member-tags/{memberTagId}/merge", () => {
  it("moves contacts, pending fans, forms and codes to the other tag, then deletes it", async () => {
    const from = await insertMemberTag("华东区");
    const into = await insertMemberTag("华东");
    const form = await tagged([from], "13744440001");
    await tagged([into, from], "13744440002");
    const code = await insertQrcode(accountId);
    await db()
      .update(qrcodes)
      .set({ memberTagIds: [from] })
      .where(eq(qrcodes.id, code));
    const waiting = await insertFan(accountId);
    await db()
      .insert(pendingMemberTags)
      .values({ fanId: waiting.id, memberTagId: from, createdAt: Date.now() });

    const res = await call(
      `/api/member-tags/${from}/merge`,
      jsonInit("POST", { intoMemberTagId: into }, owner),
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as { tag: Tag }).tag).toMatchObject({
      id: into,
      contactCount: 2,
      pendingFanCount: 1,
    });
    expect(await db().select().from(memberTags).where(eq(memberTags.id, from))).toEqual([]);
    const [f] = await db().select().from(forms).where(eq(forms.id, form.id));
    expect(f?.memberTagIds).toEqual([into]);
    const [q] = await db().select().from(qrcodes).where(eq(qrcodes.id, code));
    expect(q?.memberTagIds).toEqual([into]);
    expect((await contactByMobile("13744440001"))?.id).toBeTruthy();
  });

  it("answers 400 for a merge into itself and 404 for an unknown target", async () => {
    const tag = await insertMemberTag("自己");
    expect(
      (
        await call(
          `/api/member-tags/${tag}/merge`,
          jsonInit("POST", { intoMemberTagId: tag }, owner),
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await call(
          `/api/member-tags/${tag}/merge`,
          jsonInit("POST", { intoMemberTagId: "mtag_nope" }, owner),
        )
      ).status,
    ).toBe(404);
  });
});

describe("DELETE /api/member-tags/{memberTagId}", () => {
  it("removes the tag from contacts and forms, keeping the other tags", async () => {
    const gone = await insertMemberTag("作废");
    const stays = await insertMemberTag("保留");
    const form = await tagged([gone, stays], "13744440003");
    const res = await call(`/api/member-tags/${gone}`, { method: "DELETE", headers: owner });
    expect(res.status).toBe(204);
    expect(await listed(gone)).toBeUndefined();
    expect((await listed(stays))?.contactCount).toBe(1);
    const [f] = await db().select().from(forms).where(eq(forms.id, form.id));
    expect(f?.memberTagIds).toEqual([stays]);
    expect(
      (await call(`/api/member-tags/${gone}`, { method: "DELETE", headers: owner })).status,
    ).toBe(404);
  });
});
