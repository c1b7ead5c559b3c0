import { and, eq } from "drizzle-orm";
import { getDb } from "../db/client";
import { media } from "../db/schema";
import type { AccountRow } from "../http/types";
import { log } from "../lib/log";
import { getWechatClient } from "../wechat/client";

/** Temporary media live 3 days on WeChat (wechat.md "Replies"). */
export const TEMPORARY_MEDIA_LIFE_MS = 3 * 24 * 3600 * 1000;
/** A cached id this close to expiry is renewed rather than risked. */
const RENEW_MARGIN_MS = 3600 * 1000;

export type WechatMediaResult =
  | { ok: true; wechatMediaId: string }
  | { ok: false; errcode: number | null; reason: string; retryable: boolean };

export type EnsureMediaOptions = {
  /** Upload again even if a cached id looks valid (after WeChat answered 40007). */
  force?: boolean;
  timeoutMs?: number;
  now?: number;
};

/**
 * The WeChat media id of one of the account's uploaded files: the cached
 * temporary id while it is valid, else the file is read from R2 and
 * uploaded as temporary media, and the new id cached.
 */
export async function ensureWechatMedia(
  env: Env,
  account: AccountRow,
  mediaId: string,
  options: EnsureMediaOptions = {},
): Promise<WechatMediaResult> {
  const now = options.now ?? Date.now();
  const db = getDb(env.DB);
  const row = await db.query.media.findFirst({
    where: (m, { and, eq }) => and(eq(m.id, mediaId), eq(m.accountId, account.id)),
  });
  if (!row)
    return { ok: false, errcode: null, reason: "The media file was deleted.", retryable: false };
  const cached = row.wechatMediaId;
  if (!options.force && cached && (row.wechatMediaExpiresAt ?? 0) > now + RENEW_MARGIN_MS) {
    return { ok: true, wechatMediaId: cached };
  }

  const object = await env.ARTIFACTS.get(row.r2Key);
  if (!object)
    return {
      ok: false,
      errcode: null,
      reason: "The media file is missing from storage.",
      retryable: false,
    };
  const file = new Blob([await object.arrayBuffer()], { type: row.contentType });
  const client = getWechatClient(
    env,
    account,
    options.timeoutMs ? { timeoutMs: options.timeoutMs } : {},
  );
  const uploaded = await client.uploadTemporaryMedia({
    type: row.kind,
    file,
    fileName: row.fileName,
  });
  if (!uploaded.ok) {
    log.warn("media upload failed", {
      accountId: account.id,
      mediaId,
      errcode: uploaded.error.errcode,
    });
    return {
      ok: false,
      errcode: uploaded.error.errcode,
      reason: uploaded.error.explanation,
      retryable: uploaded.error.retryable === "backoff",
    };
  }
  const createdAt = uploaded.value.createdAt > 0 ? uploaded.value.createdAt * 1000 : now;
  await db
    .update(media)
    .set({
      wechatMediaId: uploaded.value.mediaId,
      wechatMediaExpiresAt: createdAt + TEMPORARY_MEDIA_LIFE_MS,
    })
    .where(and(eq(media.id, mediaId), eq(media.accountId, account.id)));
  return { ok: true, wechatMediaId: uploaded.value.mediaId };
}
