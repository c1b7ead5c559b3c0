import { and, count, countDistinct, gte, inArray, lt, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { chunk } from "../contacts/member-tag-lookup";
import type { Db } from "../db/client";
import { formSubmissions, formViews } from "../db/schema";

/** What a code's form did: pages opened, submissions, and distinct contacts they reached. */
export type FormNumbers = { opened: number; submitted: number; matched: number };

export type DateRange = { from?: number; to?: number };

function inRange(column: SQLiteColumn, range: DateRange): SQL[] {
  const parts: SQL[] = [];
  if (range.from !== undefined) parts.push(gte(column, range.from));
  if (range.to !== undefined) parts.push(lt(column, range.to));
  return parts;
}

/**
 * The form numbers of each code, shown beside its scan numbers. Codes with
 * no form activity answer zeros. `range` bounds by Unix ms [from, to).
 */
export async function getFormNumbers(
  db: Db,
  qrcodeIds: readonly string[],
  range: DateRange = {},
): Promise<Map<string, FormNumbers>> {
  const out = new Map<string, FormNumbers>();
  for (const id of qrcodeIds) out.set(id, { opened: 0, submitted: 0, matched: 0 });

  for (const part of chunk([...new Set(qrcodeIds)])) {
    const views = await db
      .select({ qrcodeId: formViews.qrcodeId, n: count() })
      .from(formViews)
      .where(and(inArray(formViews.qrcodeId, part), ...inRange(formViews.createdAt, range)))
      .groupBy(formViews.qrcodeId);
    const subs = await db
      .select({
        qrcodeId: formSubmissions.qrcodeId,
        n: count(),
        contacts: countDistinct(formSubmissions.contactId),
      })
      .from(formSubmissions)
      .where(
        and(inArray(formSubmissions.qrcodeId, part), ...inRange(formSubmissions.createdAt, range)),
      )
      .groupBy(formSubmissions.qrcodeId);

    for (const v of views) {
      const n = v.qrcodeId ? out.get(v.qrcodeId) : undefined;
      if (n) n.opened = v.n;
    }
    for (const s of subs) {
      const n = s.qrcodeId ? out.get(s.qrcodeId) : undefined;
      if (n) {
        n.submitted = s.n;
        n.matched = s.contacts;
      }
    }
  }
  return out;
}
