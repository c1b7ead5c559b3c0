import type { Context } from "hono";
import { getDb } from "../db/client";
import { AppError } from "../http/errors";
import { createRouter } from "../http/router";
import type { AppEnv } from "../http/types";
import { type AccountSecrets, loadAccountSecrets } from "../wechat/account-secrets";
import { sealReply } from "../wechat/envelope";
import { answerDelivery, type EventHandler } from "./handle-delivery";
import { readWebhookBody } from "./read-body";
import { type DeliveryQuery, openDelivery, verifySignature } from "./verify-delivery";

/**
 * The webhook WeChat calls for each account: `GET` verifies the URL,
 * `POST` carries pushes. Outside /api, so no session: every request
 * proves itself with the account's Token signature, and one that fails
 * gets 401 with nothing recorded.
 */
async function loadWebhookAccount(env: Env, accountId: string) {
  const account = await getDb(env.DB).query.accounts.findFirst({
    where: (a, { and, eq, isNull }) => and(eq(a.id, accountId), isNull(a.deletedAt)),
  });
  if (!account) throw new AppError("not_found", "Account not found");
  return { account, secrets: await loadAccountSecrets(env, account) };
}

async function checkSignature(env: Env, secrets: AccountSecrets, query: DeliveryQuery) {
  const maxSkew = Number(env.WEBHOOK_MAX_SKEW_SECONDS || "0");
  const rejected = await verifySignature(secrets, query, maxSkew);
  if (rejected) throw new AppError("unauthorized", `Webhook request refused: ${rejected.reason}`);
}

async function answerPush(c: Context<AppEnv>, handle: EventHandler | undefined) {
  const { account, secrets } = await loadWebhookAccount(c.env, c.req.param("accountId") ?? "");
  const query: DeliveryQuery = c.req.query();
  await checkSignature(c.env, secrets, query);
  const body = await readWebhookBody(c.req.raw);
  if (!body.ok && body.reason === "too_large")
    throw new AppError("payload_too_large", "Webhook body is larger than WeChat sends");
  if (!body.ok) throw new AppError("bad_request", "Webhook request refused: body is not UTF-8");

  const opened = await openDelivery(secrets, account.appId, query, body.text);
  if ("status" in opened) {
    const code = opened.status === 401 ? "unauthorized" : "bad_request";
    throw new AppError(code, `Webhook request refused: ${opened.reason}`);
  }
  const ctx = c.executionCtx as ExecutionContext;
  const replyXml = await answerDelivery(c.env, ctx, account, opened.fields, handle);
  if (!replyXml) return c.text("success");

  // Encrypted in, encrypted out, with the key that opened the push.
  const keys =
    opened.encodingAesKey && secrets.token
      ? { token: secrets.token, encodingAesKey: opened.encodingAesKey, appId: account.appId }
      : null;
  const answer = keys ? await sealReply(replyXml, keys) : replyXml;
  return c.body(answer, 200, { "Content-Type": "application/xml" });
}

/** `handle` defaults to the scans domain's handleWechatEvent; tests pass a stand-in. */
export function createWebhookRoutes(handle?: EventHandler) {
  return createRouter()
    .get("/wechat/:accountId", async (c) => {
      const { secrets } = await loadWebhookAccount(c.env, c.req.param("accountId"));
      await checkSignature(c.env, secrets, c.req.query());
      // Echoed verbatim in every mode, safe mode included (wechat.md "Webhook").
      return c.text(c.req.query("echostr") ?? "");
    })
    .post("/wechat/:accountId", (c) => answerPush(c, handle));
}

export const webhookRoutes = createWebhookRoutes();
