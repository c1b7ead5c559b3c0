import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { qrcodes } from "../db/schema";
import { canSeeAccount, type Visibility } from "./contact-visibility";

/** A code (deleted ones too: they still brought contacts) in an account this user may see. */
export async function findVisibleQrcode(db: Db, visible: Visibility, qrcodeId: string) {
  const [code] = await db
    .select({ id: qrcodes.id, accountId: qrcodes.accountId })
    .from(qrcodes)
    .where(eq(qrcodes.id, qrcodeId))
    .limit(1);
  return code && canSeeAccount(visible, code.accountId) ? code : undefined;
}
