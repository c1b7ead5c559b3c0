import type { Db } from "../db/client";
import { notFound } from "../http/errors";

/**
 * A code of this account for its statistics; deleted codes keep theirs.
 * Another account's code answers exactly like a missing one.
 */
export async function getCodeForStatsOrThrow(db: Db, accountId: string, qrcodeId: string) {
  const code = await db.query.qrcodes.findFirst({
    columns: { id: true, name: true, accountId: true, createdAt: true },
    where: (q, { and, eq }) => and(eq(q.id, qrcodeId), eq(q.accountId, accountId)),
  });
  if (!code) throw notFound("QR code");
  return code;
}
