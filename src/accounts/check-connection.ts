import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { accounts } from "../db/schema";
import type { AccountRow } from "../http/types";
import { log } from "../lib/log";
import { getAccessToken } from "../wechat/access-token";
import { getWechatClient } from "../wechat/client";
import type { WechatError } from "../wechat/errors";

export type ConnectionCheck = { ok: boolean; message: string; errcode: number | null; at: number };

/** A scene the product never allocates (its scenes are numbers), so the probe can't shadow a code. */
const PROBE_SCENE = "connection-check";
/** The probe code lives a minute: it only proves that WeChat lets the account make codes. */
const PROBE_EXPIRE_SECONDS = 60;

const PASSED =
  "Connected: WeChat issued an access token and allowed this account to create parametric QR codes.";

/**
 * Fetches an access token (through the account's Durable Object), then asks
 * for a one-minute temporary code: the token proves the AppID, AppSecret and
 * IP allow-list (40013, 40125, 40164), the code proves the account may make
 * parametric codes at all, which needs a verified Service Account (48001).
 * The outcome is stored on the account and explained in plain words.
 */
export async function checkAccountConnection(
  env: Env,
  db: Db,
  account: AccountRow,
): Promise<ConnectionCheck> {
  const at = Date.now();
  const check = account.appSecretEnc
    ? await probe(env, account)
    : {
        ok: false,
        message: "The AppSecret is not set. Add it in the account settings.",
        errcode: null,
      };

  await db
    .update(accounts)
    .set({ lastCheckAt: at, lastCheckOk: check.ok, lastCheckMessage: check.message })
    .where(eq(accounts.id, account.id));
  if (!check.ok)
    log.warn("account check failed", { accountId: account.id, errcode: check.errcode });
  return { ...check, at };
}

async function probe(env: Env, account: AccountRow): Promise<Omit<ConnectionCheck, "at">> {
  const token = await getAccessToken(env, account);
  if (!token.ok) return failed(token.error);
  const code = await getWechatClient(env, account).createQrCode({
    actionName: "QR_STR_SCENE",
    sceneStr: PROBE_SCENE,
    expireSeconds: PROBE_EXPIRE_SECONDS,
  });
  if (!code.ok) return failed(code.error);
  return { ok: true, message: PASSED, errcode: null };
}

function failed(error: WechatError): Omit<ConnectionCheck, "at"> {
  return { ok: false, message: error.explanation, errcode: error.errcode };
}
