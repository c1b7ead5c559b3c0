import type { Db } from "../db/client";

/** What a scan needs of its code: the reply, the tags, the form. */
export async function findCodeByScene(db: Db, accountId: string, scene: string) {
  return db.query.qrcodes.findFirst({
    columns: {
      id: true,
      reply: true,
      formId: true,
      fanTagIds: true,
      memberTagIds: true,
      deletedAt: true,
    },
    where: (q, { and, eq }) => and(eq(q.accountId, accountId), eq(q.scene, scene)),
  });
}

export type ScannedCode = NonNullable<Awaited<ReturnType<typeof findCodeByScene>>>;
