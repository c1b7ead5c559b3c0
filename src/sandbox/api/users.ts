import { findFan, type SandboxFan } from "../fans";
import { jsonObject, type SandboxContext, wxError } from "./context";

/**
 * `/cgi-bin/user/info` and `/user/info/batchget` (100 a call). No nickname
 * or avatar, as WeChat no longer returns them; a fan who unfollowed gets
 * only `subscribe: 0` and the openid. Past 100 openids the sandbox answers
 * 40032: wechat.md gives the limit, not WeChat's code for it.
 */
const MAX_BATCH = 100;

function userInfo(fan: SandboxFan) {
  if (!fan.following) return { subscribe: 0, openid: fan.openid, tagid_list: fan.tagIds };
  return {
    subscribe: 1,
    openid: fan.openid,
    language: "zh_CN",
    subscribe_time: fan.subscribeTime ?? 0,
    remark: "",
    groupid: 0,
    tagid_list: fan.tagIds,
    subscribe_scene: fan.subscribeScene ?? "ADD_SCENE_OTHERS",
    qr_scene: fan.qrScene ?? 0,
    qr_scene_str: fan.qrSceneStr ?? "",
  };
}

export async function userInfoHandler(c: SandboxContext) {
  const fan = await findFan(c.get("db"), c.get("appId"), c.req.query("openid") ?? "");
  if (!fan) return wxError(c, 40003, "invalid openid");
  return c.json(userInfo(fan));
}

export async function batchGetHandler(c: SandboxContext) {
  const list = jsonObject(c).user_list;
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_BATCH) {
    return wxError(c, 40032, "invalid openid list size");
  }
  const out = [];
  for (const item of list) {
    const openid =
      typeof item === "object" && item !== null ? (item as { openid?: unknown }).openid : undefined;
    const fan =
      typeof openid === "string" ? await findFan(c.get("db"), c.get("appId"), openid) : null;
    if (!fan) return wxError(c, 40003, "invalid openid");
    out.push(userInfo(fan));
  }
  return c.json({ user_info_list: out });
}

export function callbackIpHandler(c: SandboxContext) {
  return c.json({ ip_list: ["127.0.0.1"] });
}
