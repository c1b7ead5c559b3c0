/**
 * What an uploaded file really is, read from its first bytes; the browser's
 * Content-Type and the file name are not trusted.
 */
export type SniffedMedia = {
  kind: "image" | "voice" | "video";
  contentType: string;
  extension: string;
};

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) =>
  sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

export function sniffMedia(head: Uint8Array): SniffedMedia | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { kind: "image", contentType: "image/png", extension: "png" };
  }
  if (startsWith(head, [0xff, 0xd8, 0xff]))
    return { kind: "image", contentType: "image/jpeg", extension: "jpg" };
  if (startsWith(head, ascii("#!AMR\n")))
    return { kind: "voice", contentType: "audio/amr", extension: "amr" };
  const first = head[0];
  const second = head[1];
  // MP3: an ID3 tag, or an MPEG audio frame sync (11 set bits).
  const mp3Frame = first === 0xff && second !== undefined && (second & 0xe0) === 0xe0;
  if (startsWith(head, ascii("ID3")) || mp3Frame) {
    return { kind: "voice", contentType: "audio/mpeg", extension: "mp3" };
  }
  if (startsWith(head, ascii("ftyp"), 4))
    return { kind: "video", contentType: "video/mp4", extension: "mp4" };
  return null;
}

/**
 * Upload limits per kind. Images: under 2 MB (wechat.md "Replies"). Voice
 * and video limits are not in wechat.md; these are conservative product
 * limits. TODO(#5): confirm voice/video limits against WeChat's media docs.
 */
export const MAX_MEDIA_BYTES: Record<SniffedMedia["kind"], number> = {
  image: 2 * 1024 * 1024,
  voice: 2 * 1024 * 1024,
  video: 10 * 1024 * 1024,
};
