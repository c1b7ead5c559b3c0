/**
 * QR code as SVG: one path of horizontal runs (~2 KB for a ticket url), optional caption text.
 *
 *   renderQrSvg(text, options?: QrImageOptions): string
 *
 * The path is drawn in module units and scaled by a transform, so its numbers stay short; the
 * image has the same pixel size as the PNG of the same options.
 */
import { captionMetrics, type QrImageOptions, resolveQrImage } from "./qr-options";

export function escapeXml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

/** XML 1.0 forbids most control characters even as references; a caption never needs them. */
function stripControlChars(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return text.replace(/[\u0000-\u001f\u007f\ufffe\uffff]/g, "");
}

function modulePath(size: number, modules: Uint8Array): string {
  const parts: string[] = [];
  for (let r = 0; r < size; r++) {
    let c = 0;
    while (c < size) {
      if (modules[r * size + c] !== 1) {
        c++;
        continue;
      }
      const start = c;
      while (c < size && modules[r * size + c] === 1) c++;
      parts.push(`M${start} ${r}h${c - start}v1h${start - c}z`);
    }
  }
  return parts.join("");
}

/** Rough advance width in em: CJK and full-width forms are square, Latin about half. */
function estimateEm(text: string): number {
  let em = 0;
  for (const ch of text) em += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.56;
  return em;
}

function captionText(caption: string, width: number, top: number): string {
  const { height, fontPx } = captionMetrics(width);
  const text = stripControlChars(caption);
  const room = width * 0.92;
  const fit = estimateEm(text) * fontPx > room ? ` textLength="${Math.floor(room)}"` : "";
  const y = top + Math.round(height / 2);
  return (
    `<text x="${width / 2}" y="${y}" font-size="${fontPx}" text-anchor="middle" ` +
    `dominant-baseline="central"${fit} lengthAdjust="spacingAndGlyphs" ` +
    `font-family="'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif" ` +
    `fill="#000">${escapeXml(text)}</text>`
  );
}

export function renderQrSvg(text: string, options: QrImageOptions = {}): string {
  const { matrix, layout, caption } = resolveQrImage(text, options);
  const { width, height, scale, offset } = layout;
  const path = modulePath(matrix.size, matrix.modules);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" shape-rendering="crispEdges">` +
    `<rect width="${width}" height="${height}" fill="#fff"/>` +
    `<path transform="translate(${offset} ${offset}) scale(${scale})" fill="#000" d="${path}"/>` +
    (caption ? captionText(caption, width, width) : "") +
    "</svg>"
  );
}
