import { beforeAll, describe, expect, it } from "vitest";
import { createUserWithToken, type TestUser } from "../factories/users";
import {
  createForm,
  type FormJson,
  insertAccount,
  insertFan,
  insertMemberTag,
  insertQrcode,
} from "../forms/fixtures";
import { call, jsonInit, ownerTokenHeaders } from "../helpers";
import { contactByMobile, submitAs } from "./submit";

type Summary = {
  id: string;
  name: string;
  mobile: string | null;
  tags: { id: string }[];
  fanCount: number;
};
type ListBody = { contacts: Summary[]; total: number };
type ErrorBody = { error: { code: string; message: string } };

let owner: Record<string, string>;
let accountA: string;
let accountB: string;
let formA: FormJson;
let formB: FormJson;
let operatorA: TestUser;
let codeA: string;
let vipTag: string;

const agree = { agree: "yes" };

beforeAll(async () => {
  owner = await ownerTokenHeaders();
  accountA = await insertAccount();
  accountB = await insertAccount();
  formA = await createForm(owner, accountA);
  formB = await createForm(owner, accountB);
  operatorA = await createUserWithToken("operator", { accountIds: [accountA] });
  codeA = await insertQrcode(accountA, formA.id);
  vipTag = await insertMemberTag("VIP");

  await submitAs(
    formA,
    await insertFan(accountA),
    { ...agree, name: "陈静", mobile: "13922220001", email: "chen@example.cn" },
    codeA,
  );
  await submitAs(formA, await insertFan(accountA), {
    ...agree,
    name: "林涛",
    mobile: "13922220002",
  });
  await submitAs(formB, await insertFan(accountB), {
    ...agree,
    name: "黄磊",
    mobile: "13922220003",
  });
});

async function list(headers: Record<string, string>, query = "") {
  const res = await call(`/api/contacts${query}`, { headers });
  return { status: res.status, body: (await res.json()) as ListBody };
}

describe("GET /api/contacts", () => {
  it.each([
    ["?q=陈", ["陈静"]],
    ["?q=2220002", ["林涛"]],
    ["?q=CHEN@", ["陈静"]],
    ["?q=%25", []],
  ])("searches name, mobile and email: %s", async (query, names) => {
    const { body } = await list(owner, query);
    expect(body.contacts.map((c) => c.name)).toEqual(names);
  });

  it("filters by the code that brought the contact and by member tag", async () => {
    const byCode = await list(owner, `?qrcodeId=${codeA}`);
    expect(byCode.body.contacts.map((c) => c.name)).toEqual(["陈静"]);
    const lin = await contactByMobile("13922220002");
    await call(
      `/api/contacts/${lin?.id}/member-tags`,
      jsonInit("POST", { memberTagIds: [vipTag] }, owner),
    );
    const byTag = await list(owner, `?memberTagId=${vipTag}`);
    expect(byTag.body.contacts.map((c) => c.name)).toEqual(["林涛"]);
  });

  it("shows a user only contacts touching an account granted to them", async () => {
    const { body } = await list(operatorA.headers);
    expect(body.contacts.map((c) => c.name).sort()).toEqual(["林涛", "陈静"].sort());
    expect(body.total).toBe(2);
    const hidden = await contactByMobile("13922220003");
    expect((await call(`/api/contacts/${hidden?.id}`, { headers: operatorA.headers })).status).toBe(
      404,
    );
    const patch = await call(
      `/api/contacts/${hidden?.id}`,
      jsonInit("PATCH", { name: "x" }, operatorA.headers),
    );
    expect(patch.status).toBe(404);
  });

  it("answers 404 for a code filter naming a code of an account the user cannot see", async () => {
    const codeB = await insertQrcode(accountB);
    expect((await list(operatorA.headers, `?qrcodeId=${codeB}`)).status).toBe(404);
  });
});

describe("GET /api/contacts/{contactId}", () => {
  it("shows linked fans, submissions, tags and history", async () => {
    const chen = await contactByMobile("13922220001");
    const res = await call(`/api/contacts/${chen?.id}`, { headers: owner });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      contact: Summary;
      fans: { accountId: string }[];
      submissions: { formName: string; outcome: string }[];
      events: { kind: string }[];
    };
    expect(body.contact).toMatchObject({ name: "陈静", fanCount: 1 });
    expect(body.fans).toEqual([expect.objectContaining({ accountId: accountA })]);
    expect(body.submissions).toEqual([
      expect.objectContaining({ formName: "Spring sign-up", outcome: "created" }),
    ]);
    expect(body.events.map((e) => e.kind)).toContain("created");
  });

  it("names the form fields its answers are keyed by", async () => {
    const chen = await contactByMobile("13922220001");
    const res = await call(`/api/contacts/${chen?.id}`, { headers: owner });
    const body = (await res.json()) as { fieldLabels: Record<string, string> };
    expect(body.fieldLabels).toMatchObject({ city: "城市", note: "备注", agree: "我同意" });
  });
});

describe("PATCH /api/contacts/{contactId}", () => {
  it("edits by hand and records before and after with the operator", async () => {
    const lin = await contactByMobile("13922220002");
    const res = await call(
      `/api/contacts/${lin?.id}`,
      jsonInit("PATCH", { name: "林涛 (Tao)", fields: { company: "ACME" } }, operatorA.headers),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      contact: Summary;
      events: { kind: string; actorUserId: string; details: unknown }[];
    };
    expect(body.contact.name).toBe("林涛 (Tao)");
    const edited = body.events.find((e) => e.kind === "edited");
    expect(edited).toMatchObject({
      actorUserId: operatorA.id,
      details: {
        before: { name: "林涛", "fields.company": null },
        after: { name: "林涛 (Tao)", "fields.company": "ACME" },
      },
    });
  });

  it.each([
    [{ mobile: "12345" }, "mobile"],
    [{ email: "nope" }, "email"],
    [{}, "at least one"],
    [{ fields: { "Bad Key": 1 } }, "fields"],
  ])("answers 400 naming the field for %j", async (body, field) => {
    const lin = await contactByMobile("13922220002");
    const res = await call(`/api/contacts/${lin?.id}`, jsonInit("PATCH", body, owner));
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.message).toContain(field);
  });

  it("answers 409 when the mobile belongs to another contact", async () => {
    const lin = await contactByMobile("13922220002");
    const res = await call(
      `/api/contacts/${lin?.id}`,
      jsonInit("PATCH", { mobile: "139 2222 0001" }, owner),
    );
    expect(res.status).toBe(409);
    expect(((await res.json()) as ErrorBody).error.message).toContain("mobile");
  });

  it("refuses a viewer", async () => {
    const viewer = await createUserWithToken("viewer", { accountIds: [accountA] });
    const lin = await contactByMobile("13922220002");
    const res = await call(
      `/api/contacts/${lin?.id}`,
      jsonInit("PATCH", { name: "v" }, viewer.headers),
    );
    expect(res.status).toBe(403);
  });
});

describe("contact member tags", () => {
  it("adds and removes tags, refusing unknown ones by name", async () => {
    const chen = await contactByMobile("13922220001");
    const added = await call(
      `/api/contacts/${chen?.id}/member-tags`,
      jsonInit("POST", { memberTagIds: [vipTag] }, owner),
    );
    expect(((await added.json()) as { tags: { id: string }[] }).tags.map((t) => t.id)).toContain(
      vipTag,
    );
    const unknown = await call(
      `/api/contacts/${chen?.id}/member-tags`,
      jsonInit("POST", { memberTagIds: ["mt_nope"] }, owner),
    );
    expect(unknown.status).toBe(400);
    const removed = await call(`/api/contacts/${chen?.id}/member-tags/${vipTag}`, {
      method: "DELETE",
      headers: owner,
    });
    expect(
      ((await removed.json()) as { tags: { id: string }[] }).tags.map((t) => t.id),
    ).not.toContain(vipTag);
    const again = await call(`/api/contacts/${chen?.id}/member-tags/${vipTag}`, {
      method: "DELETE",
      headers: owner,
    });
    expect(again.status).toBe(404);
  });
});
