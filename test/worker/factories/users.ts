import { env } from "cloudflare:workers";
import { createApiToken } from "../../../src/auth/api-tokens";
import { getDb } from "../../../src/db/client";
import { type UserRole, userAccounts, users } from "../../../src/db/schema";
import { newId } from "../../../src/lib/ids";

export type TestUser = { id: string; role: UserRole; headers: Record<string, string> };

/**
 * A user of the given role with a write-scoped API token, made directly in
 * D1 so tests do not run into the sign-in throttle.
 */
export async function createUserWithToken(
  role: UserRole,
  options: { accountIds?: string[]; scope?: "read" | "write" } = {},
): Promise<TestUser> {
  const db = getDb(env.DB);
  const now = Date.now();
  const id = newId("usr");
  await db.insert(users).values({
    id,
    email: `${id}@example.com`,
    passwordHash: "pbkdf2-sha256$1$AAAA$AAAA",
    role,
    createdAt: now,
    updatedAt: now,
  });
  for (const accountId of options.accountIds ?? []) {
    await db.insert(userAccounts).values({ userId: id, accountId, createdAt: now });
  }
  const { token } = await createApiToken(db, id, { name: "test", scope: options.scope ?? "write" });
  return { id, role, headers: { Authorization: `Bearer ${token}` } };
}

/** Grants a non-owner user one more account. */
export async function grantAccount(userId: string, accountId: string) {
  await getDb(env.DB).insert(userAccounts).values({ userId, accountId, createdAt: Date.now() });
}
