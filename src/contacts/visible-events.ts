import { eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { contactConflicts, fans, formSubmissions, forms, qrcodes } from "../db/schema";
import type { Visibility } from "./contact-visibility";

type EventLike = { details: Record<string, unknown> };

/** Detail keys naming something that belongs to one account. */
const REFERENCES = ["fanId", "formId", "submissionId", "qrcodeId", "conflictId"] as const;
type Reference = (typeof REFERENCES)[number];

const idOf = (e: EventLike, key: string) =>
  typeof e.details[key] === "string" ? (e.details[key] as string) : null;

async function accountsOf(db: Db, key: Reference, ids: string[]) {
  if (key === "fanId")
    return db
      .select({ id: fans.id, accountId: fans.accountId })
      .from(fans)
      .where(inArray(fans.id, ids));
  if (key === "formId")
    return db
      .select({ id: forms.id, accountId: forms.accountId })
      .from(forms)
      .where(inArray(forms.id, ids));
  if (key === "submissionId")
    return db
      .select({ id: formSubmissions.id, accountId: formSubmissions.accountId })
      .from(formSubmissions)
      .where(inArray(formSubmissions.id, ids));
  if (key === "qrcodeId")
    return db
      .select({ id: qrcodes.id, accountId: qrcodes.accountId })
      .from(qrcodes)
      .where(inArray(qrcodes.id, ids));
  return db
    .select({ id: contactConflicts.id, accountId: fans.accountId })
    .from(contactConflicts)
    .innerJoin(fans, eq(fans.id, contactConflicts.fanId))
    .where(inArray(contactConflicts.id, ids));
}

/**
 * A contact is shared by every account its person touched, but its history
 * names fans, forms, submissions and codes of single accounts. A user who
 * is not an owner sees only the events of accounts granted to them: an
 * event of another account would show its ids and what was submitted there.
 */
export async function visibleContactEvents<T extends EventLike>(
  db: Db,
  visible: Visibility,
  events: T[],
): Promise<T[]> {
  if (visible === "all") return events;
  const hidden = new Set<string>();
  for (const key of REFERENCES) {
    const ids = [...new Set(events.map((e) => idOf(e, key)).filter((id) => id !== null))];
    if (!ids.length) continue;
    for (const row of await accountsOf(db, key, ids)) {
      if (!visible.includes(row.accountId)) hidden.add(row.id);
    }
  }
  return events.filter((e) => {
    const accountId = idOf(e, "accountId");
    if (accountId && !visible.includes(accountId)) return false;
    return !REFERENCES.some((key) => hidden.has(idOf(e, key) ?? ""));
  });
}
