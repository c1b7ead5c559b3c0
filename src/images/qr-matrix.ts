/**
 * The QR matrix of a text.
 *
 *   buildQrMatrix(text, ecc = "M"): QrMatrix       our typed-array encoder (qr-encode.ts)
 *
 * It gives the same matrix as qrcode-generator for every text, module for module: the tests
 * (test/worker/images/qr-encode.test.ts) keep qrcode-generator as the reference and compare
 * all versions and levels. qrcode-generator itself spends ~1.7 ms per ticket url scoring masks
 * through per-module calls, more than the whole rest of a 430 px PNG; ours takes ~0.2 ms
 * (docs/performance.md).
 * The matrix is a flat row-major Uint8Array of 0 (light) and 1 (dark) modules.
 */
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
