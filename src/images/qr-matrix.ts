/**
 * The QR matrix of a text, computed by `qrcode-generator`.
 *
 *   buildQrMatrix(text, ecc = "M"): QrMatrix
 *
 * The matrix is a flat row-major Uint8Array of 0 (light) and 1 (dark) modules, so the PNG and
 * SVG renderers read it without calling back into the library per module.
 *
 * TODO(#4): this step is the slowest part of a 430 px PNG (1.7-3.6 ms of it): qrcode-generator
 * scores all 8 masks through per-module `isDark` calls (80% of its time in `getLostPoint`), which
 * keeps a 430 px PNG at ~3-4x the floor instead of the targeted 3x (docs/performance.md). An
 * encoder of our own with typed-array mask scoring, tested bit-for-bit against qrcode-generator,
 * would fix it; it waits because the issue names qrcode-generator and every other target is met.
 */
import qrcode from "qrcode-generator";

export type QrErrorCorrection = "L" | "M" | "Q" | "H";

export type QrMatrix = {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** `size * size` entries, row-major, 1 = dark. */
  modules: Uint8Array;
};

/**
 * qrcode-generator's default byte mode keeps only the low byte of each UTF-16 unit, which would
 * corrupt any non-ASCII text. Handing it the UTF-8 bytes as a binary string keeps every text
 * intact (ticket urls are ASCII, but a caption-less code of any text must still decode).
 */
function toBinaryString(text: string): string {
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) return text;
  const bytes = new TextEncoder().encode(text);
  let out = "";
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}

export function buildQrMatrix(text: string, ecc: QrErrorCorrection = "M"): QrMatrix {
  const qr = qrcode(0, ecc);
  qr.addData(toBinaryString(text), "Byte");
  qr.make();

  const size = qr.getModuleCount();
  const modules = new Uint8Array(size * size);
  for (let row = 0; row < size; row++) {
    const base = row * size;
    for (let col = 0; col < size; col++) {
      if (qr.isDark(row, col)) modules[base + col] = 1;
    }
  }
  return { size, modules };
}
