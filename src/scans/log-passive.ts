import { newId } from "../lib/ids";
import { errorFields, log } from "../lib/log";
import { insertDelivery } from "../replies/delivery-statements";
import type { PlannedMessage } from "../replies/plan-reply";
import type { PassiveOutcome } from "./passive-outcome";

/** The delivery log row of a passive reply; run under waitUntil, after the answer. */
export async function logPassive(
  env: Env,
  p: { acc: string; openid: string; dedupeKey: string; now: number },
  qrcodeId: string,
  planned: PlannedMessage,
  outcome: PassiveOutcome,
) {
  const failed = outcome.kind === "failed";
  try {
    await insertDelivery(env.DB, {
      ...p,
      code: qrcodeId,
      id: newId("dlv"),
      planned,
      status: failed ? "failed" : "sent",
      errcode: failed ? outcome.errcode : null,
      reason: failed ? outcome.reason : null,
    }).run();
  } catch (err) {
    log.error("reply delivery not logged", { accountId: p.acc, qrcodeId, ...errorFields(err) });
  }
}
