import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { accounts } from "../../db/schema";
import { timingSafeEqual } from "../../lib/encoding";
import { loadAccountSecrets } from "../../wechat/account-secrets";

/**
 * The sandbox knows an AppID when an account of the product has it, and
 * checks the AppSecret against that account's sealed secret: the same pair
 * the client sends to WeChat works here, and a wrong one fails as there.
 */
export async function checkAppCredentials(
  env: Env,
  db: Db,
  appId: string,
  secret: string,
): Promise<number | null> {
  const account = await db.query.accounts.findFirst({
    where: and(eq(accounts.appId, appId), isNull(accounts.deletedAt)),
  });
  if (!account) return 40013;
  const { appSecret } = await loadAccountSecrets(env, account);
  if (!appSecret || !timingSafeEqual(appSecret, secret)) return 40125;
  return null;
}

export const CREDENTIAL_ERRMSG: Record<number, string> = {
  40013: "invalid appid",
  40125: "invalid appsecret",
};
