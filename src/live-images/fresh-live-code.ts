import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { accounts, qrcodes } from "../db/schema";
import type { AccountRow } from "../http/types";
import { log } from "../lib/log";
import type { QrCodeRow } from "../qrcodes/present-qrcode";
import { renewQrCode } from "../qrcodes/renew-qrcode";

/** A temporary code behind a live URL is renewed when it expires within a day. */
export const LIVE_RENEW_BEFORE_MS = 86_400_000;

export type LiveCode = { code: QrCodeRow; account: AccountRow; fresh: boolean };

/**
 * The code behind a live token, renewed first when it is a temporary code
 * that has expired or soon will, so that the image a page shows still scans.
 * When renewal fails (or another caller is renewing) the current ticket is
 * served and marked not fresh, so that it is not cached.
 */
export async function freshLiveCode(
  env: Env,
  db: Db,
  liveToken: string,
  now = Date.now(),
): Promise<LiveCode | undefined> {
  const [found] = await db
    .select({ code: qrcodes, account: accounts })
    .from(qrcodes)
    .innerJoin(accounts, eq(accounts.id, qrcodes.accountId))
    .where(
      and(eq(qrcodes.liveToken, liveToken), isNull(qrcodes.deletedAt), isNull(accounts.deletedAt)),
    )
    .limit(1);
  if (!found) return undefined;

  const { code, account } = found;
  const due =
    code.kind === "temporary" &&
    (code.expiresAt === null || code.expiresAt - now < LIVE_RENEW_BEFORE_MS);
  if (!due) return { code, account, fresh: true };

  const renewed = await renewQrCode(env, db, account, code, now);
  if (renewed.ok) return { code: renewed.code, account, fresh: true };
  log.warn("live image served without renewal", { qrcodeId: code.id, reason: renewed.reason });
  return { code, account, fresh: code.expiresAt !== null && code.expiresAt > now };
}
