import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../../src/db/schema";
import { call, jsonInit, ownerTokenHeaders } from "../helpers";
import {
  createForm,
  db,
  insertAccount,
  insertMemberTag,
  insertQrcode,
  SIGNUP_FORM,
} from "./fixtures";

type ErrorBody = { error: { code: string; message: string } };

let headers: Record<string, string>;
let accountId: string;

beforeAll(async () => {
  headers = await ownerTokenHeaders();
  accountId = await insertAccount();
});

describe("POST /api/accounts/{accountId}/forms", () => {
  it("creates a form with defaults and the path of its page", async () => {
    const tag = await insertMemberTag("报名");
    const form = await createForm(headers, accountId, { ...SIGNUP_FORM, memberTagIds: [tag] });
    expect(form).toMatchObject({
      accountId,
      keyField: "mobile",
      language: "zh-CN",
      allowAnonymous: false,
      memberTagIds: [tag],
      pagePath: `/f/${form.id}`,
      views: 0,
      submissions: 0,
    });
    const consent = form.fields.find((f) => f.id === "agree");
    expect(consent).toMatchObject({ required: true, privacyUrl: null });
  });

  const field = (over: Record<string, unknown>) => ({
    id: "f1",
    type: "text",
    label: "L",
    ...over,
  });
  it.each([
    ["no key field", { fields: [field({})], keyField: "mobile" }, "keyField"],
    [
      "email key without email",
      { fields: [field({ type: "mobile", id: "m" })], keyField: "email" },
      "keyField",
    ],
    ["duplicate ids", { fields: [field({ type: "mobile" }), field({})] }, "fields.1.id"],
    [
      "two mobile fields",
      { fields: [field({ type: "mobile" }), field({ type: "mobile", id: "m2" })] },
      "At most one mobile",
    ],
    ["a bad field id", { fields: [field({ type: "mobile", id: "Mobile!" })] }, "fields.0.id"],
    [
      "one option",
      {
        fields: [
          field({ type: "mobile" }),
          field({ id: "c", type: "single_choice", options: ["a"] }),
        ],
      },
      "fields.1.options",
    ],
    [
      "consent without text",
      { fields: [field({ type: "mobile" }), field({ id: "c", type: "consent" })] },
      "fields.1.privacyText",
    ],
    [
      "an http redirect",
      { fields: [field({ type: "mobile" })], redirectUrl: "http://example.com/x" },
      "redirectUrl",
    ],
    [
      "an unknown field type",
      { fields: [field({ type: "mobile" }), field({ id: "x", type: "file" })] },
      "fields.1",
    ],
    ["no fields", { fields: [] }, "fields"],
  ])("answers 400 naming the problem for %s", async (_name, over, expected) => {
    const res = await call(
      `/api/accounts/${accountId}/forms`,
      jsonInit("POST", { name: "F", keyField: "mobile", ...over }, headers),
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message).toContain(expected);
  });

  it("answers 400 for a member tag that does not exist", async () => {
    const res = await call(
      `/api/accounts/${accountId}/forms`,
      jsonInit("POST", { ...SIGNUP_FORM, memberTagIds: ["mt_nope"] }, headers),
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.message).toContain(
      "memberTagIds: unknown member tag mt_nope",
    );
  });
});

describe("PATCH /api/accounts/{accountId}/forms/{formId}", () => {
  it("changes the thank-you message and keeps the rest", async () => {
    const form = await createForm(headers, accountId);
    const res = await call(
      `/api/accounts/${accountId}/forms/${form.id}`,
      jsonInit("PATCH", { thankYouMessage: "谢谢！", allowAnonymous: true }, headers),
    );
    expect(res.status).toBe(200);
    const { form: after } = (await res.json()) as { form: Record<string, unknown> };
    expect(after).toMatchObject({
      thankYouMessage: "谢谢！",
      allowAnonymous: true,
      name: SIGNUP_FORM.name,
    });
  });

  it("refuses a key field the form's fields do not contain", async () => {
    const form = await createForm(headers, accountId, {
      ...SIGNUP_FORM,
      fields: SIGNUP_FORM.fields.filter((f) => f.type !== "email"),
    });
    const res = await call(
      `/api/accounts/${accountId}/forms/${form.id}`,
      jsonInit("PATCH", { keyField: "email" }, headers),
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.message).toContain("keyField");
  });
});

describe("GET and DELETE /api/accounts/{accountId}/forms/{formId}", () => {
  it("answers 404 for a form of another account", async () => {
    const other = await insertAccount();
    const form = await createForm(headers, other);
    expect((await call(`/api/accounts/${accountId}/forms/${form.id}`, { headers })).status).toBe(
      404,
    );
    expect((await call(`/api/accounts/${other}/forms/${form.id}`, { headers })).status).toBe(200);
  });

  it("refuses to delete a form a live code sends, then deletes it once detached", async () => {
    const form = await createForm(headers, accountId);
    const qr = await insertQrcode(accountId, form.id);
    const refused = await call(`/api/accounts/${accountId}/forms/${form.id}`, {
      method: "DELETE",
      headers,
    });
    expect(refused.status).toBe(409);
    expect(
      ((await refused.json()) as { error: { details: { qrcodeIds: string[] } } }).error.details
        .qrcodeIds,
    ).toEqual([qr]);

    const bare = await createForm(headers, accountId);
    const res = await call(`/api/accounts/${accountId}/forms/${bare.id}`, {
      method: "DELETE",
      headers,
    });
    expect(res.status).toBe(204);
    expect((await call(`/api/accounts/${accountId}/forms/${bare.id}`, { headers })).status).toBe(
      404,
    );
    const list = (await (await call(`/api/accounts/${accountId}/forms`, { headers })).json()) as {
      forms: { id: string }[];
    };
    expect(list.forms.map((f) => f.id)).not.toContain(bare.id);
  });
});

describe("forms in the audit log and the OpenAPI document", () => {
  it("records form changes and documents the form and contact routes", async () => {
    const form = await createForm(headers, accountId);
    const rows = await db().select().from(auditLog).where(eq(auditLog.entityId, form.id));
    expect(rows.map((r) => r.action)).toEqual(["form.create"]);

    const doc = (await (await call("/api/openapi.json")).json()) as {
      paths: Record<string, unknown>;
    };
    for (const path of [
      "/api/accounts/{accountId}/forms",
      "/api/accounts/{accountId}/forms/{formId}",
      "/api/accounts/{accountId}/qrcodes/{qrcodeId}/form-stats",
      "/api/contacts",
      "/api/contacts/{contactId}",
      "/api/contacts/conflicts",
      "/api/contacts/conflicts/{conflictId}/resolve",
      "/api/contacts/export",
      "/api/member-tags/{memberTagId}/merge",
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});
