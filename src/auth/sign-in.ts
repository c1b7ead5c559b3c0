import { count, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { users } from "../db/schema";
import { newId } from "../lib/ids";
import { log } from "../lib/log";
import { hashPassword, verifyPassword } from "./password";

// A hash to compare against when the email is unknown, so that a wrong email
// and a wrong password take the same time.
const DUMMY_HASH =
  "pbkdf2-sha256$100000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * The first owner comes from ADMIN_EMAIL and ADMIN_PASSWORD: created the
 * first time anyone signs in while the users table is empty.
 */
export async function ensureFirstOwner(db: Db, env: Pick<Env, "ADMIN_EMAIL" | "ADMIN_PASSWORD">) {
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0 || !env.ADMIN_EMAIL || !env.ADMIN_PASSWORD) return;
  const now = Date.now();
  await db
    .insert(users)
    .values({
      id: newId("usr"),
      email: normaliseEmail(env.ADMIN_EMAIL),
      name: "Owner",
      passwordHash: await hashPassword(env.ADMIN_PASSWORD),
      role: "owner",
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing();
  log.info("first owner created");
}

/** The active user with this email and password, or null. Never says which part was wrong. */
export async function authenticate(db: Db, email: string, password: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .limit(1);
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.status !== "active") return null;
  await db.update(users).set({ lastLoginAt: Date.now() }).where(eq(users.id, user.id));
  return user;
}
