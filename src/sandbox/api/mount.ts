import { Hono } from "hono";
import type { AppEnv } from "../../http/types";
import { sandboxWechatApi } from "./app";

export const SANDBOX_MOUNT = "/sandbox/wechat";

/**
 * Serves the sandbox's WeChat API over HTTP at `/sandbox/wechat/...`, so a
 * real account's WECHAT_API_BASE (or any HTTP client) can point at it. The
 * prefix is removed and the request handed to the same app the in-process
 * transport uses.
 * TODO(#3): a setting to stop serving it in production; it needs a valid
 * AppID/AppSecret pair or token to do anything, so it waits on a decision.
 */
export const sandboxWechatRoutes = new Hono<AppEnv>().all(`${SANDBOX_MOUNT}/*`, (c) => {
  const url = new URL(c.req.url);
  url.pathname = url.pathname.slice(SANDBOX_MOUNT.length);
  return sandboxWechatApi.fetch(new Request(url, c.req.raw), c.env);
});
