import { getDb } from "../db/client";
import type { AccountRow } from "../http/types";
import { bytesToBase64 } from "../lib/encoding";
import { loadAccountSecrets } from "../wechat/account-secrets";
import type { XmlEntry } from "../wechat/xml-write";
import { newOpenid } from "./api/context";
import { findQrCodeByScene } from "./api/qrcode";
import { buildPush } from "./build-push";
import { type DeliverOptions, deliverPush } from "./deliver-push";
import { applyFanEvent, type FanEvent, findFan } from "./fans";
import { readAnswer, type WebhookAnswer } from "./read-answer";

/**
 * The sandbox's server side: what WeChat does when a person scans a code,
 * follows or unfollows. `scan` lets the fan's state decide, as WeChat does
 * (a follower gets SCAN with the bare scene, anyone else subscribe with
 * `qrscene_` + scene and the Ticket); `subscribe` and `unsubscribe` force
 * that event. The fan's state changes whatever the webhook answers.
 */
export type ScanKind = "scan" | "subscribe" | "unsubscribe";
export type ScanInput = {
  openid?: string;
  scene?: string | null;
  kind: ScanKind;
  createTime?: number;
};

export type ScanDelivery = {
  openid: string;
  event: FanEvent;
  eventKey: string | null;
  ticket: string | null;
  createTime: number;
  attempts: number;
  answer: WebhookAnswer;
};

export type SimulatorFailure = { ok: false; reason: "no_token" | "no_aes_key" };

function pickEvent(kind: ScanKind, following: boolean): FanEvent {
  if (kind === "unsubscribe") return "unsubscribe";
  if (kind === "subscribe") return "subscribe";
  return following ? "SCAN" : "subscribe";
}

function eventFields(originalId: string, d: Omit<ScanDelivery, "attempts" | "answer">): XmlEntry[] {
  const fields: XmlEntry[] = [
    ["ToUserName", originalId],
    ["FromUserName", d.openid],
    ["CreateTime", d.createTime],
    ["MsgType", "event"],
    ["Event", d.event],
  ];
  if (d.eventKey !== null) fields.push(["EventKey", d.eventKey]);
  if (d.ticket !== null) fields.push(["Ticket", d.ticket]);
  return fields;
}

/** Loads the account's keys once, then simulates any number of scans in order. */
export async function prepareScanSimulator(env: Env, account: AccountRow, options: DeliverOptions) {
  const secrets = await loadAccountSecrets(env, account);
  const token = secrets.token;
  if (!token) return { ok: false, reason: "no_token" } satisfies SimulatorFailure;
  if (account.messageMode !== "plaintext" && !secrets.encodingAesKey) {
    return { ok: false, reason: "no_aes_key" } satisfies SimulatorFailure;
  }
  const db = getDb(env.DB);
  const keys = {
    mode: account.messageMode,
    token,
    encodingAesKey: secrets.encodingAesKey,
    appId: account.appId,
  };

  async function simulate(input: ScanInput): Promise<ScanDelivery> {
    const openid = input.openid ?? newOpenid();
    const fan = await findFan(db, account.appId, openid);
    const event = pickEvent(input.kind, fan?.following ?? false);
    const scene = event === "unsubscribe" ? null : (input.scene ?? null);
    const code = scene === null ? null : await findQrCodeByScene(db, account.appId, scene);
    const ticket =
      scene === null
        ? null
        : (code?.ticket ?? bytesToBase64(crypto.getRandomValues(new Uint8Array(61))));
    const eventKey =
      event === "unsubscribe"
        ? null
        : event === "SCAN"
          ? scene
          : scene === null
            ? ""
            : `qrscene_${scene}`;
    const createTime = input.createTime ?? Math.floor(Date.now() / 1000);
    const base = { openid, event, eventKey, ticket, createTime };

    await applyFanEvent(db, account.appId, openid, event, scene, createTime);
    const push = await buildPush(eventFields(account.originalId, base), openid, keys);
    const outcome = await deliverPush(account.id, push, options);
    const answer = await readAnswer(outcome, keys, { openid, originalId: account.originalId });
    return { ...base, attempts: outcome.attempts, answer };
  }
  return { ok: true as const, simulate };
}
