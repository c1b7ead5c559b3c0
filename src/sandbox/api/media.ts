import { sandboxMedia } from "../../db/schema";
import { randomChars, type SandboxContext, wxError } from "./context";

/**
 * `/cgi-bin/media/upload` (temporary, 3 days) and
 * `/cgi-bin/material/add_material` (permanent). Size limits per type follow
 * WeChat's documentation (images 2 MB as wechat.md says); the codes
 * 40004/40009-40012/41005 are WeChat's, not listed in wechat.md.
 */
const TEMPORARY_MS = 3 * 24 * 3600_000;
const LIMITS: Record<string, { bytes: number; errcode: number }> = {
  image: { bytes: 2 * 1024 * 1024, errcode: 40009 },
  voice: { bytes: 2 * 1024 * 1024, errcode: 40010 },
  video: { bytes: 10 * 1024 * 1024, errcode: 40011 },
  thumb: { bytes: 64 * 1024, errcode: 40012 },
};

type Upload = { type: string; file: File } | { error: [number, string] };

async function readUpload(c: SandboxContext): Promise<Upload> {
  const type = c.req.query("type") ?? "";
  const limit = LIMITS[type];
  if (!limit) return { error: [40004, "invalid media type"] };
  let form: FormData;
  try {
    form = await c.req.formData();
  } catch {
    return { error: [41005, "media data missing"] };
  }
  const file = form.get("media");
  if (!(file instanceof File) || file.size === 0) return { error: [41005, "media data missing"] };
  c.set("record", { type, fileName: file.name, size: file.size });
  if (file.size > limit.bytes) return { error: [limit.errcode, `invalid ${type} size`] };
  return { type, file };
}

async function store(
  c: SandboxContext,
  type: string,
  size: number,
  permanent: boolean,
): Promise<string> {
  const mediaId = randomChars(
    64,
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-",
  );
  const now = Date.now();
  await c
    .get("db")
    .insert(sandboxMedia)
    .values({
      mediaId,
      appId: c.get("appId"),
      type,
      size,
      permanent,
      expiresAt: permanent ? null : now + TEMPORARY_MS,
      createdAt: now,
    });
  return mediaId;
}

export async function uploadMediaHandler(c: SandboxContext) {
  const upload = await readUpload(c);
  if ("error" in upload) return wxError(c, ...upload.error);
  const mediaId = await store(c, upload.type, upload.file.size, false);
  const createdAt = Math.floor(Date.now() / 1000);
  return upload.type === "thumb"
    ? c.json({ type: "thumb", thumb_media_id: mediaId, created_at: createdAt })
    : c.json({ type: upload.type, media_id: mediaId, created_at: createdAt });
}

export async function addMaterialHandler(c: SandboxContext) {
  const upload = await readUpload(c);
  if ("error" in upload) return wxError(c, ...upload.error);
  const mediaId = await store(c, upload.type, upload.file.size, true);
  return upload.type === "image"
    ? c.json({ media_id: mediaId, url: `http://mmbiz.qpic.cn/sandbox/${mediaId}/0` })
    : c.json({ media_id: mediaId });
}
