/**
 * The codewords of a byte-mode QR code: version choice, data bits, Reed-Solomon blocks.
 *
 *   qrCodewords(bytes, ecc): { version, codewords }      interleaved data then EC codewords
 *
 * Follows ISO/IEC 18004 as qrcode-generator implements it (same version choice, terminator and
 * padding rules), so the matrices of both are identical; test/worker/images checks that.
 */
import type { QrErrorCorrection } from "./qr-matrix";
import { RS_BLOCKS } from "./qr-tables.generated";

const LEVEL_INDEX: Record<QrErrorCorrection, number> = { L: 0, M: 1, Q: 2, H: 3 };
const MODE_BYTE = 0b0100;
const PAD_BYTES = [0xec, 0x11];

type Block = { total: number; data: number };

function rsBlocks(version: number, ecc: QrErrorCorrection): Block[] {
  const row = RS_BLOCKS[(version - 1) * 4 + LEVEL_INDEX[ecc]] ?? [];
  const blocks: Block[] = [];
  for (let i = 0; i + 2 < row.length; i += 3) {
    for (let k = 0; k < (row[i] ?? 0); k++)
      blocks.push({ total: row[i + 1] ?? 0, data: row[i + 2] ?? 0 });
  }
  return blocks;
}

const lengthBits = (version: number) => (version < 10 ? 8 : 16);

/** The smallest version whose data capacity holds mode, length and bytes (terminator aside). */
function chooseVersion(byteCount: number, ecc: QrErrorCorrection): number {
  let version = 1;
  for (; version < 40; version++) {
    const capacity = rsBlocks(version, ecc).reduce((n, b) => n + b.data, 0) * 8;
    if (4 + lengthBits(version) + byteCount * 8 <= capacity) break;
  }
  return version;
}

// GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1.
const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
for (let i = 0, x = 1; i < 255; i++) {
  EXP[i] = x;
  LOG[x] = i;
  x = x & 0x80 ? ((x << 1) ^ 0x11d) & 0xff : x << 1;
}
for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255] ?? 0;

const mul = (a: number, b: number) =>
  a === 0 || b === 0 ? 0 : (EXP[(LOG[a] ?? 0) + (LOG[b] ?? 0)] ?? 0);

const generators = new Map<number, Uint8Array>();

/** Coefficients of (x - a^0)(x - a^1)...(x - a^(n-1)), highest power first. */
function generator(n: number): Uint8Array {
  const cached = generators.get(n);
  if (cached) return cached;
  let poly = new Uint8Array([1]);
  for (let i = 0; i < n; i++) {
    const next = new Uint8Array(poly.length + 1);
    for (let j = 0; j < poly.length; j++) {
      next[j] = (next[j] ?? 0) ^ (poly[j] ?? 0);
      next[j + 1] = (next[j + 1] ?? 0) ^ mul(poly[j] ?? 0, EXP[i] ?? 0);
    }
    poly = next;
  }
  generators.set(n, poly);
  return poly;
}

function remainder(data: Uint8Array, ecCount: number): Uint8Array {
  const gen = generator(ecCount);
  const rem = new Uint8Array(ecCount);
  for (const d of data) {
    const factor = d ^ (rem[0] ?? 0);
    rem.copyWithin(0, 1);
    rem[ecCount - 1] = 0;
    if (factor !== 0)
      for (let i = 0; i < ecCount; i++) rem[i] = (rem[i] ?? 0) ^ mul(gen[i + 1] ?? 0, factor);
  }
  return rem;
}

function dataCodewords(bytes: Uint8Array, version: number, capacity: number): Uint8Array {
  const out = new Uint8Array(capacity);
  let bit = 0;
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--, bit++) {
      if ((value >>> i) & 1) out[bit >> 3] = (out[bit >> 3] ?? 0) | (0x80 >> (bit & 7));
    }
  };
  put(MODE_BYTE, 4);
  put(bytes.length, lengthBits(version));
  for (const b of bytes) put(b, 8);
  // A 4-bit terminator when it fits whole, then zero bits to the byte (already zero), then pads.
  if (bit + 4 <= capacity * 8) bit += 4;
  for (let i = (bit + 7) >> 3, k = 0; i < capacity; i++, k++) out[i] = PAD_BYTES[k & 1] ?? 0;
  return out;
}

export function qrCodewords(bytes: Uint8Array, ecc: QrErrorCorrection) {
  const version = chooseVersion(bytes.length, ecc);
  const blocks = rsBlocks(version, ecc);
  const capacity = blocks.reduce((n, b) => n + b.data, 0);
  if (4 + lengthBits(version) + bytes.length * 8 > capacity * 8) {
    throw new RangeError("text too long for a QR code");
  }
  const data = dataCodewords(bytes, version, capacity);

  const dataParts: Uint8Array[] = [];
  const ecParts: Uint8Array[] = [];
  let offset = 0;
  for (const block of blocks) {
    const part = data.subarray(offset, offset + block.data);
    offset += block.data;
    dataParts.push(part);
    ecParts.push(remainder(part, block.total - block.data));
  }

  const codewords = new Uint8Array(blocks.reduce((n, b) => n + b.total, 0));
  let at = 0;
  for (const parts of [dataParts, ecParts]) {
    const longest = Math.max(...parts.map((p) => p.length));
    for (let i = 0; i < longest; i++) {
      for (const p of parts) if (i < p.length) codewords[at++] = p[i] ?? 0;
    }
  }
  return { version, codewords };
}
