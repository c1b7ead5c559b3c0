import { and, count, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { qrcodes } from "../db/schema";

/** wechat.md: at most 100,000 permanent codes per account; WeChat answers 45029 past it. */
export const PERMANENT_CODE_CAP = 100_000;

/**
 * How many more permanent codes the account may make. Deleted codes count:
 * WeChat has no way to delete a permanent code, so its slot is spent.
 */
export async function remainingPermanentCodes(db: Db, accountId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(qrcodes)
    .where(and(eq(qrcodes.accountId, accountId), eq(qrcodes.kind, "permanent")));
  return Math.max(0, PERMANENT_CODE_CAP - (row?.n ?? 0));
}

export const PERMANENT_CAP_MESSAGE = `The account has reached WeChat's cap of ${PERMANENT_CODE_CAP.toLocaleString("en-US")} permanent QR codes. Use temporary codes instead.`;
