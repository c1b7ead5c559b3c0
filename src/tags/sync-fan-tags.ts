import { eq } from "drizzle-orm";
import { getDb } from "../db/client";
import { fanTags } from "../db/schema";
import type { AccountRow } from "../http/types";
import type { WechatError, WechatTag } from "../wechat/client";
import { getWechatClient } from "../wechat/client";

export type SyncResult = { ok: true; tags: WechatTag[] } | { ok: false; error: WechatError };

/** Replaces the account's copy of its WeChat tags with /cgi-bin/tags/get. */
export async function syncFanTags(
  env: Env,
  account: AccountRow,
  now = Date.now(),
): Promise<SyncResult> {
  const answer = await getWechatClient(env, account).getTags();
  if (!answer.ok) return { ok: false, error: answer.error };
  const db = getDb(env.DB);
  const tags = answer.value;
  // Delete and insert in one batch: atomic, and no 100-id NOT IN list (D1's parameter limit).
  const inserts = tags.map((t) =>
    db.insert(fanTags).values({
      accountId: account.id,
      wechatTagId: t.id,
      name: t.name,
      fanCount: t.count,
      syncedAt: now,
    }),
  );
  await db.batch([db.delete(fanTags).where(eq(fanTags.accountId, account.id)), ...inserts]);
  return { ok: true, tags };
}
