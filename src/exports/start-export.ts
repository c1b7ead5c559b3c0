import type { Db } from "../db/client";
import { notFound } from "../http/errors";
import { createJob } from "../jobs/service";
import { getCodeNumbers, ZERO_NUMBERS } from "../stats/code-numbers";
import type { FansExportParams, ScansExportParams } from "./schemas";

type Starter = { db: Db; queue: Queue; accountId: string; userId: string };

/** Queues a fan export; the total (for progress) is the code's matching number. */
export async function startFansExport(s: Starter, params: FansExportParams) {
  const code = await s.db.query.qrcodes.findFirst({
    columns: { id: true },
    where: (q, { and, eq }) => and(eq(q.id, params.qrcodeId), eq(q.accountId, s.accountId)),
  });
  if (!code) throw notFound("QR code");
  const n =
    (await getCodeNumbers(s.db, s.accountId, [code.id], params)).get(code.id) ?? ZERO_NUMBERS;
  const total = { all: n.scanners, new: n.newFollowers, old: n.oldFans }[params.segment];
  return createJob(s.db, s.queue, {
    accountId: s.accountId,
    type: "fans_export",
    total,
    params,
    createdBy: s.userId,
  });
}

/** Queues a scan-records export of several codes; every code must be this account's. */
export async function startScansExport(s: Starter, params: ScansExportParams) {
  const ids = [...new Set(params.qrcodeIds)];
  const codes = await s.db.query.qrcodes.findMany({
    columns: { id: true },
    where: (q, { and, eq, inArray }) => and(eq(q.accountId, s.accountId), inArray(q.id, ids)),
  });
  if (codes.length !== ids.length) throw notFound("QR code");
  const numbers = await getCodeNumbers(s.db, s.accountId, ids, params);
  const total = [...numbers.values()].reduce((sum, n) => sum + n.scans, 0);
  return createJob(s.db, s.queue, {
    accountId: s.accountId,
    type: "scans_export",
    total,
    params: { ...params, qrcodeIds: ids },
    createdBy: s.userId,
  });
}
