import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { sandboxCalls } from "../db/schema";

/** The calls the sandbox recorded for an AppID, newest first, optionally one path and only successes. */
export async function listCalls(
  db: Db,
  appId: string,
  filter: { path?: string; limit: number; succeeded?: boolean },
) {
  const where = and(
    eq(sandboxCalls.appId, appId),
    filter.path ? eq(sandboxCalls.path, filter.path) : undefined,
    filter.succeeded ? eq(sandboxCalls.errcode, 0) : undefined,
  );
  const rows = await db
    .select()
    .from(sandboxCalls)
    .where(where)
    .orderBy(desc(sandboxCalls.id))
    .limit(filter.limit);
  return rows.map((r) => ({
    id: r.id,
    path: r.path,
    body: r.body,
    errcode: r.errcode,
    createdAt: r.createdAt,
  }));
}
