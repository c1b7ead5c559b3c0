import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { fanTags, memberTags } from "../db/schema";

export type TagNameMaps = { fanTags: Map<string, number>; memberTags: Map<string, string> };

/**
 * A names file refers to tags by name: fan tags as last synced from WeChat
 * (at most 100 per account) and member tags of the CRM.
 */
export async function loadTagNameMaps(db: Db, accountId: string): Promise<TagNameMaps> {
  const [fan, member] = await Promise.all([
    db
      .select({ id: fanTags.wechatTagId, name: fanTags.name })
      .from(fanTags)
      .where(eq(fanTags.accountId, accountId)),
    db.select({ id: memberTags.id, name: memberTags.name }).from(memberTags),
  ]);
  return {
    fanTags: new Map(fan.map((t) => [t.name, t.id])),
    memberTags: new Map(member.map((t) => [t.name, t.id])),
  };
}
