import { and, count, eq, inArray, isNull } from "drizzle-orm";
import { chunk, findMissingMemberTags } from "../contacts/member-tag-lookup";
import type { Db } from "../db/client";
import { formSubmissions, forms, formViews, qrcodes } from "../db/schema";
import { newId } from "../lib/ids";
import type { FormRow } from "./present-form";
import { type CreateFormBody, mergedFormSchema, type UpdateFormBody } from "./schemas";

export type FormWriteResult =
  | { ok: true; form: FormRow }
  | { ok: false; reason: "unknown_member_tags"; ids: string[] }
  | { ok: false; reason: "invalid"; message: string }
  | { ok: false; reason: "not_found" };

export async function getForm(
  db: Db,
  accountId: string,
  formId: string,
): Promise<FormRow | undefined> {
  return db.query.forms.findFirst({
    where: (f, { and, eq, isNull }) =>
      and(eq(f.id, formId), eq(f.accountId, accountId), isNull(f.deletedAt)),
  });
}

export async function listForms(db: Db, accountId: string): Promise<FormRow[]> {
  return db
    .select()
    .from(forms)
    .where(and(eq(forms.accountId, accountId), isNull(forms.deletedAt)))
    .orderBy(forms.createdAt);
}

/** Views and submissions per form, for the list and the form page of the console. */
export async function countFormActivity(db: Db, formIds: readonly string[]) {
  const out = new Map<string, { views: number; submissions: number }>();
  for (const id of formIds) out.set(id, { views: 0, submissions: 0 });
  for (const part of chunk(formIds)) {
    const views = await db
      .select({ formId: formViews.formId, n: count() })
      .from(formViews)
      .where(inArray(formViews.formId, part))
      .groupBy(formViews.formId);
    const subs = await db
      .select({ formId: formSubmissions.formId, n: count() })
      .from(formSubmissions)
      .where(inArray(formSubmissions.formId, part))
      .groupBy(formSubmissions.formId);
    for (const v of views) out.set(v.formId, { views: v.n, submissions: 0 });
    for (const s of subs) {
      const c = out.get(s.formId);
      if (c) c.submissions = s.n;
    }
  }
  return out;
}

export async function createForm(
  db: Db,
  accountId: string,
  body: CreateFormBody,
): Promise<FormWriteResult> {
  const missing = await findMissingMemberTags(db, body.memberTagIds);
  if (missing.length) return { ok: false, reason: "unknown_member_tags", ids: missing };

  const now = Date.now();
  const [form] = await db
    .insert(forms)
    .values({ id: newId("form"), accountId, ...body, createdAt: now, updatedAt: now })
    .returning();
  if (!form) throw new Error("form insert returned nothing");
  return { ok: true, form };
}

/** Applies a partial change; the fields and key of the result must still make a valid form. */
export async function updateForm(
  db: Db,
  accountId: string,
  formId: string,
  patch: UpdateFormBody,
): Promise<FormWriteResult> {
  const current = await getForm(db, accountId, formId);
  if (!current) return { ok: false, reason: "not_found" };

  const merged = mergedFormSchema.safeParse({
    fields: patch.fields ?? current.fields,
    keyField: patch.keyField ?? current.keyField,
  });
  if (!merged.success) {
    const issue = merged.error.issues[0];
    const message = issue ? `${issue.path.join(".")}: ${issue.message}` : "Invalid form";
    return { ok: false, reason: "invalid", message };
  }
  const missing = patch.memberTagIds ? await findMissingMemberTags(db, patch.memberTagIds) : [];
  if (missing.length) return { ok: false, reason: "unknown_member_tags", ids: missing };

  const [form] = await db
    .update(forms)
    .set({ ...patch, updatedAt: Date.now() })
    .where(and(eq(forms.id, formId), eq(forms.accountId, accountId)))
    .returning();
  return form ? { ok: true, form } : { ok: false, reason: "not_found" };
}

export type DeleteFormResult =
  | { ok: true }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "in_use"; qrcodeIds: string[] };

/**
 * Soft delete: submissions and statistics keep pointing at the row. A form
 * still attached to a live code is refused, so no scan reply links to a dead page.
 */
export async function deleteForm(
  db: Db,
  accountId: string,
  formId: string,
): Promise<DeleteFormResult> {
  const current = await getForm(db, accountId, formId);
  if (!current) return { ok: false, reason: "not_found" };
  const users = await db
    .select({ id: qrcodes.id })
    .from(qrcodes)
    .where(
      and(eq(qrcodes.accountId, accountId), eq(qrcodes.formId, formId), isNull(qrcodes.deletedAt)),
    )
    .limit(20);
  if (users.length) return { ok: false, reason: "in_use", qrcodeIds: users.map((u) => u.id) };

  const now = Date.now();
  await db.update(forms).set({ deletedAt: now, updatedAt: now }).where(eq(forms.id, formId));
  return { ok: true };
}
