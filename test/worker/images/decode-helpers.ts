// Independent readers for the tests: a PNG decoder (chunks, CRC, zlib, all five filters) and an
// SVG rasteriser for our path syntax, feeding jsQR, which shares no code with the renderer.
import { unzlibSync } from "fflate";
import jsQR from "jsqr";

export type Rgba = { width: number; height: number; data: Uint8ClampedArray };

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export function decodePng(png: Uint8Array): Rgba & { bitDepth: number; chunks: string[] } {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!sig.every((b, i) => png[i] === b)) throw new Error("bad signature");
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: string[] = [];
  const idat: Uint8Array[] = [];
  let width = 0;
  let height = 0;
  let bitDepth = 0;
  for (let at = 8; at < png.length; ) {
    const len = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + len);
    if (crc32(png.subarray(at + 4, at + 8 + len)) !== view.getUint32(at + 8 + len)) {
      throw new Error(`bad crc in ${type}`);
    }
    chunks.push(type);
    if (type === "IHDR") {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      bitDepth = data[8] ?? 0;
      if (data[9] !== 0) throw new Error("expected grayscale");
    }
    if (type === "IDAT") idat.push(data);
    at += 12 + len;
  }
  const joined = new Uint8Array(idat.reduce((n, d) => n + d.length, 0));
  let off = 0;
  for (const d of idat) {
    joined.set(d, off);
    off += d.length;
  }
  const raw = unzlibSync(joined);
  const stride = Math.ceil((width * bitDepth) / 8);
  const bpp = Math.max(1, bitDepth / 8);
  if (raw.length !== height * (stride + 1)) throw new Error("bad scanline length");
  const prev = new Uint8Array(stride);
  const cur = new Uint8Array(stride);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i] ?? 0;
      const a = i >= bpp ? (cur[i - bpp] ?? 0) : 0;
      const b = prev[i] ?? 0;
      const c = i >= bpp ? (prev[i - bpp] ?? 0) : 0;
      const pred = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter ?? 0];
      if (pred === undefined) throw new Error(`bad filter ${filter}`);
      cur[i] = (x + pred) & 0xff;
    }
    for (let px = 0; px < width; px++) {
      const v =
        bitDepth === 1 ? (((cur[px >> 3] ?? 0) >> (7 - (px & 7))) & 1 ? 255 : 0) : (cur[px] ?? 0);
      rgba.set([v, v, v, 255], (y * width + px) * 4);
    }
    prev.set(cur);
  }
  return { width, height, data: rgba, bitDepth, chunks };
}

/** Rasterises the SVG renderer's output: the white rect, then the path's `M x y h w v 1 ...z` runs. */
export function rasteriseSvg(svg: string): Rgba {
  const size = /width="(\d+)" height="(\d+)"/.exec(svg);
  const transform = /translate\((\d+) (\d+)\) scale\((\d+)\)/.exec(svg);
  const d = / d="([^"]*)"/.exec(svg);
  if (!size || !transform || !d) throw new Error("unexpected svg shape");
  const width = Number(size[1]);
  const height = Number(size[2]);
  const [tx, ty, s] = [Number(transform[1]), Number(transform[2]), Number(transform[3])];
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (const m of (d[1] ?? "").matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let py = ty + y * s; py < ty + (y + 1) * s; py++) {
      for (let px = tx + x * s; px < tx + (x + w) * s; px++) {
        data.set([0, 0, 0, 255], (py * width + px) * 4);
      }
    }
  }
  return { width, height, data };
}

export function decodeQr(image: Rgba): string | undefined {
  return jsQR(image.data, image.width, image.height)?.data;
}
