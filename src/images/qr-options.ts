/**
 * Options shared by the PNG and SVG renderers, and the caption band they both reserve.
 *
 *   resolveQrImage(text, options): { matrix, layout, caption }
 */
import { layoutQr, type QrLayout } from "./qr-layout";
import { buildQrMatrix, type QrErrorCorrection, type QrMatrix } from "./qr-matrix";

export type QrImageOptions = {
  /** Image width in pixels (64-4000); default 430. See `QR_PRINT_SIZES`, `cmToPixels`. */
  size?: number;
  /** Light modules around the code; default 4 (the QR spec's minimum). */
  quietZone?: number;
  /** Error correction level; default "M" (15% damage tolerated). */
  ecc?: QrErrorCorrection;
  /** Text drawn centred below the code (usually the code's name); empty = no caption. */
  caption?: string;
};

export const QR_SIZE_DEFAULT = 430;

/** The caption band's height and font size, the same for PNG and SVG so both have one size. */
export function captionMetrics(width: number): { height: number; fontPx: number } {
  const height = Math.max(Math.round(width * 0.1), 28);
  return { height, fontPx: Math.round(height * 0.6) };
}

export type ResolvedQrImage = {
  matrix: QrMatrix;
  layout: QrLayout;
  caption: string;
};

export function resolveQrImage(text: string, options: QrImageOptions): ResolvedQrImage {
  const matrix = buildQrMatrix(text, options.ecc ?? "M");
  const size = options.size ?? QR_SIZE_DEFAULT;
  const caption = (options.caption ?? "").trim();
  const layout = layoutQr(matrix.size, {
    size,
    quietZone: options.quietZone,
    captionHeight: caption ? captionMetrics(Math.round(size)).height : 0,
  });
  return { matrix, layout, caption };
}
