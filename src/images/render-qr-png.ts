/**
 * QR code as PNG: 1-bit (default) or 8-bit grayscale, optional caption below the code.
 *
 *   renderQrPng(text, options?: QrPngOptions): Promise<Uint8Array>
 *   renderQrPngSync(text, options?: QrPngOptions): Uint8Array        always fflate
 *
 * The async form deflates with the runtime's native CompressionStream for large images and with
 * fflate for small ones, where the stream's fixed cost loses (bench/results/png.json,
 * docs/performance.md).
 */
import { assemblePng, type PngBitDepth, zlibFflate, zlibNative } from "./png-encode";
import { type QrImageOptions, resolveQrImage } from "./qr-options";
import { rasterizeQr } from "./qr-raster";
import { renderCaptionBitmap } from "./render-caption";

export type QrPngOptions = QrImageOptions & {
  /** 1 = black and white (smallest, fastest); 8 = grayscale bytes, for tools that dislike 1-bit. */
  bitDepth?: PngBitDepth;
  /** Which deflater the async form uses; "auto" picks by image size. */
  compressor?: "auto" | "fflate" | "native";
};

/**
 * Raw scanline bytes from which "auto" uses the native CompressionStream. Measured: fflate
 * costs ~13 µs per KB, the native stream ~0.35 ms fixed + ~5 µs per KB, so they cross near
 * 42 KB (430 px = 24 KB stays on fflate, 860 px = 93 KB and up go native).
 */
export const NATIVE_DEFLATE_MIN_BYTES = 48 * 1024;

function rasterize(text: string, options: QrPngOptions) {
  const { matrix, layout, caption } = resolveQrImage(text, options);
  const bitDepth = options.bitDepth ?? 1;
  const captionBitmap = caption ? renderCaptionBitmap(caption, layout.width) : undefined;
  const raw = rasterizeQr(matrix, layout, bitDepth, captionBitmap);
  return { header: { width: layout.width, height: layout.height, bitDepth }, raw };
}

export function renderQrPngSync(text: string, options: QrPngOptions = {}): Uint8Array {
  const { header, raw } = rasterize(text, options);
  return assemblePng(header, zlibFflate(raw));
}

export async function renderQrPng(text: string, options: QrPngOptions = {}): Promise<Uint8Array> {
  const { header, raw } = rasterize(text, options);
  const compressor = options.compressor ?? "auto";
  const native =
    compressor === "native" || (compressor === "auto" && raw.length >= NATIVE_DEFLATE_MIN_BYTES);
  return assemblePng(header, native ? await zlibNative(raw) : zlibFflate(raw));
}
