import { qrFileName } from "../images/file-names";
import { cmToPixels, QR_SIZE_MAX, QR_SIZE_MIN } from "../images/qr-layout";
import { renderQrPng } from "../images/render-qr-png";
import { renderQrSvg } from "../images/render-qr-svg";
import type { QrCodeRow } from "./present-qrcode";

export const IMAGE_FORMATS = ["png", "svg"] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

export type CodeImageOptions = { format: ImageFormat; size: number; caption: boolean };
export type CodeImage = { body: Uint8Array | string; contentType: string; fileName: string };

export const CONTENT_TYPES: Record<ImageFormat, string> = {
  png: "image/png",
  svg: "image/svg+xml; charset=utf-8",
};

/**
 * Sent with every image: an SVG opened on the console's own origin runs no
 * script and loads nothing, even if a caption ever smuggled markup in.
 */
export const IMAGE_SECURITY_HEADERS = {
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
  "X-Content-Type-Options": "nosniff",
} as const;

/** Pixels from either `size` (px) or `cm` (printed at 300 dpi), clamped to what renders. */
export function imagePixels(size: number | undefined, cm: number | undefined): number {
  const px = cm !== undefined ? cmToPixels(cm) : (size ?? 430);
  return Math.min(QR_SIZE_MAX, Math.max(QR_SIZE_MIN, Math.round(px)));
}

/**
 * The code's image, rendered from its ticket url (the content WeChat scans),
 * with the code's name as the optional caption and the file name.
 */
export async function renderCodeImage(
  code: Pick<QrCodeRow, "name" | "url">,
  options: CodeImageOptions,
): Promise<CodeImage> {
  const url = code.url ?? "";
  const render = { size: options.size, caption: options.caption ? code.name : "" };
  const body = options.format === "png" ? await renderQrPng(url, render) : renderQrSvg(url, render);
  return {
    body,
    contentType: CONTENT_TYPES[options.format],
    fileName: qrFileName(code.name, options.format),
  };
}
