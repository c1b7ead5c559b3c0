import { z } from "zod";
import type { WechatResult } from "../errors";
import { callWithToken, readAs, type WechatContext } from "./context";

/**
 * `POST /cgi-bin/qrcode/create` (wechat.md "Parametric QR codes"). The four
 * action names and their scenes; temporary codes always carry
 * expire_seconds (left out, WeChat's default is 60 s).
 */
export type QrCodeRequest =
  | { actionName: "QR_SCENE"; sceneId: number; expireSeconds: number }
  | { actionName: "QR_STR_SCENE"; sceneStr: string; expireSeconds: number }
  | { actionName: "QR_LIMIT_SCENE"; sceneId: number }
  | { actionName: "QR_LIMIT_STR_SCENE"; sceneStr: string };

export type QrCodeTicket = {
  ticket: string;
  /** The content of the QR image: render any size from it. */
  url: string;
  /** Null for permanent codes, which WeChat answers without it. */
  expireSeconds: number | null;
  /** WeChat's own image of the code. */
  showUrl: string;
};

/** Temporary codes live at most 30 days. */
export const MAX_EXPIRE_SECONDS = 2_592_000;

const answerSchema = z.object({
  ticket: z.string().min(1),
  url: z.string().min(1),
  expire_seconds: z.number().int().optional(),
});

export function qrCodeBody(req: QrCodeRequest) {
  // The `scene` wrapper is required: without it every scan arrives with scene 0.
  const scene = "sceneId" in req ? { scene_id: req.sceneId } : { scene_str: req.sceneStr };
  const body: Record<string, unknown> = { action_name: req.actionName, action_info: { scene } };
  if ("expireSeconds" in req) body.expire_seconds = req.expireSeconds;
  return body;
}

/** WeChat's image URL: the ticket holds `+ / =`, so it is URL-encoded. */
export function showQrCodeUrl(ticket: string): string {
  return `https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=${encodeURIComponent(ticket)}`;
}

export async function createQrCode(
  ctx: WechatContext,
  req: QrCodeRequest,
): Promise<WechatResult<QrCodeTicket>> {
  const answer = await callWithToken(ctx, {
    method: "POST",
    path: "/cgi-bin/qrcode/create",
    json: qrCodeBody(req),
  });
  return readAs(answer, answerSchema, (a) => ({
    ticket: a.ticket,
    url: a.url,
    expireSeconds: a.expire_seconds ?? null,
    showUrl: showQrCodeUrl(a.ticket),
  }));
}
