import { type SQL, sql } from "drizzle-orm";
import { visibleAccountIds } from "../accounts/access";
import type { Db } from "../db/client";
import { contacts, fans, formSubmissions } from "../db/schema";
import type { AuthContext } from "../http/types";

/**
 * Contacts are global: one person across the company's accounts. A user who
 * is not an owner sees a contact when it touches an account granted to them:
 * a linked fan of that account, or a submission made on one of its forms.
 * Anything else answers as if it did not exist (404), like another
 * account's code. Owners see every contact.
 */
export type Visibility = "all" | string[];

export async function contactVisibility(db: Db, auth: AuthContext): Promise<Visibility> {
  return visibleAccountIds(db, auth);
}

/** The account ids as one JSON parameter, so any number of them binds once. */
export function accountIdsJson(visible: string[]): string {
  return JSON.stringify(visible);
}

/** A WHERE condition on `contacts` for this visibility; undefined when all are visible. */
export function visibleContactCondition(visible: Visibility): SQL | undefined {
  if (visible === "all") return undefined;
  const ids = accountIdsJson(visible);
  return sql`(exists (select 1 from ${fans} where ${fans.contactId} = ${contacts.id}
      and ${fans.accountId} in (select value from json_each(${ids})))
    or exists (select 1 from ${formSubmissions} where ${formSubmissions.contactId} = ${contacts.id}
      and ${formSubmissions.accountId} in (select value from json_each(${ids}))))`;
}

/** Whether one account id is visible. */
export function canSeeAccount(visible: Visibility, accountId: string): boolean {
  return visible === "all" || visible.includes(accountId);
}
