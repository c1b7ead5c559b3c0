/**
 * The WeChat client: typed calls to an Official Account's server API.
 *
 *   const wechat = getWechatClient(env, account);        // account: AccountRow
 *   const made = await wechat.createQrCode({ actionName: "QR_STR_SCENE", sceneStr: "s1", expireSeconds: 604800 });
 *   if (!made.ok) throw new AppError("wechat_error", made.error.explanation);
 *
 * Every call returns `WechatResult<T>`: `{ ok: true, value }` or
 * `{ ok: false, error: { errcode, errmsg, retryable, explanation, source, remedy? } }`
 * (src/wechat/errors.ts). Expected failures never throw. `retryable` is
 * "backoff" (-1, 45011, network, timeout), "no" (configuration and limits),
 * or "refresh_once" (token errors, already refreshed and retried once here).
 *
 *   createQrCode(req: QrCodeRequest)            -> QrCodeTicket { ticket, url, expireSeconds|null, showUrl }
 *   getTags()                                   -> WechatTag[] { id, name, count }
 *   createTag(name) / updateTag(id, name) / deleteTag(id)
 *   tagFans(tagId, openids) / untagFans(tagId, openids)   (sent 50 openids a call)
 *   getFanTagIds(openid)                        -> number[]
 *   getUserInfo(openid) / batchGetUserInfo(openids)       -> WechatUserInfo (100 a call)
 *   sendCustomMessage(openid, message: CustomMessage)     -> true
 *   uploadTemporaryMedia({ type, file, fileName })        -> { mediaId, type, createdAt }
 *   addPermanentMaterial({ type, file, fileName, video? }) -> { mediaId, url|null }
 *   exchangeOAuthCode(code)                     -> { openid, scope, isSnapshotUser, unionid|null }
 *   oauthAuthorizeUrl({ redirectUri, state, scope? })     -> string (sandbox-aware)
 *   getCallbackIps()                            -> string[]
 *
 * The access token comes from the account's Durable Object (one refresh in
 * flight per account). A sandbox account (isSandbox) reaches the in-process
 * sandbox; any other account reaches env.WECHAT_API_BASE, falling back to
 * WECHAT_API_FALLBACK_BASE when the first host cannot be reached. Each
 * request times out after `timeoutMs` (10 s by default).
 */
import type { AccountRow } from "../http/types";
import { getCallbackIps } from "./api/callback-ips";
import type { WechatContext } from "./api/context";
import { sendCustomMessage } from "./api/custom-send";
import { addPermanentMaterial, type MediaFile, uploadTemporaryMedia } from "./api/media";
import { exchangeOAuthCode, oauthAuthorizeUrl } from "./api/oauth";
import { createQrCode, type QrCodeRequest } from "./api/qrcode";
import {
  createTag,
  deleteTag,
  getFanTagIds,
  getTags,
  tagFans,
  untagFans,
  updateTag,
} from "./api/tags";
import { batchGetUserInfo, getUserInfo } from "./api/users";
import { DEFAULT_TIMEOUT_MS, wechatEndpoint } from "./http";
import type { CustomMessage } from "./types";

export type { MediaFile, MediaType, PermanentMaterial, UploadedMedia } from "./api/media";
export type { OAuthIdentity } from "./api/oauth";
export type { QrCodeRequest, QrCodeTicket } from "./api/qrcode";
export type { WechatTag } from "./api/tags";
export type { WechatUserInfo } from "./api/users";
export type { Retryable, WechatError, WechatResult } from "./errors";

export type WechatClientOptions = { timeoutMs?: number };

export function getWechatClient(env: Env, account: AccountRow, options: WechatClientOptions = {}) {
  const ctx: WechatContext = {
    env,
    account,
    endpoint: wechatEndpoint(env, account, options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
  };
  return {
    createQrCode: (req: QrCodeRequest) => createQrCode(ctx, req),
    getTags: () => getTags(ctx),
    createTag: (name: string) => createTag(ctx, name),
    updateTag: (id: number, name: string) => updateTag(ctx, id, name),
    deleteTag: (id: number) => deleteTag(ctx, id),
    tagFans: (tagId: number, openids: string[]) => tagFans(ctx, tagId, openids),
    untagFans: (tagId: number, openids: string[]) => untagFans(ctx, tagId, openids),
    getFanTagIds: (openid: string) => getFanTagIds(ctx, openid),
    getUserInfo: (openid: string) => getUserInfo(ctx, openid),
    batchGetUserInfo: (openids: string[]) => batchGetUserInfo(ctx, openids),
    sendCustomMessage: (openid: string, message: CustomMessage) =>
      sendCustomMessage(ctx, openid, message),
    uploadTemporaryMedia: (media: MediaFile) => uploadTemporaryMedia(ctx, media),
    addPermanentMaterial: (
      media: MediaFile & { video?: { title: string; introduction: string } },
    ) => addPermanentMaterial(ctx, media),
    exchangeOAuthCode: (code: string) => exchangeOAuthCode(ctx, code),
    oauthAuthorizeUrl: (opts: {
      redirectUri: string;
      state: string;
      scope?: "snsapi_base" | "snsapi_userinfo";
    }) => oauthAuthorizeUrl(ctx, opts),
    getCallbackIps: () => getCallbackIps(ctx),
  };
}

export type WechatClient = ReturnType<typeof getWechatClient>;
