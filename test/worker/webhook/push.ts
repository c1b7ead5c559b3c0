import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import type { MessageMode } from "../../../src/db/schema";
import { onError } from "../../../src/http/on-error";
import { requestId } from "../../../src/http/request-id";
import { createRouter } from "../../../src/http/router";
import type { AccountRow } from "../../../src/http/types";
import { buildPush, type Push } from "../../../src/sandbox/build-push";
import type { EventHandler } from "../../../src/webhook/handle-delivery";
import { createWebhookRoutes } from "../../../src/webhook/routes";
import type { PassiveReply, WechatEvent } from "../../../src/wechat/types";
import type { XmlEntry } from "../../../src/wechat/xml-write";
import type { TestSecrets } from "../factories/wechat-accounts";
import { BASE } from "../helpers";

export function scanFields(
  account: AccountRow,
  openid: string,
  overrides: Record<string, string | number> = {},
) {
  const base: Record<string, string | number> = {
    ToUserName: account.originalId,
    FromUserName: openid,
    CreateTime: 1_700_000_000,
    MsgType: "event",
    Event: "subscribe",
    EventKey: "qrscene_42",
    Ticket: "gQH47joAAAAAAAAAASxodHRwOi8v+/=",
    ...overrides,
  };
  return Object.entries(base) as XmlEntry[];
}

export async function makePush(
  account: AccountRow,
  secrets: TestSecrets,
  fields: XmlEntry[],
  options: { mode?: MessageMode; encodingAesKey?: string; appId?: string } = {},
): Promise<Push> {
  const openid = String(fields.find(([k]) => k === "FromUserName")?.[1] ?? "");
  return buildPush(fields, openid, {
    mode: options.mode ?? account.messageMode,
    token: secrets.token,
    encodingAesKey: options.encodingAesKey ?? secrets.encodingAesKey,
    appId: options.appId ?? account.appId,
  });
}

/** What the stand-in for the scans domain saw and will answer. */
export const handled = { events: [] as WechatEvent[], reply: null as PassiveReply | null };

const recordingHandler: EventHandler = async (_env, _ctx, _account, event) => {
  handled.events.push(event);
  return handled.reply;
};

/**
 * The real webhook routes with the scans domain replaced by a recorder,
 * behind the shared request id and error handling.
 */
export function webhookTestApp(handler: EventHandler = recordingHandler) {
  const app = createRouter();
  app.use("*", requestId);
  app.route("/", createWebhookRoutes(handler));
  app.onError(onError);
  return app;
}

export async function callApp(
  path: string,
  init: RequestInit = {},
  handler?: EventHandler,
): Promise<Response> {
  const ctx = createExecutionContext();
  const app = webhookTestApp(handler);
  const res = await app.fetch(new Request(`${BASE}${path}`, init), env, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

export function send(accountId: string, push: Push, handler?: EventHandler) {
  const init = { method: "POST", body: push.body };
  return callApp(`/wechat/${accountId}?${push.query}`, init, handler);
}
