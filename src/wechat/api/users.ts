import { z } from "zod";
import type { WechatResult } from "../errors";
import { callWithToken, chunk, readAs, type WechatContext } from "./context";

/**
 * `/cgi-bin/user/info` and `/user/info/batchget` (wechat.md "Fans"): no
 * nickname or avatar any more; subscribe_time is the latest follow;
 * unknown subscribe_scene values are the caller's "other".
 */
export type WechatUserInfo = {
  openid: string;
  subscribed: boolean;
  /** Unix seconds of the latest follow; null when not following. */
  subscribeTime: number | null;
  subscribeScene: string | null;
  qrScene: number | null;
  qrSceneStr: string | null;
  tagIds: number[];
  unionid: string | null;
  remark: string;
};

export const MAX_OPENIDS_PER_BATCHGET = 100;

const userSchema = z.object({
  subscribe: z.number().int(),
  openid: z.string(),
  subscribe_time: z.number().int().optional(),
  subscribe_scene: z.string().optional(),
  qr_scene: z.number().int().optional(),
  qr_scene_str: z.string().optional(),
  tagid_list: z.array(z.number().int()).optional(),
  unionid: z.string().optional(),
  remark: z.string().optional(),
});
const batchSchema = z.object({ user_info_list: z.array(userSchema) });

function toUserInfo(u: z.infer<typeof userSchema>): WechatUserInfo {
  const subscribed = u.subscribe === 1;
  return {
    openid: u.openid,
    subscribed,
    subscribeTime: subscribed ? (u.subscribe_time ?? null) : null,
    subscribeScene: u.subscribe_scene || null,
    qrScene: u.qr_scene || null,
    qrSceneStr: u.qr_scene_str || null,
    tagIds: u.tagid_list ?? [],
    unionid: u.unionid ?? null,
    remark: u.remark ?? "",
  };
}

export async function getUserInfo(
  ctx: WechatContext,
  openid: string,
): Promise<WechatResult<WechatUserInfo>> {
  const answer = await callWithToken(ctx, {
    method: "GET",
    path: "/cgi-bin/user/info",
    query: { openid, lang: "zh_CN" },
  });
  return readAs(answer, userSchema, toUserInfo);
}

/** Any number of openids, asked 100 at a time; stops at the first error. */
export async function batchGetUserInfo(
  ctx: WechatContext,
  openids: string[],
): Promise<WechatResult<WechatUserInfo[]>> {
  const out: WechatUserInfo[] = [];
  for (const batch of chunk(openids, MAX_OPENIDS_PER_BATCHGET)) {
    const answer = await callWithToken(ctx, {
      method: "POST",
      path: "/cgi-bin/user/info/batchget",
      json: { user_list: batch.map((openid) => ({ openid, lang: "zh_CN" })) },
    });
    const read = readAs(answer, batchSchema, (a) => a.user_info_list.map(toUserInfo));
    if (!read.ok) return read;
    out.push(...read.value);
  }
  return { ok: true, value: out };
}
