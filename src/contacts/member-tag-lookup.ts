import { inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { memberTags } from "../db/schema";

/** D1 binds at most 100 parameters per statement; lists are queried in slices of this size. */
export const ID_CHUNK = 90;

export function chunk<T>(items: readonly T[], size = ID_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Which of these member tag ids do not exist. */
export async function findMissingMemberTags(db: Db, ids: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(ids)];
  const found = new Set<string>();
  for (const part of chunk(wanted)) {
    const rows = await db
      .select({ id: memberTags.id })
      .from(memberTags)
      .where(inArray(memberTags.id, part));
    for (const r of rows) found.add(r.id);
  }
  return wanted.filter((id) => !found.has(id));
}

/** The subset of these ids that still name a member tag, in their order. */
export async function existingMemberTags(db: Db, ids: readonly string[]): Promise<string[]> {
  const missing = new Set(await findMissingMemberTags(db, ids));
  return [...new Set(ids)].filter((id) => !missing.has(id));
}
