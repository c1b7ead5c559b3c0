import type { QrKind } from "../db/schema";
import type { AccountRow } from "../http/types";
import { getWechatClient, type QrCodeRequest } from "../wechat/client";
import type { WechatResult } from "../wechat/errors";
import { type QrActionName, sceneActionName } from "./scenes";

export type IssuedTicket = {
  actionName: QrActionName;
  ticket: string;
  url: string;
  /** Temporary codes: when WeChat stops honouring the ticket. Null for permanent codes. */
  expiresAt: number | null;
};

const DAY_SECONDS = 86_400;
/** wechat.md: expire_seconds is at most 2,592,000 (30 days). */
export const MAX_VALIDITY_DAYS = 30;

export type IssueTicketOptions = {
  kind: QrKind;
  scene: string;
  /** Temporary codes only; always sent, since WeChat's default is 60 seconds. */
  validityDays: number | null;
  now?: number;
};

/**
 * Asks WeChat for a ticket for one scene: used by creation and by renewal
 * (which asks again for the same scene). Only the WeChat client talks HTTP.
 */
export async function issueQrTicket(
  env: Env,
  account: AccountRow,
  options: IssueTicketOptions,
): Promise<WechatResult<IssuedTicket>> {
  const actionName = sceneActionName(options.kind, Number(options.scene));
  const expireSeconds =
    options.kind === "temporary"
      ? Math.min(MAX_VALIDITY_DAYS, options.validityDays ?? MAX_VALIDITY_DAYS) * DAY_SECONDS
      : null;
  const started = options.now ?? Date.now();
  const answer = await getWechatClient(env, account).createQrCode(
    qrCodeRequest(actionName, options.scene, expireSeconds ?? 0),
  );
  if (!answer.ok) return answer;
  const seconds = answer.value.expireSeconds ?? expireSeconds;
  return {
    ok: true,
    value: {
      actionName,
      ticket: answer.value.ticket,
      url: answer.value.url,
      expiresAt: options.kind === "temporary" && seconds ? started + seconds * 1000 : null,
    },
  };
}

/** The client's request for an action: integer actions carry `sceneId`, string ones `sceneStr`. */
function qrCodeRequest(
  actionName: QrActionName,
  scene: string,
  expireSeconds: number,
): QrCodeRequest {
  switch (actionName) {
    case "QR_SCENE":
      return { actionName, sceneId: Number(scene), expireSeconds };
    case "QR_STR_SCENE":
      return { actionName, sceneStr: scene, expireSeconds };
    case "QR_LIMIT_SCENE":
      return { actionName, sceneId: Number(scene) };
    case "QR_LIMIT_STR_SCENE":
      return { actionName, sceneStr: scene };
  }
}
