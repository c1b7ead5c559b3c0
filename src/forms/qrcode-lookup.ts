import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { qrcodes } from "../db/schema";

/** A code of this account, deleted ones included: their statistics stay readable. */
export async function findAccountQrcode(db: Db, accountId: string, qrcodeId: string) {
  const [row] = await db
    .select({ id: qrcodes.id, formId: qrcodes.formId, name: qrcodes.name })
    .from(qrcodes)
    .where(and(eq(qrcodes.id, qrcodeId), eq(qrcodes.accountId, accountId)))
    .limit(1);
  return row;
}
