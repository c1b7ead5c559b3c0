import { and, eq, inArray, isNull } from "drizzle-orm";
import { createMiddleware } from "hono/factory";
import { type Db, getDb } from "../db/client";
import { accounts, userAccounts } from "../db/schema";
import { notFound } from "../http/errors";
import type { AppEnv, AuthContext } from "../http/types";

/** The ids of the accounts a user may see: all for owners, the granted ones otherwise. */
export async function visibleAccountIds(db: Db, auth: AuthContext): Promise<string[] | "all"> {
  if (auth.role === "owner") return "all";
  const rows = await db
    .select({ id: userAccounts.accountId })
    .from(userAccounts)
    .where(eq(userAccounts.userId, auth.userId));
  return rows.map((r) => r.id);
}

export async function listVisibleAccounts(db: Db, auth: AuthContext) {
  const visible = await visibleAccountIds(db, auth);
  if (visible !== "all" && visible.length === 0) return [];
  const where =
    visible === "all"
      ? isNull(accounts.deletedAt)
      : and(isNull(accounts.deletedAt), inArray(accounts.id, visible));
  return db.select().from(accounts).where(where).orderBy(accounts.name);
}

/**
 * The one place per-account access is enforced. Every route under
 * `/api/accounts/:accountId/*` passes here; an account the caller may not see
 * answers exactly as one that does not exist.
 */
export const loadAccount = createMiddleware<AppEnv>(async (c, next) => {
  const accountId = c.req.param("accountId");
  if (!accountId) throw notFound("Account");
  const db = getDb(c.env.DB);
  const account = await db.query.accounts.findFirst({
    where: (a, { and, eq, isNull }) => and(eq(a.id, accountId), isNull(a.deletedAt)),
  });
  if (!account) throw notFound("Account");

  const auth = c.get("auth");
  if (auth.role !== "owner") {
    const grant = await db.query.userAccounts.findFirst({
      where: (g, { and, eq }) => and(eq(g.userId, auth.userId), eq(g.accountId, accountId)),
    });
    if (!grant) throw notFound("Account");
  }
  c.set("account", account);
  return next();
});
