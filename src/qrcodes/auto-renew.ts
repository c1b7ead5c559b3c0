import { and, asc, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "../db/client";
import { accounts, qrcodes } from "../db/schema";
import { log } from "../lib/log";
import { renewQrCode } from "./renew-qrcode";

/** Auto-renew codes are renewed when they expire within this long (the cron runs every 15 min). */
export const AUTO_RENEW_BEFORE_MS = 2 * 86_400_000;
const MAX_PER_RUN = 200;
/** A code WeChat refused for good (e.g. 48001) steps aside this long, so it cannot starve others. */
const REFUSED_BACKOFF_MS = 6 * 3600_000;

/**
 * The cron task: renews temporary codes marked auto-renew that expire within
 * two days, soonest first, skipping archived and deleted codes and accounts.
 * Returns how many were renewed.
 */
export async function autoRenewQrCodes(env: Env, db: Db, now: number): Promise<number> {
  const due = await db
    .select({ code: qrcodes, account: accounts })
    .from(qrcodes)
    .innerJoin(accounts, eq(accounts.id, qrcodes.accountId))
    .where(
      and(
        eq(qrcodes.autoRenew, true),
        eq(qrcodes.kind, "temporary"),
        eq(qrcodes.status, "active"),
        isNull(qrcodes.deletedAt),
        isNull(accounts.deletedAt),
        lt(qrcodes.expiresAt, now + AUTO_RENEW_BEFORE_MS),
        or(isNull(qrcodes.renewLeaseUntil), lt(qrcodes.renewLeaseUntil, now)),
      ),
    )
    .orderBy(asc(qrcodes.expiresAt))
    .limit(MAX_PER_RUN);

  let renewed = 0;
  for (const { code, account } of due) {
    const result = await renewQrCode(env, db, account, code, now);
    if (result.ok) renewed++;
    else if (result.reason === "wechat" && result.error.retryable === "no") {
      await db
        .update(qrcodes)
        .set({ renewLeaseUntil: now + REFUSED_BACKOFF_MS })
        .where(eq(qrcodes.id, code.id));
    }
  }
  if (due.length) log.info("qrcodes auto-renewed", { due: due.length, renewed });
  return renewed;
}
