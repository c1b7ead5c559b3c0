/**
 * Draws a caption (a code's name) as a 1-bit bitmap for the PNG renderer.
 *
 *   renderCaptionBitmap(text, imageWidth): Bitmap      band of `captionMetrics(width).height` rows
 *
 * Workers have no font rasteriser, so glyphs come from bitmaps generated at build time
 * (scripts/generate-caption-glyphs.ts): ASCII, GB2312 symbols and all 6,763 GB2312 hanzi
 * (both levels, which cover the names of places, shops and people in everyday use) at 24 px,
 * enlarged by a whole factor for large images. Characters outside that set (GBK-only hanzi,
 * emoji) draw as □ in PNG captions; SVG captions use real fonts.
 */

import { inflateSync } from "fflate";
import { base64ToBytes } from "../lib/encoding";
import {
  GLYPH_BITS_DEFLATED_B64,
  GLYPH_CHARS,
  GLYPH_PX,
  GLYPH_WIDTHS_B64,
} from "./caption-glyphs.generated";
import { captionMetrics } from "./qr-options";
import type { Bitmap } from "./qr-raster";

type GlyphFont = {
  index: Map<number, number>;
  widths: Uint8Array;
  offsets: Uint32Array;
  bits: Uint8Array;
};

// Deliberate isolate cache: the glyph table is decoded once (~0.4 MB) on the first caption,
// not at module load, so Workers that never draw a caption pay nothing.
let font: GlyphFont | undefined;

function loadFont(): GlyphFont {
  if (font) return font;
  const widths = base64ToBytes(GLYPH_WIDTHS_B64);
  const bits = inflateSync(base64ToBytes(GLYPH_BITS_DEFLATED_B64));
  const offsets = new Uint32Array(widths.length);
  const index = new Map<number, number>();
  let at = 0;
  let i = 0;
  for (const ch of GLYPH_CHARS) {
    index.set(ch.codePointAt(0) ?? 0, i);
    offsets[i] = at;
    at += ((widths[i] ?? 0) * GLYPH_PX) / 8;
    i++;
  }
  font = { index, widths, offsets, bits };
  return font;
}

const FALLBACK = "□".codePointAt(0) ?? 0;
const ELLIPSIS = "…".codePointAt(0) ?? 0;

function glyphIndexes(f: GlyphFont, text: string): number[] {
  const out: number[] = [];
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters have no glyph
  for (const ch of text.replace(/[\u0000-\u001f\u007f]/g, "")) {
    const i = f.index.get(ch.codePointAt(0) ?? 0) ?? f.index.get(FALLBACK);
    if (i !== undefined) out.push(i);
  }
  return out;
}

/** Drops glyphs from the end, adding "…", until the text fits `room` pixels at scale 1. */
function fitGlyphs(f: GlyphFont, glyphs: number[], room: number): number[] {
  const advance = (list: number[]) => list.reduce((sum, g) => sum + (f.widths[g] ?? 0), 0);
  if (advance(glyphs) <= room) return glyphs;
  const ellipsis = f.index.get(ELLIPSIS);
  const tail = ellipsis === undefined ? [] : [ellipsis];
  const kept = glyphs.slice();
  while (kept.length > 0 && advance(kept) + advance(tail) > room) kept.pop();
  return kept.concat(tail);
}

function blitGlyph(f: GlyphFont, g: number, out: Bitmap, left: number, top: number, k: number) {
  const w = f.widths[g] ?? 0;
  const base = (f.offsets[g] ?? 0) * 8;
  for (let y = 0; y < GLYPH_PX; y++) {
    for (let x = 0; x < w; x++) {
      const bit = base + y * w + x;
      if ((((f.bits[bit >> 3] ?? 0) >> (7 - (bit & 7))) & 1) === 0) continue;
      for (let dy = 0; dy < k; dy++) {
        const row = (top + y * k + dy) * out.width + left + x * k;
        out.pixels.fill(1, row, row + k);
      }
    }
  }
}

export function renderCaptionBitmap(text: string, imageWidth: number): Bitmap {
  const f = loadFont();
  const { height, fontPx } = captionMetrics(imageWidth);
  const k = Math.max(1, Math.floor(fontPx / GLYPH_PX));
  const glyphs = fitGlyphs(f, glyphIndexes(f, text), Math.floor((imageWidth * 0.92) / k));

  const advance = glyphs.reduce((sum, g) => sum + (f.widths[g] ?? 0), 0);
  const out: Bitmap = { width: advance * k, height, pixels: new Uint8Array(advance * k * height) };
  const top = Math.max(0, Math.floor((height - GLYPH_PX * k) / 2));
  let left = 0;
  for (const g of glyphs) {
    blitGlyph(f, g, out, left, top, k);
    left += (f.widths[g] ?? 0) * k;
  }
  return out;
}
