import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { sessions, users } from "../db/schema";
import { base64UrlEncode, sha256Hex } from "../lib/encoding";

export const SESSION_COOKIE = "qrc_session";
export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;
/** Refresh `last_seen_at` and slide the expiry at most this often. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export async function createSession(db: Db, userId: string, userAgent: string) {
  const secret = base64UrlEncode(crypto.getRandomValues(new Uint8Array(32)));
  const now = Date.now();
  await db.insert(sessions).values({
    id: await sha256Hex(secret),
    userId,
    userAgent: userAgent.slice(0, 200),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + SESSION_TTL_MS,
  });
  return { cookieValue: secret, expiresAt: now + SESSION_TTL_MS };
}

/** The active user behind a session cookie, or null when it is unknown, expired or revoked. */
export async function findSessionUser(db: Db, cookieValue: string) {
  const id = await sha256Hex(cookieValue);
  const now = Date.now();
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .limit(1);
  if (!row || row.user.status !== "active") return null;

  if (now - row.session.lastSeenAt > TOUCH_EVERY_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: now + SESSION_TTL_MS })
      .where(eq(sessions.id, id));
  }
  return row;
}

export async function revokeSession(db: Db, sessionId: string) {
  await db.update(sessions).set({ revokedAt: Date.now() }).where(eq(sessions.id, sessionId));
}
