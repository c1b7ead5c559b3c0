import { and, desc, eq, isNull } from "drizzle-orm";
import type { Context } from "hono";
import { getDb } from "../../db/client";
import { accounts, sandboxFans, sandboxOauthCodes } from "../../db/schema";
import { randomToken } from "../../lib/ids";
import { newOpenid, type SandboxContext, type SandboxEnv, wxError } from "./context";
import { CREDENTIAL_ERRMSG, checkAppCredentials } from "./credentials";

/**
 * Web authorisation in the sandbox (wechat.md "Learning a visitor's
 * openid"). The authorize page stands in for WeChat's: it lists the
 * AppID's sandbox fans to act as, or a new visitor, then redirects back
 * with a single-use code that lives 5 minutes. The code exchange answers
 * 40029 for an unknown or expired code and 40163 for a used one (WeChat's
 * codes; wechat.md does not list them).
 */
const CODE_LIFETIME_MS = 5 * 60_000;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export async function authorizePage(c: Context<SandboxEnv>) {
  const db = getDb(c.env.DB);
  const appId = c.req.query("appid") ?? "";
  const redirectUri = c.req.query("redirect_uri") ?? "";
  const account = await db.query.accounts.findFirst({
    where: and(eq(accounts.appId, appId), isNull(accounts.deletedAt)),
  });
  // Real accounts authorise at open.weixin.qq.com; this page serves sandbox accounts only.
  if (!account?.isSandbox) return c.text("Sandbox: unknown appid", 400);
  // Only back to this Worker: the sandbox must not become an open redirect.
  let target: URL;
  try {
    target = new URL(redirectUri);
  } catch {
    return c.text("Sandbox: redirect_uri is not a URL", 400);
  }
  if (target.origin !== new URL(c.req.url).origin)
    return c.text("Sandbox: redirect_uri must be on this site", 400);

  const openid = c.req.query("openid");
  if (!openid) return c.html(await pickerPage(c, appId));
  const code = randomToken(32);
  const now = Date.now();
  await db
    .insert(sandboxOauthCodes)
    .values({ code, appId, openid, expiresAt: now + CODE_LIFETIME_MS, createdAt: now });
  target.searchParams.set("code", code);
  target.searchParams.set("state", c.req.query("state") ?? "");
  return c.redirect(target.toString(), 302);
}

async function pickerPage(c: Context<SandboxEnv>, appId: string): Promise<string> {
  const fans = await getDb(c.env.DB)
    .select({ openid: sandboxFans.openid, following: sandboxFans.following })
    .from(sandboxFans)
    .where(eq(sandboxFans.appId, appId))
    .orderBy(desc(sandboxFans.updatedAt))
    .limit(50);
  // Query-only links: the page may be served under /sandbox/wechat, a prefix this app never sees.
  const link = (openid: string) => {
    const url = new URL(c.req.url);
    url.searchParams.set("openid", openid);
    return escapeHtml(url.search);
  };
  const items = fans
    .map(
      (f) =>
        `<li><a href="${link(f.openid)}">${escapeHtml(f.openid)}</a>${f.following ? "" : " (not following)"}</li>`,
    )
    .join("");
  return `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>WeChat sandbox</title><h1>WeChat sandbox: who is visiting?</h1><ul>${items}<li><a href="${link(newOpenid())}">A new visitor</a></li></ul>`;
}

export async function oauthAccessTokenHandler(c: SandboxContext) {
  const db = c.get("db");
  const appId = c.get("appId");
  if (c.req.query("grant_type") !== "authorization_code")
    return wxError(c, 40002, "invalid grant_type");
  const failed = await checkAppCredentials(c.env, db, appId, c.req.query("secret") ?? "");
  if (failed) return wxError(c, failed, CREDENTIAL_ERRMSG[failed] ?? "invalid credential");

  const code = c.req.query("code") ?? "";
  const [row] = await db
    .select()
    .from(sandboxOauthCodes)
    .where(and(eq(sandboxOauthCodes.code, code), eq(sandboxOauthCodes.appId, appId)))
    .limit(1);
  if (!row || row.expiresAt <= Date.now()) return wxError(c, 40029, "invalid code");
  const used = await db
    .update(sandboxOauthCodes)
    .set({ usedAt: Date.now() })
    .where(and(eq(sandboxOauthCodes.code, code), isNull(sandboxOauthCodes.usedAt)))
    .returning({ code: sandboxOauthCodes.code });
  if (used.length === 0) return wxError(c, 40163, "code been used");
  return c.json({
    access_token: randomToken(64),
    expires_in: 7200,
    refresh_token: randomToken(64),
    openid: row.openid,
    scope: "snsapi_base",
    is_snapshotuser: 0,
  });
}
