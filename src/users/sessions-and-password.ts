import { and, desc, eq, gt, isNull, ne } from "drizzle-orm";
import { hashPassword, verifyPassword } from "../auth/password";
import type { Db } from "../db/client";
import { sessions, users } from "../db/schema";

export async function listActiveSessions(db: Db, userId: string) {
  return db
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, Date.now()),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt));
}

export async function revokeOwnSession(
  db: Db,
  userId: string,
  sessionId: string,
): Promise<{ id: string; userAgent: string } | undefined> {
  const [row] = await db
    .update(sessions)
    .set({ revokedAt: Date.now() })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id, userAgent: sessions.userAgent });
  return row;
}

/**
 * Changes the signed-in user's password after checking the current one, and
 * signs out every other session: whoever knew the old password is out.
 */
export async function changePassword(
  db: Db,
  userId: string,
  currentSessionId: string | undefined,
  current: string,
  next: string,
) {
  const user = await db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, userId) });
  if (!user || !(await verifyPassword(current, user.passwordHash))) return false;
  const now = Date.now();
  const others = currentSessionId
    ? and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        ne(sessions.id, currentSessionId),
      )
    : and(eq(sessions.userId, userId), isNull(sessions.revokedAt));
  await db.batch([
    db
      .update(users)
      .set({ passwordHash: await hashPassword(next), updatedAt: now })
      .where(eq(users.id, userId)),
    db.update(sessions).set({ revokedAt: now }).where(others),
  ]);
  return true;
}
