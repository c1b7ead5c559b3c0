import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { AuditStatement } from "../audit/record-audit";
import type { Db } from "../db/client";
import { fans, fanTagFailures } from "../db/schema";
import { getAccountStub } from "../durable/account-do";
import type { FanTagRequest } from "./fan-tag-queue";

export type RetryTagFailuresOptions = {
  accountId: string;
  qrcodeId: string;
  /** Only these failures of the code; all of them when absent. */
  failureIds?: string[];
  /** The audit entry, written in the same batch as the removal of the rows. */
  audit: (counts: { requeued: number; skipped: number }) => AuditStatement;
};

type FailureToRetry = {
  id: string;
  fanId: string;
  tagId: number;
  openid: string | null;
  erased: boolean;
};

const IDS_PER_QUERY = 90;

/**
 * Queues a code's failed fan tags again in the account's Durable Object,
 * then removes their failure rows, so each failure is listed once: a fan
 * that fails again gets a new row from the alarm. Queued first, so a lost
 * removal leaves a row that a second retry queues harmlessly again, never
 * a removed row with nothing queued. Erased fans (no openid left) are
 * skipped and their rows kept.
 */
export async function retryTagFailures(env: Env, db: Db, options: RetryTagFailuresOptions) {
  const failures = await loadFailures(db, options);
  const retried = failures.filter((f) => !f.erased && f.openid);
  const skipped = failures.length - retried.length;

  const requests = requestsByFan(options, retried);
  if (requests.length > 0) await getAccountStub(env, options.accountId).requeueFanTags(requests);

  const ids = retried.map((f) => f.id);
  const deletes = chunks(ids).map((part) =>
    db
      .delete(fanTagFailures)
      .where(
        and(eq(fanTagFailures.accountId, options.accountId), inArray(fanTagFailures.id, part)),
      ),
  );
  await db.batch([options.audit({ requeued: retried.length, skipped }), ...deletes]);
  return { requeued: retried.length, skipped };
}

async function loadFailures(db: Db, options: RetryTagFailuresOptions) {
  const scope = and(
    eq(fanTagFailures.accountId, options.accountId),
    eq(fanTagFailures.qrcodeId, options.qrcodeId),
  );
  const filters: (SQL | undefined)[] = options.failureIds
    ? chunks([...new Set(options.failureIds)]).map((part) =>
        and(scope, inArray(fanTagFailures.id, part)),
      )
    : [scope];
  const out: FailureToRetry[] = [];
  for (const where of filters) {
    const rows = await db
      .select({
        id: fanTagFailures.id,
        fanId: fanTagFailures.fanId,
        tagId: fanTagFailures.wechatTagId,
        openid: fans.openid,
        erasedAt: fans.erasedAt,
      })
      .from(fanTagFailures)
      .leftJoin(fans, eq(fans.id, fanTagFailures.fanId))
      .where(where);
    for (const r of rows) out.push({ ...r, erased: r.openid === null || r.erasedAt !== null });
  }
  return out;
}

function requestsByFan(options: RetryTagFailuresOptions, failures: FailureToRetry[]) {
  const byFan = new Map<string, FanTagRequest>();
  for (const f of failures) {
    const request = byFan.get(f.fanId) ?? {
      accountId: options.accountId,
      fanId: f.fanId,
      openid: f.openid ?? "",
      tagIds: [],
      qrcodeId: options.qrcodeId,
    };
    request.tagIds.push(f.tagId);
    byFan.set(f.fanId, request);
  }
  return [...byFan.values()];
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += IDS_PER_QUERY) out.push(items.slice(i, i + IDS_PER_QUERY));
  return out;
}
