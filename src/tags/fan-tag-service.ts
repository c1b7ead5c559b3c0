import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { fans, fanTagFailures, fanTags } from "../db/schema";
import { AppError } from "../http/errors";
import type { AccountRow } from "../http/types";
import { fanErased, shownOpenid } from "../privacy/shown-fan";
import { getWechatClient, type WechatError } from "../wechat/client";
import { syncFanTags } from "./sync-fan-tags";

export function presentFanTag(t: typeof fanTags.$inferSelect) {
  return { id: t.wechatTagId, name: t.name, fanCount: t.fanCount, syncedAt: t.syncedAt };
}

export async function listFanTags(db: Db, accountId: string) {
  const rows = await db
    .select()
    .from(fanTags)
    .where(eq(fanTags.accountId, accountId))
    .orderBy(asc(fanTags.name));
  return rows.map(presentFanTag);
}

/** A WeChat refusal as the API error an operator can act on. */
export function wechatAppError(error: WechatError): AppError {
  const code =
    error.errcode === 45157
      ? "conflict"
      : error.errcode === 45056
        ? "limit_exceeded"
        : "wechat_error";
  return new AppError(code, error.explanation, { details: { errcode: error.errcode } });
}

export async function syncFanTagsOrThrow(env: Env, db: Db, account: AccountRow) {
  const synced = await syncFanTags(env, account);
  if (!synced.ok) throw wechatAppError(synced.error);
  return listFanTags(db, account.id);
}

/** Creates the tag on WeChat, then keeps the product's copy. */
export async function createFanTagOrThrow(env: Env, db: Db, account: AccountRow, name: string) {
  const created = await getWechatClient(env, account).createTag(name);
  if (!created.ok) throw wechatAppError(created.error);
  const now = Date.now();
  const [row] = await db
    .insert(fanTags)
    .values({
      accountId: account.id,
      wechatTagId: created.value.id,
      name: created.value.name,
      fanCount: 0,
      syncedAt: now,
    })
    .onConflictDoUpdate({
      target: [fanTags.accountId, fanTags.wechatTagId],
      set: { name: created.value.name, syncedAt: now },
    })
    .returning();
  if (!row) throw new Error("fan tag insert returned nothing");
  return presentFanTag(row);
}

/** The code's fan tags that could not be applied, newest first. */
export async function listTagFailures(db: Db, accountId: string, qrcodeId: string, limit = 200) {
  const rows = await db
    .select({ f: fanTagFailures, openid: shownOpenid, erased: fanErased })
    .from(fanTagFailures)
    .leftJoin(fans, eq(fans.id, fanTagFailures.fanId))
    .where(and(eq(fanTagFailures.accountId, accountId), eq(fanTagFailures.qrcodeId, qrcodeId)))
    .orderBy(desc(fanTagFailures.createdAt))
    .limit(limit);
  return rows.map(({ f, openid, erased }) => ({
    id: f.id,
    fanId: f.fanId,
    openid,
    erased,
    tagId: f.wechatTagId,
    errcode: f.errcode,
    reason: f.reason,
    createdAt: f.createdAt,
  }));
}
