import { Hono } from "hono";
import { errorFields, log } from "../../lib/log";
import type { SandboxEnv } from "./context";
import { customSendHandler } from "./custom-send";
import { sandboxGate } from "./gate";
import { addMaterialHandler, uploadMediaHandler } from "./media";
import { authorizePage, oauthAccessTokenHandler } from "./oauth";
import { createQrCodeHandler } from "./qrcode";
import {
  batchTaggingHandler,
  batchUntaggingHandler,
  createTagHandler,
  deleteTagHandler,
  getIdListHandler,
  getTagsHandler,
  updateTagHandler,
} from "./tags";
import { stableTokenHandler } from "./token";
import { batchGetHandler, callbackIpHandler, userInfoHandler } from "./users";

/**
 * The WeChat sandbox's API side: WeChat's paths, JSON and errcodes, with
 * state in the `sandbox_*` tables keyed by AppID. The client reaches it in
 * process for sandbox accounts (src/wechat/http.ts) and over HTTP under
 * `/sandbox/wechat/...` (src/sandbox/api/mount.ts) for anything pointed there.
 */
export const sandboxWechatApi = new Hono<SandboxEnv>();

sandboxWechatApi.get("/connect/oauth2/authorize", authorizePage);

sandboxWechatApi.use("/cgi-bin/*", sandboxGate);
sandboxWechatApi.use("/sns/*", sandboxGate);

sandboxWechatApi.post("/cgi-bin/stable_token", stableTokenHandler);
sandboxWechatApi.post("/cgi-bin/qrcode/create", createQrCodeHandler);
sandboxWechatApi.get("/cgi-bin/tags/get", getTagsHandler);
sandboxWechatApi.post("/cgi-bin/tags/create", createTagHandler);
sandboxWechatApi.post("/cgi-bin/tags/update", updateTagHandler);
sandboxWechatApi.post("/cgi-bin/tags/delete", deleteTagHandler);
sandboxWechatApi.post("/cgi-bin/tags/members/batchtagging", batchTaggingHandler);
sandboxWechatApi.post("/cgi-bin/tags/members/batchuntagging", batchUntaggingHandler);
sandboxWechatApi.post("/cgi-bin/tags/getidlist", getIdListHandler);
sandboxWechatApi.get("/cgi-bin/user/info", userInfoHandler);
sandboxWechatApi.post("/cgi-bin/user/info/batchget", batchGetHandler);
sandboxWechatApi.post("/cgi-bin/message/custom/send", customSendHandler);
sandboxWechatApi.post("/cgi-bin/media/upload", uploadMediaHandler);
sandboxWechatApi.post("/cgi-bin/material/add_material", addMaterialHandler);
sandboxWechatApi.get("/cgi-bin/getcallbackip", callbackIpHandler);
sandboxWechatApi.get("/sns/oauth2/access_token", oauthAccessTokenHandler);

sandboxWechatApi.notFound((c) => c.json({ errcode: 40066, errmsg: "invalid url" }, 404));
sandboxWechatApi.onError((err, c) => {
  log.error("sandbox api failed", { path: c.req.path, ...errorFields(err) });
  return c.json({ errcode: -1, errmsg: "system error" }, 500);
});
