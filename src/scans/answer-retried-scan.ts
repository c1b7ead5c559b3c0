import { getDb } from "../db/client";
import type { AccountRow } from "../http/types";
import type { JobMessage } from "../jobs/messages";
import { log } from "../lib/log";
import type { PlannedMessage } from "../replies/plan-reply";
import type { PassiveReply } from "../wechat/types";
import type { ScannedCode } from "./find-code";
import { logPassive } from "./log-passive";
import { preparePassiveReply } from "./passive-outcome";

type ScanKeys = { acc: string; openid: string; dedupeKey: string; now: number };

/**
 * A push whose scan is already recorded. The webhook's own dedupe answers
 * pushes it handled, so this one comes after an answer that failed (an
 * error, or a handler that died): the fan never got the passive reply, and
 * the follow-up may never have been queued. Both are done again; the
 * follow-up repeats nothing it already did (src/scans/after-scan.ts). A
 * passive message that now has to go by customer-service is not added a
 * second time: the first delivery may already have queued it.
 */
export async function answerRetriedScan(
  env: Env,
  ctx: ExecutionContext,
  account: AccountRow,
  code: ScannedCode | null | undefined,
  planned: PlannedMessage[],
  p: ScanKeys,
): Promise<PassiveReply | null> {
  log.info("scan delivered again", { accountId: account.id, qrcodeId: code?.id ?? null });
  if (!code || code.deletedAt) return null;
  const scan = await getDb(env.DB).query.scans.findFirst({
    columns: { id: true, fanId: true },
    where: (s, { eq }) => eq(s.dedupeKey, p.dedupeKey),
  });
  if (!scan) return null;
  await env.JOBS.send({
    type: "after_scan",
    accountId: account.id,
    scanId: scan.id,
  } satisfies JobMessage);

  const first = planned[0];
  if (first?.channel !== "passive") return null;
  const passive = await preparePassiveReply(env, ctx, account, code, scan.fanId, first);
  if (passive.kind === "moved_to_custom") return null;
  ctx.waitUntil(logPassive(env, p, code.id, first, passive));
  return passive.kind === "reply" ? passive.reply : null;
}
