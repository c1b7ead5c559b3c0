import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { sandboxFaults } from "../db/schema";
import { newId } from "../lib/ids";

/**
 * Fault injection for the WeChat sandbox: tests and demos tell it to answer
 * the next calls of an AppID with an errcode (-1, 45011, 40001...) or
 * slowly, to exercise the client's retries and timeouts.
 */
export type FaultInput = {
  path: string;
  errcode: number | null;
  errmsg?: string;
  delayMs: number;
  times: number;
};
export type Fault = typeof sandboxFaults.$inferSelect;

export async function addFault(db: Db, appId: string, input: FaultInput): Promise<Fault> {
  const [row] = await db
    .insert(sandboxFaults)
    .values({
      id: newId("flt"),
      appId,
      path: input.path,
      errcode: input.errcode,
      errmsg: input.errmsg ?? "",
      delayMs: input.delayMs,
      remaining: input.times,
      createdAt: Date.now(),
    })
    .returning();
  if (!row) throw new Error("fault insert returned nothing");
  return row;
}

export function listFaults(db: Db, appId: string) {
  return db
    .select()
    .from(sandboxFaults)
    .where(and(eq(sandboxFaults.appId, appId), gt(sandboxFaults.remaining, 0)))
    .orderBy(asc(sandboxFaults.createdAt));
}

export async function clearFaults(db: Db, appId: string): Promise<void> {
  await db.delete(sandboxFaults).where(eq(sandboxFaults.appId, appId));
}

/** Takes one use of the oldest fault matching the call, if any. */
export async function takeFault(db: Db, appId: string, path: string): Promise<Fault | null> {
  const [fault] = await db
    .select()
    .from(sandboxFaults)
    .where(
      and(
        eq(sandboxFaults.appId, appId),
        inArray(sandboxFaults.path, [path, "*"]),
        gt(sandboxFaults.remaining, 0),
      ),
    )
    .orderBy(asc(sandboxFaults.createdAt))
    .limit(1);
  if (!fault) return null;
  const taken = await db
    .update(sandboxFaults)
    .set({ remaining: sql`${sandboxFaults.remaining} - 1` })
    .where(and(eq(sandboxFaults.id, fault.id), gt(sandboxFaults.remaining, 0)))
    .returning({ id: sandboxFaults.id });
  return taken.length ? fault : null;
}
