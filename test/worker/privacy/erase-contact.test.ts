import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  contactEvents,
  contactMemberTags,
  contacts,
  fans,
  formSubmissions,
} from "../../../src/db/schema";
import { getFormNumbers } from "../../../src/forms/form-numbers";
import { contactByMobile, submitAs } from "../contacts/submit";
import { createUserWithToken } from "../factories/users";
import {
  createForm,
  db,
  insertAccount,
  insertFan,
  insertMemberTag,
  insertQrcode,
} from "../forms/fixtures";
import { call, ownerTokenHeaders } from "../helpers";
import { erase, tablesHolding } from "./helpers";

const unique = () => crypto.randomUUID().replaceAll("-", "").slice(0, 8);
const randomMobile = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

/**
 * A contact made the way fans make them: two submissions of a code's form,
 * a member tag, and a third submission by its fan that ended in a conflict.
 */
async function contactWithSubmissions() {
  const owner = await ownerTokenHeaders();
  const accountId = await insertAccount();
  const form = await createForm(owner, accountId);
  const qrcodeId = await insertQrcode(accountId, form.id);
  const fan = await insertFan(accountId);
  const person = {
    name: `韩梅梅${unique()}`,
    mobile: randomMobile(),
    email: `mei.${unique()}@example.com`,
    note: `住在人民路 ${unique()} 号`,
  };
  const values = { agree: "yes", city: "上海", ...person };
  expect(await submitAs(form, fan, values, qrcodeId)).toBe(303);
  expect(await submitAs(form, fan, { ...values, city: "北京" }, qrcodeId)).toBe(303);
  const contact = await contactByMobile(person.mobile);
  if (!contact) throw new Error("contact not created");

  const tagId = await insertMemberTag(`活动-${unique()}`);
  const now = Date.now();
  await db()
    .insert(contactMemberTags)
    .values({ contactId: contact.id, memberTagId: tagId, createdAt: now });
  const conflictMobile = randomMobile();
  await db()
    .insert(formSubmissions)
    .values({
      id: `sub_${unique()}`,
      formId: form.id,
      accountId,
      qrcodeId,
      fanId: fan.id,
      contactId: null,
      data: { mobile: conflictMobile },
      outcome: "conflict",
      createdAt: now,
    });
  return { owner, accountId, qrcodeId, fan, contact, person, conflictMobile };
}

async function submissionsOf(qrcodeId: string) {
  return db().select().from(formSubmissions).where(eq(formSubmissions.qrcodeId, qrcodeId));
}

describe("POST /api/contacts/{contactId}/erase", () => {
  it("blanks the contact and its answers, unlinks its fans and keeps the form numbers", async () => {
    const { owner, qrcodeId, fan, contact, person, conflictMobile } =
      await contactWithSubmissions();
    const before = await getFormNumbers(db(), [qrcodeId]);
    expect(before.get(qrcodeId)).toEqual({ opened: 2, submitted: 3, matched: 1 });
    for (const value of Object.values(person)) expect(await tablesHolding(value)).not.toEqual([]);

    const res = await erase(`/api/contacts/${contact.id}/erase`, owner);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { contact: { id: string; erasedAt: number } };
    expect(body).toEqual({ contact: { id: contact.id, erasedAt: expect.any(Number) } });

    for (const value of [...Object.values(person), conflictMobile]) {
      expect(await tablesHolding(value)).toEqual([]);
    }
    expect(await getFormNumbers(db(), [qrcodeId])).toEqual(before);
    const row = await db().query.contacts.findFirst({ where: eq(contacts.id, contact.id) });
    expect(row).toMatchObject({
      name: "",
      mobile: null,
      email: null,
      fields: {},
      erasedAt: body.contact.erasedAt,
    });
    const submissions = await submissionsOf(qrcodeId);
    expect(submissions).toHaveLength(3);
    for (const s of submissions) {
      expect(s).toMatchObject({ data: {}, clientHash: "", erasedAt: body.contact.erasedAt });
    }
    expect(submissions.filter((s) => s.contactId === contact.id)).toHaveLength(2);
    const linked = await db().query.fans.findFirst({ where: eq(fans.id, fan.id) });
    expect(linked).toMatchObject({ contactId: null, openid: fan.openid, erasedAt: null });
    const tags = await db()
      .select()
      .from(contactMemberTags)
      .where(eq(contactMemberTags.contactId, contact.id));
    expect(tags).toEqual([]);
    const history = await db()
      .select()
      .from(contactEvents)
      .where(eq(contactEvents.contactId, contact.id));
    expect(history).toMatchObject([{ kind: "erased", details: {} }]);
    const audit = await db().select().from(auditLog).where(eq(auditLog.entityId, contact.id));
    expect(audit).toMatchObject([
      { action: "contact.erase", after: { submissionsBlanked: 3, fansUnlinked: 1 } },
    ]);
  });

  it("drops the erased contact from the list and says so on its page", async () => {
    const { owner, contact, person } = await contactWithSubmissions();
    const listed = async () => {
      const res = await call(`/api/contacts?q=${encodeURIComponent(person.name)}`, {
        headers: owner,
      });
      return ((await res.json()) as { contacts: { id: string }[] }).contacts.map((c) => c.id);
    };
    expect(await listed()).toEqual([contact.id]);
    expect((await erase(`/api/contacts/${contact.id}/erase`, owner)).status).toBe(200);

    const all = await call("/api/contacts?pageSize=200", { headers: owner });
    const ids = ((await all.json()) as { contacts: { id: string }[] }).contacts.map((c) => c.id);
    expect(ids).not.toContain(contact.id);
    const page = await call(`/api/contacts/${contact.id}`, { headers: owner });
    expect(page.status).toBe(200);
    const detail = (await page.json()) as { contact: { erasedAt: number | null; name: string } };
    expect(detail.contact).toMatchObject({ name: "", erasedAt: expect.any(Number) });
  });

  it("answers 409 when the contact was already erased", async () => {
    const { owner, contact } = await contactWithSubmissions();
    expect((await erase(`/api/contacts/${contact.id}/erase`, owner)).status).toBe(200);
    const again = await erase(`/api/contacts/${contact.id}/erase`, owner);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({
      error: { code: "conflict", message: "This contact was already erased" },
    });
  });

  it("lets an admin erase a contact of a granted account", async () => {
    const { accountId, contact } = await contactWithSubmissions();
    const admin = await createUserWithToken("admin", { accountIds: [accountId] });
    expect((await erase(`/api/contacts/${contact.id}/erase`, admin.headers)).status).toBe(200);
  });

  it("refuses an operator with 403 and answers 404 for a hidden or unknown contact", async () => {
    const { accountId, contact, person } = await contactWithSubmissions();
    const operator = await createUserWithToken("operator", { accountIds: [accountId] });
    const stranger = await createUserWithToken("admin", { accountIds: [await insertAccount()] });

    expect((await erase(`/api/contacts/${contact.id}/erase`, operator.headers)).status).toBe(403);
    expect((await erase(`/api/contacts/${contact.id}/erase`, stranger.headers)).status).toBe(404);
    expect((await erase("/api/contacts/ct_nope/erase", await ownerTokenHeaders())).status).toBe(
      404,
    );
    expect(await contactByMobile(person.mobile)).toMatchObject({
      name: person.name,
      erasedAt: null,
    });
  });
});
