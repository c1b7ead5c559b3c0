import { eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../db/client";
import { contactEvents, contacts } from "../db/schema";
import { newId } from "../lib/ids";
import type { ContactRow } from "./contact-patch";
import { chunk } from "./member-tag-lookup";

export type ContactEventKind = (typeof contactEvents.$inferInsert)["kind"];
export type ContactEventInput = {
  contactId: string;
  kind: ContactEventKind;
  details: Record<string, unknown>;
  actorUserId?: string | null;
};
export type Statement = BatchItem<"sqlite">;

export async function findContact(db: Db, id: string): Promise<ContactRow | undefined> {
  const [row] = await db.select().from(contacts).where(eq(contacts.id, id)).limit(1);
  return row;
}

export async function findContactByKey(
  db: Db,
  column: "mobile" | "email",
  value: string,
): Promise<ContactRow | undefined> {
  const [row] = await db.select().from(contacts).where(eq(contacts[column], value)).limit(1);
  return row;
}

// Six bound parameters a row: 15 rows stay under D1's 100 per statement.
const EVENTS_PER_INSERT = 15;

/** Insert statements for contact events, to run inside the caller's batch. */
export function contactEventStatements(
  db: Db,
  events: readonly ContactEventInput[],
  now: number,
): Statement[] {
  return chunk(events, EVENTS_PER_INSERT).map((part) =>
    db.insert(contactEvents).values(
      part.map((e) => ({
        id: newId("cev"),
        contactId: e.contactId,
        kind: e.kind,
        details: e.details,
        actorUserId: e.actorUserId ?? null,
        createdAt: now,
      })),
    ),
  );
}

/** Runs statements as one D1 batch: all of them apply, or none (D1 rejects BEGIN). */
export async function runBatch(db: Db, statements: Statement[]): Promise<void> {
  const [first, ...rest] = statements;
  if (!first) return;
  await db.batch([first, ...rest]);
}

/** Whether an error (or its cause) is SQLite refusing a duplicate in a unique index. */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 4; depth++) {
    if (e instanceof Error && e.message.includes("UNIQUE constraint failed")) return true;
    e = e instanceof Error ? e.cause : undefined;
  }
  return false;
}
