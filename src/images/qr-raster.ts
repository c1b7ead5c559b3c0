/**
 * Turns a QR matrix (and an optional caption bitmap) into PNG scanlines, filter type 0.
 *
 *   rasterizeQr(matrix, layout, bitDepth, caption?): Uint8Array
 *
 * Only one scanline per module row is drawn; the other `scale - 1` rows are copies of it, which
 * keeps the work proportional to the modules, not to the pixels.
 */
import { type PngBitDepth, pngRowBytes } from "./png-encode";
import type { QrLayout } from "./qr-layout";
import type { QrMatrix } from "./qr-matrix";

/** A 1-byte-per-pixel picture, 1 = dark; used for captions. */
export type Bitmap = { width: number; height: number; pixels: Uint8Array };

/** Paints pixels [x0, x1) of the scanline at `row` black (0 bits / 0 bytes). */
function paintDark(raw: Uint8Array, row: number, x0: number, x1: number, bitDepth: PngBitDepth) {
  const data = row + 1;
  if (bitDepth === 8) {
    raw.fill(0, data + x0, data + x1);
    return;
  }
  let x = x0;
  while (x < x1 && (x & 7) !== 0) {
    raw[data + (x >> 3)] = (raw[data + (x >> 3)] ?? 0) & ~(0x80 >> (x & 7));
    x++;
  }
  const wholeEnd = x1 & ~7;
  if (wholeEnd > x) {
    raw.fill(0, data + (x >> 3), data + (wholeEnd >> 3));
    x = wholeEnd;
  }
  while (x < x1) {
    raw[data + (x >> 3)] = (raw[data + (x >> 3)] ?? 0) & ~(0x80 >> (x & 7));
    x++;
  }
}

/** Calls `paint(start, end)` for each run of consecutive 1s in `cells[from, from + count)`. */
function forEachRun(
  cells: Uint8Array,
  from: number,
  count: number,
  paint: (start: number, end: number) => void,
) {
  let i = 0;
  while (i < count) {
    if (cells[from + i] !== 1) {
      i++;
      continue;
    }
    const start = i;
    while (i < count && cells[from + i] === 1) i++;
    paint(start, i);
  }
}

export function rasterizeQr(
  matrix: QrMatrix,
  layout: QrLayout,
  bitDepth: PngBitDepth,
  caption?: Bitmap,
): Uint8Array {
  const { width, height, scale, offset } = layout;
  const rowBytes = pngRowBytes(width, bitDepth);
  const raw = new Uint8Array(height * rowBytes).fill(0xff);
  for (let y = 0; y < height; y++) raw[y * rowBytes] = 0;

  const n = matrix.size;
  for (let r = 0; r < n; r++) {
    const row = (offset + r * scale) * rowBytes;
    forEachRun(matrix.modules, r * n, n, (c0, c1) =>
      paintDark(raw, row, offset + c0 * scale, offset + c1 * scale, bitDepth),
    );
    for (let k = 1; k < scale; k++) raw.copyWithin(row + k * rowBytes, row, row + rowBytes);
  }

  if (caption) {
    // The caption sits below the square code area, centred by its own bitmap width.
    const top = width;
    const left = Math.floor((width - caption.width) / 2);
    for (let y = 0; y < caption.height && top + y < height; y++) {
      const row = (top + y) * rowBytes;
      forEachRun(caption.pixels, y * caption.width, caption.width, (x0, x1) =>
        paintDark(raw, row, left + x0, left + x1, bitDepth),
      );
    }
  }
  return raw;
}
