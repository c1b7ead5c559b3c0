import { and, desc, eq, gt } from "drizzle-orm";
import type { Db } from "../../db/client";
import { sandboxTokens } from "../../db/schema";
import { randomToken } from "../../lib/ids";
import { jsonObject, type SandboxContext, wxError } from "./context";
import { CREDENTIAL_ERRMSG, checkAppCredentials } from "./credentials";

/**
 * `POST /cgi-bin/stable_token` as wechat.md describes it: JSON only,
 * repeated calls return the same token while it is valid, a new one in its
 * last 5 minutes; force_refresh issues a new one and the old one lives on
 * for a 5-minute overlap.
 * TODO(#3): force_refresh's own limits (20 a day, 30 s apart) are not
 * enforced; the client's Durable Object already spaces forced refreshes.
 */
export const TOKEN_LIFETIME_S = 7200;
const RENEW_WINDOW_MS = 5 * 60_000;

export async function issueStableToken(db: Db, appId: string, force: boolean) {
  const now = Date.now();
  const [current] = await db
    .select()
    .from(sandboxTokens)
    .where(and(eq(sandboxTokens.appId, appId), gt(sandboxTokens.expiresAt, now)))
    .orderBy(desc(sandboxTokens.expiresAt))
    .limit(1);
  if (current && !force && current.expiresAt - now > RENEW_WINDOW_MS) {
    return { token: current.token, expiresIn: Math.floor((current.expiresAt - now) / 1000) };
  }
  if (force) {
    await db
      .update(sandboxTokens)
      .set({ expiresAt: now + RENEW_WINDOW_MS })
      .where(
        and(eq(sandboxTokens.appId, appId), gt(sandboxTokens.expiresAt, now + RENEW_WINDOW_MS)),
      );
  }
  const token = randomToken(120);
  await db
    .insert(sandboxTokens)
    .values({ token, appId, expiresAt: now + TOKEN_LIFETIME_S * 1000, createdAt: now });
  return { token, expiresIn: TOKEN_LIFETIME_S };
}

export async function findToken(db: Db, token: string) {
  return (
    (await db.select().from(sandboxTokens).where(eq(sandboxTokens.token, token)).limit(1))[0] ??
    null
  );
}

/** Ends every token of the AppID now, as if they had expired (tests of the 42001 path). */
export async function expireTokens(db: Db, appId: string): Promise<number> {
  const now = Date.now();
  const rows = await db
    .update(sandboxTokens)
    .set({ expiresAt: now })
    .where(and(eq(sandboxTokens.appId, appId), gt(sandboxTokens.expiresAt, now)))
    .returning({ token: sandboxTokens.token });
  return rows.length;
}

export async function stableTokenHandler(c: SandboxContext) {
  if (!c.req.header("content-type")?.includes("application/json"))
    return wxError(c, 41002, "appid missing");
  const body = jsonObject(c);
  if (body.grant_type !== "client_credential") return wxError(c, 40002, "invalid grant_type");
  if (typeof body.secret !== "string" || !body.secret)
    return wxError(c, 41004, "appsecret missing");
  const failed = await checkAppCredentials(c.env, c.get("db"), c.get("appId"), body.secret);
  if (failed) return wxError(c, failed, CREDENTIAL_ERRMSG[failed] ?? "invalid credential");

  const issued = await issueStableToken(c.get("db"), c.get("appId"), body.force_refresh === true);
  return c.json({ access_token: issued.token, expires_in: issued.expiresIn });
}
