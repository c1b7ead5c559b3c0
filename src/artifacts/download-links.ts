import { signToken, verifyToken } from "../crypto/signed-token";

const PURPOSE = "download";
/** A download link works this long after it is handed out. */
export const DOWNLOAD_LINK_TTL_SECONDS = 3600;

type DownloadPayload = { purpose: string; exp: number; artifactId: string };

/** `/files/<token>`: a signed, expiring link to one artifact. */
export async function signDownloadPath(
  signingKey: string,
  artifactId: string,
  nowMs = Date.now(),
): Promise<string> {
  const token = await signToken(signingKey, {
    purpose: PURPOSE,
    exp: Math.floor(nowMs / 1000) + DOWNLOAD_LINK_TTL_SECONDS,
    artifactId,
  });
  return `/files/${token}`;
}

export async function verifyDownloadToken(signingKey: string, token: string) {
  return verifyToken<DownloadPayload>(signingKey, token, PURPOSE);
}
