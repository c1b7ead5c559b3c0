import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { contactMemberTags, contacts, formSubmissions } from "../../../src/db/schema";
import { createUserWithToken } from "../factories/users";
import {
  createForm,
  db,
  type FormJson,
  insertAccount,
  insertFan,
  insertMemberTag,
} from "../forms/fixtures";
import { call, jsonInit, ownerTokenHeaders } from "../helpers";
import { contactByMobile, eventsOf, fanRow, submitAs } from "./submit";

type Conflict = {
  id: string;
  status: string;
  fan: { id: string };
  otherContact: { id: string } | null;
};

let owner: Record<string, string>;
let accountId: string;
let form: FormJson;
let n = 0;
const agree = { agree: "yes" };

beforeAll(async () => {
  owner = await ownerTokenHeaders();
  accountId = await insertAccount();
  form = await createForm(owner, accountId);
});

/** A fan on contact A who submitted contact B's mobile (or a new one): an open conflict. */
async function makeConflict(options: { otherExists: boolean }) {
  n++;
  const mobileA = `1370000${String(n).padStart(4, "0")}`;
  const mobileB = `1360000${String(n).padStart(4, "0")}`;
  const fan = await insertFan(accountId);
  await submitAs(form, fan, { ...agree, name: `甲${n}`, mobile: mobileA });
  if (options.otherExists) {
    await submitAs(form, await insertFan(accountId), {
      ...agree,
      name: `乙${n}`,
      mobile: mobileB,
      email: `b${n}@example.cn`,
    });
  }
  await submitAs(form, fan, { ...agree, name: `甲${n}`, mobile: mobileB });
  const res = await call("/api/contacts/conflicts", { headers: owner });
  const { conflicts } = (await res.json()) as { conflicts: Conflict[] };
  const conflict = conflicts.find((c) => c.fan.id === fan.id);
  if (!conflict) throw new Error("no conflict listed");
  return { fan, conflict, mobileA, mobileB };
}

async function resolve(id: string, resolution: string, headers = owner) {
  return call(`/api/contacts/conflicts/${id}/resolve`, jsonInit("POST", { resolution }, headers));
}

describe("POST /api/contacts/conflicts/{conflictId}/resolve", () => {
  it("keeps the fan where it is and closes the conflict", async () => {
    const { fan, conflict, mobileA } = await makeConflict({ otherExists: true });
    const res = await resolve(conflict.id, "keep_existing");
    expect(res.status).toBe(200);
    expect(((await res.json()) as { conflict: Conflict }).conflict.status).toBe("resolved");
    expect((await fanRow(fan.id))?.contactId).toBe((await contactByMobile(mobileA))?.id);
    expect((await resolve(conflict.id, "keep_existing")).status).toBe(409);
    const open = (await (await call("/api/contacts/conflicts", { headers: owner })).json()) as {
      conflicts: Conflict[];
    };
    expect(open.conflicts.map((c) => c.id)).not.toContain(conflict.id);
  });

  it("moves the fan to a new contact made from the submission", async () => {
    const { fan, conflict, mobileA, mobileB } = await makeConflict({ otherExists: false });
    const res = await resolve(conflict.id, "link_submitted");
    expect(res.status).toBe(200);
    const made = await contactByMobile(mobileB);
    expect(((await res.json()) as { contactId: string }).contactId).toBe(made?.id);
    expect((await fanRow(fan.id))?.contactId).toBe(made?.id);
    const old = await contactByMobile(mobileA);
    expect((await eventsOf(old?.id ?? "")).map((e) => e.kind)).toContain("fan_unlinked");
  });

  it("merges the other contact into the fan's, moving its fans, tags and submissions", async () => {
    const { conflict, mobileA, mobileB } = await makeConflict({ otherExists: true });
    const other = await contactByMobile(mobileB);
    const tag = await insertMemberTag(`合并-${n}`);
    await call(
      `/api/contacts/${other?.id}/member-tags`,
      jsonInit("POST", { memberTagIds: [tag] }, owner),
    );

    const res = await resolve(conflict.id, "merge_contacts");
    expect(res.status).toBe(200);
    const kept = await contactByMobile(mobileA);
    expect(
      await db()
        .select()
        .from(contacts)
        .where(eq(contacts.id, other?.id ?? "")),
    ).toEqual([]);
    expect(kept?.email).toBe(`b${n}@example.cn`);
    const tags = await db()
      .select()
      .from(contactMemberTags)
      .where(eq(contactMemberTags.contactId, kept?.id ?? ""));
    expect(tags.map((t) => t.memberTagId)).toContain(tag);
    const subs = await db()
      .select()
      .from(formSubmissions)
      .where(eq(formSubmissions.contactId, kept?.id ?? ""));
    expect(subs.length).toBeGreaterThanOrEqual(3);
    const events = await eventsOf(kept?.id ?? "");
    expect(
      events.find((e) => e.kind === "merged" && e.details.mergedContactId === other?.id)?.details,
    ).toMatchObject({
      merged: { mobile: mobileB },
      conflictId: conflict.id,
    });
    expect(
      events.find((e) => e.kind === "field_conflict" && e.details.field === "mobile")?.details,
    ).toMatchObject({
      kept: mobileA,
      offered: mobileB,
    });
  });

  it("refuses merge_contacts when the submitted key belongs to no contact", async () => {
    const { conflict } = await makeConflict({ otherExists: false });
    const res = await resolve(conflict.id, "merge_contacts");
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
      "link_submitted",
    );
  });

  it("answers 404 to a user who cannot see the fan's account", async () => {
    const { conflict } = await makeConflict({ otherExists: false });
    const stranger = await createUserWithToken("admin", { accountIds: [await insertAccount()] });
    expect((await resolve(conflict.id, "keep_existing", stranger.headers)).status).toBe(404);
    const list = (await (
      await call("/api/contacts/conflicts", { headers: stranger.headers })
    ).json()) as { total: number };
    expect(list.total).toBe(0);
  });
});
