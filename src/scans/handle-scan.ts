import { getDb } from "../db/client";
import type { AccountRow } from "../http/types";
import type { JobMessage } from "../jobs/messages";
import { newId } from "../lib/ids";
import { log } from "../lib/log";
import { scanLiveMessage } from "../live/live-messages";
import { notifyLive } from "../live/notify-live";
import { insertDelivery } from "../replies/delivery-statements";
import { type PlannedMessage, planReply, readReply } from "../replies/plan-reply";
import { dayInZone } from "../stats/zoned-day";
import type { PassiveReply } from "../wechat/types";
import { answerRetriedScan } from "./answer-retried-scan";
import { findCodeByScene, type ScannedCode } from "./find-code";
import { logPassive } from "./log-passive";
import { preparePassiveReply } from "./passive-outcome";
import { recordScan } from "./record-event";

export type ScanEvent = {
  event: "subscribe" | "SCAN";
  openid: string;
  createTime: number;
  scene: string;
};

/**
 * A scan: record it (one batch), then answer with the code's passive reply,
 * leaving fan tags, member tags and customer-service messages to the queue.
 * The queue message is sent before answering so that follow-up work is
 * never lost with the isolate; the delivery log and live counters ride on
 * waitUntil.
 */
export async function handleScan(
  env: Env,
  ctx: ExecutionContext,
  account: AccountRow,
  e: ScanEvent,
): Promise<PassiveReply | null> {
  const started = Date.now();
  const db = getDb(env.DB);
  const code = await findCodeByScene(db, account.id, e.scene);
  const planned = code && !code.deletedAt ? planReply(readReply(code.reply, code.id)) : [];
  const at = e.createTime * 1000;
  // Rollups keep the day labels of this zone; updateAccount refuses a new zone once any exist.
  const day = dayInZone(at, account.timeZone);
  const p = {
    acc: account.id,
    openid: e.openid,
    code: code?.id ?? null,
    scene: e.scene,
    event: e.event,
    at,
    day,
    dedupeKey: `${account.id}|${e.openid}|${e.createTime}|${e.event}|${e.scene}`,
    now: started,
  };
  const custom = planned.filter((m) => m.channel === "custom");
  const deliveryRows = code
    ? custom.map((planned) =>
        insertDelivery(env.DB, {
          ...p,
          code: code.id,
          id: newId("dlv"),
          planned,
          status: "pending",
        }),
      )
    : [];

  const recorded = await recordScan(env.DB, p, deliveryRows);
  if (recorded.duplicate) return answerRetriedScan(env, ctx, account, code, planned, p);

  const first = planned[0];
  const passive =
    code && first?.channel === "passive"
      ? await preparePassiveReply(env, ctx, account, code, recorded.fanId, first)
      : null;
  if (passive?.kind === "moved_to_custom" && code) {
    await insertDelivery(env.DB, {
      ...p,
      code: code.id,
      id: newId("dlv"),
      planned: passive.planned,
      status: "pending",
    }).run();
  }
  if (code && (needsFollowUp(code, custom) || passive?.kind === "moved_to_custom")) {
    await env.JOBS.send({
      type: "after_scan",
      accountId: account.id,
      scanId: recorded.scanId,
    } satisfies JobMessage);
  }
  if (code && first && passive && passive.kind !== "moved_to_custom") {
    ctx.waitUntil(logPassive(env, p, code.id, first, passive));
  }
  notifyLive(env, ctx, account.id, [
    scanLiveMessage(code?.id ?? null, at, day, e.event === "subscribe", recorded),
  ]);

  log.info("scan recorded", {
    accountId: account.id,
    qrcodeId: code?.id ?? null,
    scanId: recorded.scanId,
    ms: Date.now() - started,
  });
  return passive?.kind === "reply" ? passive.reply : null;
}

function needsFollowUp(code: ScannedCode, custom: PlannedMessage[]): boolean {
  if (code.deletedAt) return false;
  return custom.length > 0 || code.fanTagIds.length > 0 || code.memberTagIds.length > 0;
}
