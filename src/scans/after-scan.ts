import { getDb } from "../db/client";
import { getAccountStub } from "../durable/account-do";
import { registerJobHandler } from "../jobs/handlers";
import { log } from "../lib/log";
import { customRetryDelaySeconds, sendCustomDeliveries } from "../replies/send-custom-deliveries";
import { applyMemberTagsForScan } from "../tags/apply-member-tags";

/**
 * The slow part of a scan, off the webhook's clock: the customer-service
 * messages out in order, the code's fan tags to the account's Durable
 * Object (batched, serialised, retried by its alarm), its member tags to
 * the fan's contact or pending. Every step is idempotent and each message
 * is sent at most once, so a retried or redelivered queue message repeats
 * nothing. A busy WeChat retries the messages within their one-minute
 * window; any throw retries the whole message with the consumer's backoff.
 */
registerJobHandler("after_scan", async (env, message, _ctx, attempts) => {
  const db = getDb(env.DB);
  const scan = await db.query.scans.findFirst({
    where: (s, { and, eq }) => and(eq(s.id, message.scanId), eq(s.accountId, message.accountId)),
  });
  const account = await db.query.accounts.findFirst({
    where: (a, { and, eq, isNull }) => and(eq(a.id, message.accountId), isNull(a.deletedAt)),
  });
  const qrcodeId = scan?.qrcodeId;
  if (!scan || !account || !qrcodeId) return { retry: false };
  const [fan, code] = await Promise.all([
    db.query.fans.findFirst({ where: (f, { eq }) => eq(f.id, scan.fanId) }),
    db.query.qrcodes.findFirst({
      where: (q, { and, eq }) => and(eq(q.id, qrcodeId), eq(q.accountId, account.id)),
    }),
  ]);
  // An erased fan's openid is a placeholder: nothing can be tagged or sent to it.
  if (!fan || fan.erasedAt !== null || !code || code.deletedAt) return { retry: false };

  // Messages first: WeChat takes them for one minute only; tags have no such window.
  const sent = await sendCustomDeliveries(env, account, {
    scanId: scan.id,
    occurredAt: scan.occurredAt,
    openid: fan.openid,
    render: { accountId: account.id, qrcodeId: code.id, formId: code.formId, fanId: fan.id },
  });
  if (code.fanTagIds.length > 0) {
    await getAccountStub(env, account.id).queueFanTags([
      {
        accountId: account.id,
        fanId: fan.id,
        openid: fan.openid,
        tagIds: code.fanTagIds,
        qrcodeId: code.id,
      },
    ]);
  }
  if (code.memberTagIds.length > 0)
    await applyMemberTagsForScan(db, fan, code.memberTagIds, code.id);

  if (!sent.retry) return { retry: false };
  const delaySeconds = customRetryDelaySeconds(attempts, sent.windowClosesAt);
  log.warn("reply delivery will retry", { accountId: account.id, scanId: scan.id, delaySeconds });
  return { retry: true, delaySeconds, reason: sent.reason };
});
