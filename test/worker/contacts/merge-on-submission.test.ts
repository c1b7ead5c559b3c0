import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  contactConflicts,
  contactMemberTags,
  contacts,
  pendingMemberTags,
} from "../../../src/db/schema";
import {
  createForm,
  db,
  type FormJson,
  insertAccount,
  insertFan,
  insertMemberTag,
  insertQrcode,
  SIGNUP_FORM,
} from "../forms/fixtures";
import { ownerTokenHeaders } from "../helpers";
import { contactByMobile, eventsOf, fanRow, submissionsOfFan, submitAs } from "./submit";

let accountId: string;
let otherAccountId: string;
let form: FormJson;
let formTag: string;

beforeAll(async () => {
  const headers = await ownerTokenHeaders();
  accountId = await insertAccount();
  otherAccountId = await insertAccount();
  formTag = await insertMemberTag("春季报名");
  form = await createForm(headers, accountId, { ...SIGNUP_FORM, memberTagIds: [formTag] });
});

const agree = { agree: "yes" };

describe("a submission reaching the CRM", () => {
  it("creates the contact, links the fan and applies the form's and the fan's pending member tags", async () => {
    const fan = await insertFan(accountId);
    const scanTag = await insertMemberTag("经理-张三");
    const qr = await insertQrcode(accountId, form.id);
    await db()
      .insert(pendingMemberTags)
      .values({ fanId: fan.id, memberTagId: scanTag, qrcodeId: qr, createdAt: Date.now() });

    expect(await submitAs(form, fan, { ...agree, name: "李雷", mobile: "13811110001" }, qr)).toBe(
      303,
    );
    const contact = await contactByMobile("13811110001");
    expect(contact).toMatchObject({ name: "李雷", sourceQrcodeId: qr });
    expect((await fanRow(fan.id))?.contactId).toBe(contact?.id);

    const tags = await db()
      .select()
      .from(contactMemberTags)
      .where(eq(contactMemberTags.contactId, contact?.id ?? ""));
    expect(tags.map((t) => t.memberTagId).sort()).toEqual([formTag, scanTag].sort());
    expect(
      await db().select().from(pendingMemberTags).where(eq(pendingMemberTags.fanId, fan.id)),
    ).toEqual([]);
    const kinds = (await eventsOf(contact?.id ?? "")).map((e) => e.kind).sort();
    expect(kinds).toEqual(["created", "fan_linked", "tagged"]);
    expect(await submissionsOfFan(fan.id)).toEqual([
      expect.objectContaining({ outcome: "created", contactId: contact?.id, qrcodeId: qr }),
    ]);
  });

  it("merges a second fan with the same mobile into the same contact, from any account", async () => {
    const first = await insertFan(accountId);
    const second = await insertFan(otherAccountId);
    await submitAs(form, first, { ...agree, name: "韩梅梅", mobile: "13811110002" });
    const secondForm = await createForm(await ownerTokenHeaders(), otherAccountId);
    expect(
      await submitAs(secondForm, second, {
        ...agree,
        name: "韩梅梅",
        mobile: "+86 138 1111 0002",
        email: "mm@example.cn",
      }),
    ).toBe(303);

    const all = await db().select().from(contacts).where(eq(contacts.mobile, "13811110002"));
    expect(all).toHaveLength(1);
    const contact = all[0];
    expect(contact?.email).toBe("mm@example.cn");
    expect((await fanRow(second.id))?.contactId).toBe(contact?.id);
    expect((await fanRow(first.id))?.contactId).toBe(contact?.id);
    const merged = (await eventsOf(contact?.id ?? "")).find((e) => e.kind === "merged");
    expect(merged?.details).toMatchObject({ fanId: second.id, filled: ["email"] });
    expect(await submissionsOfFan(second.id)).toEqual([
      expect.objectContaining({ outcome: "matched" }),
    ]);
  });

  it("keeps a filled value and records the offered one as a field conflict", async () => {
    const first = await insertFan(accountId);
    const second = await insertFan(accountId);
    await submitAs(form, first, {
      ...agree,
      name: "Wang Fang",
      mobile: "13811110003",
      city: "上海",
    });
    await submitAs(form, second, { ...agree, name: "王芳", mobile: "13811110003", city: "北京" });

    const contact = await contactByMobile("13811110003");
    expect(contact).toMatchObject({ name: "Wang Fang", fields: { city: "上海" } });
    const conflicts = (await eventsOf(contact?.id ?? "")).filter(
      (e) => e.kind === "field_conflict",
    );
    expect(
      conflicts
        .map((e) => e.details)
        .sort((a, b) => String(a.field).localeCompare(String(b.field))),
    ).toEqual([
      expect.objectContaining({ field: "fields.city", kept: "上海", offered: "北京" }),
      expect.objectContaining({ field: "name", kept: "Wang Fang", offered: "王芳" }),
    ]);
  });

  it("flags a fan linked to one contact who submits another contact's mobile, merging nothing", async () => {
    const fan = await insertFan(accountId);
    const bystander = await insertFan(accountId);
    await submitAs(form, fan, { ...agree, name: "赵一", mobile: "13811110004" });
    await submitAs(form, bystander, { ...agree, name: "钱二", mobile: "13811110005" });
    const mine = await contactByMobile("13811110004");
    const theirs = await contactByMobile("13811110005");

    expect(
      await submitAs(form, fan, {
        ...agree,
        name: "赵一",
        mobile: "13811110005",
        email: "z@example.cn",
      }),
    ).toBe(303);
    expect((await fanRow(fan.id))?.contactId).toBe(mine?.id);
    expect(await contactByMobile("13811110005")).toEqual(theirs);
    const [conflict] = await db()
      .select()
      .from(contactConflicts)
      .where(eq(contactConflicts.fanId, fan.id));
    expect(conflict).toMatchObject({
      contactId: mine?.id,
      otherContactId: theirs?.id,
      status: "open",
    });
    const subs = await submissionsOfFan(fan.id);
    expect(subs.map((s) => s.outcome).sort()).toEqual(["conflict", "created"]);
    expect(subs.find((s) => s.outcome === "conflict")?.contactId).toBeNull();
  });

  it("flags a linked fan who submits a new mobile different from the one on file", async () => {
    const fan = await insertFan(accountId);
    await submitAs(form, fan, { ...agree, name: "孙三", mobile: "13811110006" });
    await submitAs(form, fan, { ...agree, name: "孙三", mobile: "13811110007" });
    expect(await contactByMobile("13811110007")).toBeUndefined();
    const [conflict] = await db()
      .select()
      .from(contactConflicts)
      .where(eq(contactConflicts.fanId, fan.id));
    expect(conflict).toMatchObject({ otherContactId: null, status: "open" });
  });

  it("does not copy an email that belongs to another contact, and records why", async () => {
    const owner = await insertFan(accountId);
    const fan = await insertFan(accountId);
    await submitAs(form, owner, {
      ...agree,
      name: "周四",
      mobile: "13811110008",
      email: "shared@example.cn",
    });
    expect(
      await submitAs(form, fan, {
        ...agree,
        name: "吴五",
        mobile: "13811110009",
        email: "shared@example.cn",
      }),
    ).toBe(303);
    const contact = await contactByMobile("13811110009");
    expect(contact?.email).toBeNull();
    const owned = await contactByMobile("13811110008");
    const events = await eventsOf(contact?.id ?? "");
    expect(events.find((e) => e.kind === "field_conflict")?.details).toMatchObject({
      field: "email",
      offered: "shared@example.cn",
      ownedByContactId: owned?.id,
    });
  });

  it("makes one contact when two first submissions of one mobile race", async () => {
    const [a, b] = [await insertFan(accountId), await insertFan(accountId)];
    const statuses = await Promise.all([
      submitAs(form, a, { ...agree, name: "郑六", mobile: "13811110010" }),
      submitAs(form, b, { ...agree, name: "郑六", mobile: "13811110010" }),
    ]);
    expect(statuses).toEqual([303, 303]);
    const all = await db().select().from(contacts).where(eq(contacts.mobile, "13811110010"));
    expect(all).toHaveLength(1);
    expect((await fanRow(a.id))?.contactId).toBe(all[0]?.id);
    expect((await fanRow(b.id))?.contactId).toBe(all[0]?.id);
  });
});
