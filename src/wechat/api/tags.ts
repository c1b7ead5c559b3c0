import { z } from "zod";
import type { WechatResult } from "../errors";
import { callWithToken, chunk, done, readAs, type WechatContext } from "./context";

/**
 * Fan tags (wechat.md "Fan tags"): 100 per account, 20 per fan, 50 openids
 * per batch call (larger lists are sent in batches of 50, stopping at the
 * first error), names up to 30 UTF-8 bytes; 0/1/2 are reserved. A 45159
 * under concurrent tagging is for the caller to retry once, serialised.
 */
export type WechatTag = { id: number; name: string; count: number };

export const MAX_OPENIDS_PER_TAGGING = 50;

const tagsSchema = z.object({
  tags: z.array(
    z.object({ id: z.number().int(), name: z.string(), count: z.number().int().optional() }),
  ),
});
const createdSchema = z.object({ tag: z.object({ id: z.number().int(), name: z.string() }) });
const idListSchema = z.object({ tagid_list: z.array(z.number().int()).default([]) });

export async function getTags(ctx: WechatContext): Promise<WechatResult<WechatTag[]>> {
  const answer = await callWithToken(ctx, { method: "GET", path: "/cgi-bin/tags/get" });
  return readAs(answer, tagsSchema, (a) =>
    a.tags.map((t) => ({ id: t.id, name: t.name, count: t.count ?? 0 })),
  );
}

export async function createTag(
  ctx: WechatContext,
  name: string,
): Promise<WechatResult<WechatTag>> {
  const answer = await callWithToken(ctx, {
    method: "POST",
    path: "/cgi-bin/tags/create",
    json: { tag: { name } },
  });
  return readAs(answer, createdSchema, (a) => ({ id: a.tag.id, name: a.tag.name, count: 0 }));
}

export async function updateTag(
  ctx: WechatContext,
  id: number,
  name: string,
): Promise<WechatResult<true>> {
  return done(
    await callWithToken(ctx, {
      method: "POST",
      path: "/cgi-bin/tags/update",
      json: { tag: { id, name } },
    }),
  );
}

export async function deleteTag(ctx: WechatContext, id: number): Promise<WechatResult<true>> {
  return done(
    await callWithToken(ctx, {
      method: "POST",
      path: "/cgi-bin/tags/delete",
      json: { tag: { id } },
    }),
  );
}

async function changeMembers(
  ctx: WechatContext,
  path: "/cgi-bin/tags/members/batchtagging" | "/cgi-bin/tags/members/batchuntagging",
  tagId: number,
  openids: string[],
): Promise<WechatResult<true>> {
  for (const batch of chunk(openids, MAX_OPENIDS_PER_TAGGING)) {
    const answer = await callWithToken(ctx, {
      method: "POST",
      path,
      json: { openid_list: batch, tagid: tagId },
    });
    if (!answer.ok) return answer;
  }
  return { ok: true, value: true };
}

export function tagFans(ctx: WechatContext, tagId: number, openids: string[]) {
  return changeMembers(ctx, "/cgi-bin/tags/members/batchtagging", tagId, openids);
}

export function untagFans(ctx: WechatContext, tagId: number, openids: string[]) {
  return changeMembers(ctx, "/cgi-bin/tags/members/batchuntagging", tagId, openids);
}

export async function getFanTagIds(
  ctx: WechatContext,
  openid: string,
): Promise<WechatResult<number[]>> {
  const answer = await callWithToken(ctx, {
    method: "POST",
    path: "/cgi-bin/tags/getidlist",
    json: { openid },
  });
  return readAs(answer, idListSchema, (a) => a.tagid_list);
}
