/**
 * The QR matrix of a text.
 *
 *   buildQrMatrix(text, ecc = "M"): QrMatrix             our typed-array encoder (qr-encode.ts)
 *   buildQrMatrixReference(text, ecc = "M"): QrMatrix    the same through qrcode-generator
 *
 * Both give the same matrix for every text, module for module (test/worker/images/qr-encode
 * compares them on thousands of inputs, all versions and levels). The renderers use the first:
 * qrcode-generator spends 1.7-3.6 ms per ticket url scoring masks through per-module calls,
 * more than the whole rest of a 430 px PNG (docs/performance.md); ours takes ~0.2 ms.
 * The matrix is a flat row-major Uint8Array of 0 (light) and 1 (dark) modules.
 */
import qrcode from "qrcode-generator";
import { encodeQr } from "./qr-encode";

export type QrErrorCorrection = "L" | "M" | "Q" | "H";

export type QrMatrix = {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** `size * size` entries, row-major, 1 = dark. */
  modules: Uint8Array;
};

/** Texts are encoded as UTF-8 bytes in byte mode, so any text decodes back intact. */
export function buildQrMatrix(text: string, ecc: QrErrorCorrection = "M"): QrMatrix {
  return encodeQr(new TextEncoder().encode(text), ecc);
}

/**
 * qrcode-generator's default byte mode keeps only the low byte of each UTF-16 unit; handing it
 * the UTF-8 bytes as a binary string keeps every text intact.
 */
function toBinaryString(text: string): string {
  let out = "";
  for (const b of new TextEncoder().encode(text)) out += String.fromCharCode(b);
  return out;
}

export function buildQrMatrixReference(text: string, ecc: QrErrorCorrection = "M"): QrMatrix {
  const qr = qrcode(0, ecc);
  qr.addData(toBinaryString(text), "Byte");
  qr.make();

  const size = qr.getModuleCount();
  const modules = new Uint8Array(size * size);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) if (qr.isDark(row, col)) modules[row * size + col] = 1;
  }
  return { size, modules };
}
