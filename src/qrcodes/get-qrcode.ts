import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { qrcodes, qrGroups } from "../db/schema";
import { getCodeNumbers } from "../stats/code-numbers";
import type { ListedQrCode, QrCodeRow } from "./present-qrcode";

/** A code of this account that is not deleted; another account's id finds nothing. */
export async function findQrCode(
  db: Db,
  accountId: string,
  id: string,
): Promise<QrCodeRow | undefined> {
  return db.query.qrcodes.findFirst({
    where: and(eq(qrcodes.id, id), eq(qrcodes.accountId, accountId), isNull(qrcodes.deletedAt)),
  });
}

/** The code with what the API shows beside it: its group's name and its numbers. */
export async function getQrCodeDetails(
  db: Db,
  accountId: string,
  id: string,
): Promise<ListedQrCode | undefined> {
  const [found] = await db
    .select({ row: qrcodes, groupName: qrGroups.name })
    .from(qrcodes)
    .leftJoin(qrGroups, eq(qrGroups.id, qrcodes.groupId))
    .where(and(eq(qrcodes.id, id), eq(qrcodes.accountId, accountId), isNull(qrcodes.deletedAt)))
    .limit(1);
  if (!found) return undefined;
  const numbers = await getCodeNumbers(db, accountId, [id]);
  return { row: found.row, groupName: found.groupName, numbers: numbers.get(id) ?? null };
}
