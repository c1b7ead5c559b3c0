import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { qrGroups } from "../db/schema";
import { newId } from "../lib/ids";

/** An insert of the named group that does nothing when the account already has it. */
export function insertGroupIfMissing(db: Db, accountId: string, name: string, now = Date.now()) {
  return db
    .insert(qrGroups)
    .values({ id: newId("grp"), accountId, name, createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: [qrGroups.accountId, qrGroups.name] });
}

/** The id of the account's group of this name, as SQL, for use inside the same batch. */
export function groupIdByName(accountId: string, name: string): SQL {
  return sql`(select ${qrGroups.id} from ${qrGroups} where ${qrGroups.accountId} = ${accountId} and ${qrGroups.name} = ${name})`;
}

export async function findGroupByName(db: Db, accountId: string, name: string) {
  return db.query.qrGroups.findFirst({
    where: and(eq(qrGroups.accountId, accountId), eq(qrGroups.name, name)),
  });
}

/** The account's group of this name, made when missing; concurrent callers get the same one. */
export async function findOrCreateGroup(db: Db, accountId: string, name: string) {
  await insertGroupIfMissing(db, accountId, name);
  const group = await findGroupByName(db, accountId, name);
  if (!group) throw new Error("group missing after insert");
  return group;
}
