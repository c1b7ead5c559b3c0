import { z } from "zod";
import { transportError, type WechatResult } from "../errors";
import { callWithToken, readAs, type WechatContext } from "./context";

/**
 * Media for replies (wechat.md "Replies"): temporary media live 3 days
 * (40007 after), permanent material stays. Images should stay under 2 MB.
 */
export type MediaType = "image" | "voice" | "video" | "thumb";
export type MediaFile = { type: MediaType; file: Blob; fileName: string };
export type UploadedMedia = { mediaId: string; type: MediaType; createdAt: number };
export type PermanentMaterial = { mediaId: string; url: string | null };

const temporarySchema = z.object({
  media_id: z.string().min(1).optional(),
  thumb_media_id: z.string().min(1).optional(),
  created_at: z.number().int(),
});
const materialSchema = z.object({ media_id: z.string().min(1), url: z.string().optional() });

function mediaForm(media: MediaFile, extra?: Record<string, string>): FormData {
  const form = new FormData();
  form.append("media", media.file, media.fileName);
  for (const [k, v] of Object.entries(extra ?? {})) form.append(k, v);
  return form;
}

export async function uploadTemporaryMedia(
  ctx: WechatContext,
  media: MediaFile,
): Promise<WechatResult<UploadedMedia>> {
  const answer = await callWithToken(ctx, {
    method: "POST",
    path: "/cgi-bin/media/upload",
    query: { type: media.type },
    form: mediaForm(media),
  });
  const read = readAs(answer, temporarySchema, (a) => ({
    // A thumb upload answers thumb_media_id instead of media_id.
    mediaId: a.media_id ?? a.thumb_media_id ?? "",
    type: media.type,
    createdAt: a.created_at,
  }));
  return read.ok && !read.value.mediaId
    ? { ok: false, error: transportError("response", "upload answered without a media id") }
    : read;
}

/** A video needs a title and an introduction (sent as the `description` field). */
export async function addPermanentMaterial(
  ctx: WechatContext,
  media: MediaFile & { video?: { title: string; introduction: string } },
): Promise<WechatResult<PermanentMaterial>> {
  const extra = media.video ? { description: JSON.stringify(media.video) } : undefined;
  const answer = await callWithToken(ctx, {
    method: "POST",
    path: "/cgi-bin/material/add_material",
    query: { type: media.type },
    form: mediaForm(media, extra),
  });
  return readAs(answer, materialSchema, (a) => ({ mediaId: a.media_id, url: a.url ?? null }));
}
