import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { sandboxFans, sandboxTags } from "../../db/schema";
import { findFan, type SandboxFan } from "../fans";
import { jsonObject, type SandboxContext, utf8Length, wxError, wxOk } from "./context";

/**
 * Fan tags with wechat.md's limits: 100 per account (45056), 20 per fan
 * (45059), 50 openids per call (40032), names up to 30 UTF-8 bytes (45158)
 * and unique (45157), unknown tag id 45159. Ids 0/1/2 are WeChat's own;
 * changing them answers 45058, a code from WeChat's documentation that
 * wechat.md does not list. Tag 2 ("星标组") is listed, as WeChat does.
 */
const MAX_TAGS = 100;
const MAX_TAGS_PER_FAN = 20;
const MAX_OPENIDS = 50;
const RESERVED = [{ id: 2, name: "星标组" }];
const FIRST_ID = 100;

async function appTags(db: Db, appId: string) {
  return db.select().from(sandboxTags).where(eq(sandboxTags.appId, appId));
}

async function appFans(db: Db, appId: string) {
  return db.select().from(sandboxFans).where(eq(sandboxFans.appId, appId));
}

function tagOf(c: SandboxContext): { id?: unknown; name?: unknown } {
  const tag = jsonObject(c).tag;
  return typeof tag === "object" && tag !== null ? tag : {};
}

function nameError(name: unknown, taken: string[]): [number, string] | null {
  if (typeof name !== "string" || !name.trim() || utf8Length(name) > 30)
    return [45158, "tag name too long"];
  if (taken.includes(name)) return [45157, "invalid tag name"];
  return null;
}

export async function getTagsHandler(c: SandboxContext) {
  const db = c.get("db");
  const [tags, fans] = await Promise.all([
    appTags(db, c.get("appId")),
    appFans(db, c.get("appId")),
  ]);
  const count = (id: number) => fans.filter((f) => f.tagIds.includes(id)).length;
  const all = [...RESERVED, ...tags.sort((a, b) => a.id - b.id)];
  return c.json({ tags: all.map((t) => ({ id: t.id, name: t.name, count: count(t.id) })) });
}

export async function createTagHandler(c: SandboxContext) {
  const db = c.get("db");
  const appId = c.get("appId");
  const { name } = tagOf(c);
  const tags = await appTags(db, appId);
  const bad = nameError(
    name,
    [...RESERVED, ...tags].map((t) => t.name),
  );
  if (bad) return wxError(c, ...bad);
  if (tags.length >= MAX_TAGS) return wxError(c, 45056, "too many tags");
  const id = Math.max(FIRST_ID - 1, ...tags.map((t) => t.id)) + 1;
  await db.insert(sandboxTags).values({ appId, id, name: String(name), createdAt: Date.now() });
  return c.json({ tag: { id, name } });
}

export async function updateTagHandler(c: SandboxContext) {
  const db = c.get("db");
  const appId = c.get("appId");
  const { id, name } = tagOf(c);
  if (id === 0 || id === 1 || id === 2) return wxError(c, 45058, "can't modify sys tag");
  const tags = await appTags(db, appId);
  const tag = tags.find((t) => t.id === id);
  if (!tag) return wxError(c, 45159, "invalid tag id");
  const bad = nameError(
    name,
    [...RESERVED, ...tags.filter((t) => t.id !== id)].map((t) => t.name),
  );
  if (bad) return wxError(c, ...bad);
  await db
    .update(sandboxTags)
    .set({ name: String(name) })
    .where(and(eq(sandboxTags.appId, appId), eq(sandboxTags.id, tag.id)));
  return wxOk(c);
}

export async function deleteTagHandler(c: SandboxContext) {
  const db = c.get("db");
  const appId = c.get("appId");
  const { id } = tagOf(c);
  if (id === 0 || id === 1 || id === 2) return wxError(c, 45058, "can't modify sys tag");
  const tag = (await appTags(db, appId)).find((t) => t.id === id);
  if (!tag) return wxError(c, 45159, "invalid tag id");
  const fans = (await appFans(db, appId)).filter((f) => f.tagIds.includes(tag.id));
  await db.batch([
    db.delete(sandboxTags).where(and(eq(sandboxTags.appId, appId), eq(sandboxTags.id, tag.id))),
    ...fans.map((f) =>
      setFanTags(
        db,
        f,
        f.tagIds.filter((t) => t !== tag.id),
      ),
    ),
  ]);
  return wxOk(c);
}

function setFanTags(db: Db, fan: SandboxFan, tagIds: number[]) {
  return db
    .update(sandboxFans)
    .set({ tagIds, updatedAt: Date.now() })
    .where(and(eq(sandboxFans.appId, fan.appId), eq(sandboxFans.openid, fan.openid)));
}

async function changeMembers(c: SandboxContext, add: boolean) {
  const db = c.get("db");
  const appId = c.get("appId");
  const { openid_list: list, tagid } = jsonObject(c);
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_OPENIDS) {
    return wxError(c, 40032, "invalid openid list size");
  }
  const knownIds = [...RESERVED, ...(await appTags(db, appId))].map((t) => t.id);
  if (typeof tagid !== "number" || !knownIds.includes(tagid))
    return wxError(c, 45159, "invalid tag id");

  const fans: SandboxFan[] = [];
  for (const openid of list) {
    const fan = typeof openid === "string" ? await findFan(db, appId, openid) : null;
    if (!fan) return wxError(c, 40003, "invalid openid");
    fans.push(fan);
  }
  // All or nothing, as one batch: a fan past 20 tags fails the whole call.
  const next = fans.map((f) => ({
    fan: f,
    tagIds: add ? [...new Set([...f.tagIds, tagid])] : f.tagIds.filter((t) => t !== tagid),
  }));
  if (next.some((n) => n.tagIds.length > MAX_TAGS_PER_FAN))
    return wxError(c, 45059, "tag count of fan out of limit");
  const [first, ...rest] = next.map((n) => setFanTags(db, n.fan, n.tagIds));
  if (first) await db.batch([first, ...rest]);
  return wxOk(c);
}

export const batchTaggingHandler = (c: SandboxContext) => changeMembers(c, true);
export const batchUntaggingHandler = (c: SandboxContext) => changeMembers(c, false);

export async function getIdListHandler(c: SandboxContext) {
  const { openid } = jsonObject(c);
  const fan =
    typeof openid === "string" ? await findFan(c.get("db"), c.get("appId"), openid) : null;
  if (!fan) return wxError(c, 40003, "invalid openid");
  return c.json({ tagid_list: fan.tagIds });
}
