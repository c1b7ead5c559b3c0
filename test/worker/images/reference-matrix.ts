// The reference the product's QR encoder is checked against: the same matrix built by
// qrcode-generator (also used by bench/png.ts to show what the matrix step would cost with it).
import qrcode from "qrcode-generator";
import type { QrErrorCorrection, QrMatrix } from "../../../src/images/qr-matrix";

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
