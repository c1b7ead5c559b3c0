import { beforeAll, describe, expect, it } from "vitest";
import { contactByMobile, submitAs } from "../contacts/submit";
import { createUserWithToken } from "../factories/users";
import {
  createForm,
  type FormJson,
  insertAccount,
  insertFan,
  insertMemberTag,
} from "../forms/fixtures";
import { call, jsonInit, ownerTokenHeaders } from "../helpers";
import { auditEntries, onlyEntry, userIdOf, wholeAuditLogText } from "./helpers";

let owner: Record<string, string>;
let accountId: string;
let form: FormJson;
let n = 0;
const openids: string[] = [];

beforeAll(async () => {
  owner = await ownerTokenHeaders();
  accountId = await insertAccount();
  form = await createForm(owner, accountId);
});

/** A contact made the way contacts are made: a fan of the account submits the form. */
async function newContact() {
  n++;
  const mobile = `1390000${String(n).padStart(4, "0")}`;
  const fan = await insertFan(accountId);
  openids.push(fan.openid);
  await submitAs(form, fan, { agree: "yes", name: `客户${n}`, mobile });
  const contact = await contactByMobile(mobile);
  if (!contact) throw new Error("no contact made");
  return { contact, fan, mobile };
}

describe("audit entries of contacts", () => {
  it("records an edit with only the changed fields, before and after", async () => {
    const { contact } = await newContact();
    const res = await call(
      `/api/contacts/${contact.id}`,
      jsonInit("PATCH", { name: "Li Wei", email: "li.wei@example.cn" }, owner),
    );
    expect(res.status).toBe(200);
    const entry = await onlyEntry(owner, contact.id, "contact.update");
    expect(entry).toMatchObject({
      entityType: "contact",
      accountId: null,
      userId: await userIdOf(owner),
      before: { name: contact.name, email: null },
      after: { name: "Li Wei", email: "li.wei@example.cn" },
    });
  });

  it("records tags added and removed as the contact's tags before and after", async () => {
    const { contact } = await newContact();
    const gold = await insertMemberTag(`Gold ${n}`);
    const silver = await insertMemberTag(`Silver ${n}`);
    await call(
      `/api/contacts/${contact.id}/member-tags`,
      jsonInit("POST", { memberTagIds: [gold, silver] }, owner),
    );
    await call(`/api/contacts/${contact.id}/member-tags/${gold}`, {
      method: "DELETE",
      headers: owner,
    });
    const tags = (await auditEntries(owner, { entityId: contact.id }))
      .filter((e) => e.action === "contact.tags")
      .reverse();
    expect(tags.map((e) => [e.before, e.after])).toEqual([
      [{ memberTagIds: [] }, { memberTagIds: [gold, silver] }],
      [{ memberTagIds: [gold, silver] }, { memberTagIds: [silver] }],
    ]);
  });

  it("shows a contact's entries only to admins who can see the contact", async () => {
    const { contact } = await newContact();
    await call(`/api/contacts/${contact.id}`, jsonInit("PATCH", { name: "Seen" }, owner));
    const granted = await createUserWithToken("admin", { accountIds: [accountId] });
    const other = await createUserWithToken("admin", { accountIds: [await insertAccount()] });
    expect(await auditEntries(granted.headers, { entityId: contact.id })).toHaveLength(1);
    expect(await auditEntries(other.headers, { entityId: contact.id })).toEqual([]);
    expect(await auditEntries(other.headers, { entityType: "contact" })).toEqual([]);
  });

  it("records a conflict's resolution in the fan's account, naming the fan by id", async () => {
    const { contact, fan } = await newContact();
    const other = await newContact();
    await submitAs(form, fan, { agree: "yes", name: contact.name ?? "", mobile: other.mobile });
    const list = await call("/api/contacts/conflicts", { headers: owner });
    const { conflicts } = (await list.json()) as {
      conflicts: { id: string; fan: { id: string } }[];
    };
    const conflict = conflicts.find((c) => c.fan.id === fan.id);
    if (!conflict) throw new Error("no conflict");
    const res = await call(
      `/api/contacts/conflicts/${conflict.id}/resolve`,
      jsonInit("POST", { resolution: "link_submitted" }, owner),
    );
    expect(res.status).toBe(200);
    expect(await onlyEntry(owner, conflict.id, "conflict.resolve")).toMatchObject({
      entityType: "conflict",
      accountId,
      before: { status: "open", fanId: fan.id, contactId: contact.id },
      after: { status: "resolved", resolution: "link_submitted", contactId: other.contact.id },
    });
  });

  it("stores no fan's openid in any entry", async () => {
    expect(openids.length).toBeGreaterThan(0);
    const log = await wholeAuditLogText();
    for (const openid of openids) expect(log).not.toContain(openid);
  });
});
