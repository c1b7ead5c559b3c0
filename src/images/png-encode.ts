/**
 * A minimal grayscale PNG encoder for Workers (no Buffer, no node:zlib).
 *
 *   assemblePng({ width, height, bitDepth }, zlibData): Uint8Array
 *   zlibFflate(raw, level?): Uint8Array                  fflate, synchronous
 *   zlibNative(raw): Promise<Uint8Array>                 the runtime's CompressionStream
 *   pngRowBytes(width, bitDepth): number                 bytes per scanline, filter byte included
 *
 * A PNG needs only the signature, IHDR, one IDAT holding a zlib stream of the filtered scanlines,
 * and IEND, each chunk closed by a CRC-32 of its type and data (PNG spec, section 5).
 */
import { zlibSync } from "fflate";

export type PngBitDepth = 1 | 8;

export type PngHeader = { width: number; height: number; bitDepth: PngBitDepth };

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) {
    c = (CRC_TABLE[(c ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

export function pngRowBytes(width: number, bitDepth: PngBitDepth): number {
  return 1 + Math.ceil((width * bitDepth) / 8);
}

/** Level 6 is fflate's default; on QR scanlines lower levels are barely faster and larger. */
export function zlibFflate(raw: Uint8Array, level: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 6) {
  return zlibSync(raw, { level });
}

/** `CompressionStream("deflate")` emits the zlib format (RFC 1950) that IDAT requires. */
export async function zlibNative(raw: Uint8Array): Promise<Uint8Array> {
  const cs = new CompressionStream("deflate");
  const writer = cs.writable.getWriter();
  const written = writer.write(raw).then(() => writer.close());
  const out = new Uint8Array(await new Response(cs.readable).arrayBuffer());
  await written;
  return out;
}

function writeChunk(out: Uint8Array, view: DataView, at: number, type: string, data: Uint8Array) {
  view.setUint32(at, data.length);
  for (let i = 0; i < 4; i++) out[at + 4 + i] = type.charCodeAt(i);
  out.set(data, at + 8);
  view.setUint32(at + 8 + data.length, crc32(out, at + 4, at + 8 + data.length));
  return at + 12 + data.length;
}

export function assemblePng(header: PngHeader, zlibData: Uint8Array): Uint8Array {
  const ihdr = new Uint8Array(13);
  const ihdrView = new DataView(ihdr.buffer);
  ihdrView.setUint32(0, header.width);
  ihdrView.setUint32(4, header.height);
  ihdr[8] = header.bitDepth;
  // Colour type 0 (grayscale), compression 0, filter method 0, no interlace.
  ihdr[9] = 0;

  const out = new Uint8Array(8 + 25 + 12 + zlibData.length + 12);
  const view = new DataView(out.buffer);
  out.set(SIGNATURE, 0);
  let at = writeChunk(out, view, 8, "IHDR", ihdr);
  at = writeChunk(out, view, at, "IDAT", zlibData);
  writeChunk(out, view, at, "IEND", new Uint8Array(0));
  return out;
}
