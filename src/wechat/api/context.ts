import type { z } from "zod";
import type { AccountRow } from "../../http/types";
import { withAccessToken } from "../access-token";
import { transportError, type WechatResult } from "../errors";
import { callWechat, type JsonObject, type WechatEndpoint, type WechatRequest } from "../http";

/** What every typed call needs: the account, and how its requests travel. */
export type WechatContext = { env: Env; account: AccountRow; endpoint: WechatEndpoint };

/** A call that carries `access_token`, with the one refresh-and-retry of withAccessToken. */
export function callWithToken(
  ctx: WechatContext,
  req: WechatRequest,
): Promise<WechatResult<JsonObject>> {
  return withAccessToken(ctx.env, ctx.account, (accessToken) =>
    callWechat(ctx.endpoint, { ...req, query: { ...req.query, access_token: accessToken } }),
  );
}

/** Reads a successful answer with a schema; a shape WeChat never sends becomes a `response` error. */
export function readAs<S extends z.ZodType, T>(
  answer: WechatResult<JsonObject>,
  schema: S,
  map: (data: z.infer<S>) => T,
): WechatResult<T> {
  if (!answer.ok) return answer;
  const parsed = schema.safeParse(answer.value);
  if (!parsed.success)
    return { ok: false, error: transportError("response", "answer has an unexpected shape") };
  return { ok: true, value: map(parsed.data) };
}

export function done(answer: WechatResult<JsonObject>): WechatResult<true> {
  return answer.ok ? { ok: true, value: true } : answer;
}

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
