import { and, eq, inArray, isNull, ne } from "drizzle-orm";
import { visibleAccountIds } from "../accounts/access";
import { roleAtLeast } from "../auth/middleware";
import { hashPassword } from "../auth/password";
import { normaliseEmail } from "../auth/sign-in";
import { type Db, runBatch } from "../db/client";
import { accounts, apiTokens, sessions, type UserRole, userAccounts, users } from "../db/schema";
import type { AuthContext } from "../http/types";
import { newId, randomToken } from "../lib/ids";

export type UserRow = typeof users.$inferSelect;
export type ManageFailure =
  | { ok: false; reason: "forbidden"; message: string }
  | { ok: false; reason: "conflict"; message: string }
  | { ok: false; reason: "not_found"; message: string };

/** Owners manage everyone; admins manage operators and viewers only. */
export function canManageRole(actor: AuthContext, role: UserRole): boolean {
  return actor.role === "owner" || (actor.role === "admin" && !roleAtLeast(role, "admin"));
}

/**
 * An admin sees and gives grants only of the accounts granted to them: an
 * account they cannot see is, to them, one that does not exist.
 */
function seenBy(visible: string[] | "all", accountIds: string[]): string[] {
  return visible === "all" ? accountIds : accountIds.filter((id) => visible.includes(id));
}

export async function listUsersWithAccounts(db: Db, actor: AuthContext) {
  const visible = await visibleAccountIds(db, actor);
  const rows = await db.select().from(users).orderBy(users.email);
  const grants = await db.select().from(userAccounts);
  return rows.map((u) => ({
    user: u,
    accountIds: seenBy(
      visible,
      grants.filter((g) => g.userId === u.id).map((g) => g.accountId),
    ),
  }));
}

async function existingAccountIds(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(inArray(accounts.id, ids), isNull(accounts.deletedAt)));
  return rows.map((r) => r.id);
}

function grantStatements(db: Db, userId: string, accountIds: string[]) {
  const now = Date.now();
  return [
    db.delete(userAccounts).where(eq(userAccounts.userId, userId)),
    ...accountIds.map((accountId) =>
      db.insert(userAccounts).values({ userId, accountId, createdAt: now }),
    ),
  ];
}

export type CreateUserOptions = {
  email: string;
  name: string;
  role: UserRole;
  password?: string;
  accountIds: string[];
};

export async function createUser(db: Db, actor: AuthContext, options: CreateUserOptions) {
  if (!canManageRole(actor, options.role)) {
    return {
      ok: false,
      reason: "forbidden",
      message: `An ${actor.role} cannot create a user with the ${options.role} role`,
    } as const;
  }
  const email = normaliseEmail(options.email);
  const taken = await db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, email) });
  if (taken)
    return {
      ok: false,
      reason: "conflict",
      message: `A user with email ${email} already exists`,
    } as const;

  const visible = await visibleAccountIds(db, actor);
  const accountIds = seenBy(visible, await existingAccountIds(db, options.accountIds));
  const temporaryPassword = options.password ? null : randomToken(14);
  const now = Date.now();
  const user = {
    id: newId("usr"),
    email,
    name: options.name,
    role: options.role,
    passwordHash: await hashPassword(options.password ?? temporaryPassword ?? ""),
    createdAt: now,
    updatedAt: now,
  };
  await db.batch([db.insert(users).values(user), ...grantStatements(db, user.id, accountIds)]);
  const row = await db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, user.id) });
  if (!row) throw new Error("created user not found");
  return { ok: true, user: row, accountIds, temporaryPassword } as const;
}

export type UpdateUserOptions = {
  name?: string;
  role?: UserRole;
  status?: "active" | "deactivated";
  accountIds?: string[];
};

async function isLastActiveOwner(db: Db, userId: string): Promise<boolean> {
  const others = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "owner"), eq(users.status, "active"), ne(users.id, userId)))
    .limit(1);
  return others.length === 0;
}

/** The grants after an update: the requested ones the actor can see, and those they cannot, kept. */
async function nextGrants(
  db: Db,
  visible: string[] | "all",
  userId: string,
  requested: string[],
): Promise<string[]> {
  const granted = seenBy(visible, await existingAccountIds(db, requested));
  if (visible === "all") return granted;
  const current = await db.select().from(userAccounts).where(eq(userAccounts.userId, userId));
  const unseen = current.map((g) => g.accountId).filter((id) => !visible.includes(id));
  return [...new Set([...granted, ...unseen])];
}

/** Changes role, status or grants. Deactivating ends the user's sessions and tokens at once. */
export async function updateUser(
  db: Db,
  actor: AuthContext,
  userId: string,
  options: UpdateUserOptions,
) {
  const target = await db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, userId) });
  if (!target) return { ok: false, reason: "not_found", message: "User not found" } as const;
  if (!canManageRole(actor, target.role) || (options.role && !canManageRole(actor, options.role))) {
    return {
      ok: false,
      reason: "forbidden",
      message: "Your role cannot manage this user",
    } as const;
  }
  const losesOwner =
    target.role === "owner" &&
    ((options.role && options.role !== "owner") || options.status === "deactivated");
  if (losesOwner && (await isLastActiveOwner(db, userId))) {
    return {
      ok: false,
      reason: "conflict",
      message: "The last active owner cannot be demoted or deactivated",
    } as const;
  }

  const now = Date.now();
  const visible = await visibleAccountIds(db, actor);
  // Read before the batch: the audit entry's "before" must hold the grants the change replaced.
  const beforeGrants = await db
    .select({ accountId: userAccounts.accountId })
    .from(userAccounts)
    .where(eq(userAccounts.userId, userId));
  const statements = [
    db
      .update(users)
      .set({ name: options.name, role: options.role, status: options.status, updatedAt: now })
      .where(eq(users.id, userId)),
    ...(options.accountIds
      ? grantStatements(db, userId, await nextGrants(db, visible, userId, options.accountIds))
      : []),
    ...(options.status === "deactivated"
      ? [
          db
            .update(sessions)
            .set({ revokedAt: now })
            .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt))),
          db
            .update(apiTokens)
            .set({ revokedAt: now })
            .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt))),
        ]
      : []),
  ];
  await runBatch(db, statements);
  const after = await db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, userId) });
  const grants = await db.select().from(userAccounts).where(eq(userAccounts.userId, userId));
  if (!after) throw new Error("updated user not found");
  return {
    ok: true,
    before: target,
    beforeAccountIds: seenBy(
      visible,
      beforeGrants.map((g) => g.accountId),
    ),
    user: after,
    accountIds: seenBy(
      visible,
      grants.map((g) => g.accountId),
    ),
  } as const;
}
