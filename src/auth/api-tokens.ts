import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { type ApiTokenScope, apiTokens, users } from "../db/schema";
import { base64UrlEncode, sha256Hex } from "../lib/encoding";
import { newId } from "../lib/ids";

const TOKEN_PREFIX = "qrc_";

export type CreateApiTokenOptions = { name: string; scope: ApiTokenScope; expiresInDays?: number };

/** Creates a token; the plaintext is returned once and only its hash is stored. */
export async function createApiToken(db: Db, userId: string, options: CreateApiTokenOptions) {
  const token = TOKEN_PREFIX + base64UrlEncode(crypto.getRandomValues(new Uint8Array(32)));
  const now = Date.now();
  const row = {
    id: newId("tok"),
    userId,
    name: options.name,
    tokenHash: await sha256Hex(token),
    prefix: token.slice(0, 10),
    scope: options.scope,
    createdAt: now,
    expiresAt: options.expiresInDays ? now + options.expiresInDays * 86_400_000 : null,
  };
  await db.insert(apiTokens).values(row);
  return { token, row };
}

export async function findTokenUser(db: Db, token: string) {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, await sha256Hex(token)), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row || row.user.status !== "active") return null;
  if (row.token.expiresAt !== null && row.token.expiresAt < Date.now()) return null;
  return row;
}

export async function touchApiToken(db: Db, tokenId: string) {
  await db.update(apiTokens).set({ lastUsedAt: Date.now() }).where(eq(apiTokens.id, tokenId));
}

export async function listApiTokens(db: Db, userId: string) {
  return db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt));
}

/** The revoked token's name and scope, for the audit log; undefined when none was revoked. */
export async function revokeApiToken(db: Db, userId: string, tokenId: string) {
  const [revoked] = await db
    .update(apiTokens)
    .set({ revokedAt: Date.now() })
    .where(
      and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)),
    )
    .returning({ id: apiTokens.id, name: apiTokens.name, scope: apiTokens.scope });
  return revoked;
}
