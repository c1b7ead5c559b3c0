import { count, desc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { formSubmissions } from "../db/schema";

export type PageOptions = { page: number; pageSize: number };

/** One page of a form's submissions, newest first; the client hash never leaves the server. */
export async function listFormSubmissions(db: Db, formId: string, options: PageOptions) {
  const where = eq(formSubmissions.formId, formId);
  const [total] = await db.select({ n: count() }).from(formSubmissions).where(where);
  const rows = await db
    .select({
      id: formSubmissions.id,
      formId: formSubmissions.formId,
      qrcodeId: formSubmissions.qrcodeId,
      fanId: formSubmissions.fanId,
      contactId: formSubmissions.contactId,
      data: formSubmissions.data,
      outcome: formSubmissions.outcome,
      createdAt: formSubmissions.createdAt,
    })
    .from(formSubmissions)
    .where(where)
    .orderBy(desc(formSubmissions.createdAt))
    .limit(options.pageSize)
    .offset((options.page - 1) * options.pageSize);
  return { submissions: rows, total: total?.n ?? 0, ...options };
}
