import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { sandboxFans, sandboxMedia } from "../../db/schema";
import { findFan } from "../fans";
import { jsonObject, type SandboxContext, wxError, wxOk } from "./context";

/**
 * `POST /cgi-bin/message/custom/send` with the window of wechat.md
 * "Replies": after a scan or follow, 3 messages within 1 minute (45015 once
 * the minute is over, 45047 past the third); 43004 when the fan does not
 * follow; 45008 for more than one article; 40007 for an unknown or expired
 * media id. Unknown msgtype 40008 and empty text 44004 are WeChat codes
 * wechat.md does not list.
 * TODO(#3): the 5-in-48-hours window after a fan's own message; the sandbox
 * simulates events only, not fans writing to the account.
 */
const WINDOW_MS = 60_000;
const WINDOW_MESSAGES = 3;
const MSG_TYPES = [
  "text",
  "image",
  "voice",
  "video",
  "music",
  "news",
  "mpnewsarticle",
  "miniprogrampage",
  "msgmenu",
];

function field(body: Record<string, unknown>, key: string): Record<string, unknown> {
  const v = body[key];
  return typeof v === "object" && v !== null ? (v as Record<string, unknown>) : {};
}

/** The media ids a message refers to, which must exist and be unexpired. */
function mediaIds(msgtype: string, payload: Record<string, unknown>): unknown[] {
  if (msgtype === "image" || msgtype === "voice" || msgtype === "video") return [payload.media_id];
  if (msgtype === "music" || msgtype === "miniprogrampage") return [payload.thumb_media_id];
  return [];
}

async function mediaUsable(db: Db, appId: string, id: unknown): Promise<boolean> {
  if (typeof id !== "string" || !id) return false;
  const [row] = await db
    .select()
    .from(sandboxMedia)
    .where(and(eq(sandboxMedia.appId, appId), eq(sandboxMedia.mediaId, id)))
    .limit(1);
  return !!row && (row.expiresAt === null || row.expiresAt > Date.now());
}

function contentError(msgtype: string, payload: Record<string, unknown>): [number, string] | null {
  if (!MSG_TYPES.includes(msgtype)) return [40008, "invalid message type"];
  if (msgtype === "text" && (typeof payload.content !== "string" || !payload.content))
    return [44004, "empty content"];
  if (msgtype === "news" && (!Array.isArray(payload.articles) || payload.articles.length !== 1)) {
    return [45008, "article size out of limit"];
  }
  return null;
}

export async function customSendHandler(c: SandboxContext) {
  const db = c.get("db");
  const appId = c.get("appId");
  const body = jsonObject(c);
  const msgtype = typeof body.msgtype === "string" ? body.msgtype : "";
  const payload = field(body, msgtype);
  const bad = contentError(msgtype, payload);
  if (bad) return wxError(c, ...bad);
  for (const id of mediaIds(msgtype, payload)) {
    if (!(await mediaUsable(db, appId, id))) return wxError(c, 40007, "invalid media_id");
  }

  const fan = typeof body.touser === "string" ? await findFan(db, appId, body.touser) : null;
  if (!fan) return wxError(c, 40003, "invalid openid");
  if (!fan.following) return wxError(c, 43004, "require subscribe");
  if (fan.windowStartedAt === null || Date.now() - fan.windowStartedAt > WINDOW_MS) {
    return wxError(c, 45015, "response out of time limit or subscription is canceled");
  }
  // Counted atomically, so concurrent sends cannot pass the third together.
  const counted = await db
    .update(sandboxFans)
    .set({ windowSent: sql`${sandboxFans.windowSent} + 1` })
    .where(
      and(
        eq(sandboxFans.appId, appId),
        eq(sandboxFans.openid, fan.openid),
        lt(sandboxFans.windowSent, WINDOW_MESSAGES),
      ),
    )
    .returning({ sent: sandboxFans.windowSent });
  if (counted.length === 0) return wxError(c, 45047, "out of response count limit");
  return wxOk(c);
}
