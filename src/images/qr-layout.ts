/**
 * Where the modules of a QR code land in an image of a requested size.
 *
 *   layoutQr(moduleCount, { size, quietZone, captionHeight }): QrLayout
 *   cmToPixels(cm, dpi = 300): number
 *   QR_SIZE_MIN, QR_SIZE_MAX, QR_PRINT_SIZES
 *
 * A module is always a whole number of pixels (a fractional scale blurs or unevenly widens
 * modules, which scanners and printers both dislike). The image is exactly the requested width:
 * the pixels left over after the largest whole scale widen the quiet zone.
 */

/** Smallest image that still gives every module of a version-10 code one pixel with a margin. */
export const QR_SIZE_MIN = 64;
/** Largest image rendered: 4000 px is a 33 cm print at 300 dpi, and ~2 MB of raw 1-bit rows. */
export const QR_SIZE_MAX = 4000;
export const QR_QUIET_ZONE_DEFAULT = 4;

/** The sizes offered by the console's picker: pixels, then centimetres at 300 dpi. */
export const QR_PRINT_SIZES = [
  { label: "258 px", px: 258 },
  { label: "430 px", px: 430 },
  { label: "860 px", px: 860 },
  { label: "1280 px", px: 1280 },
  { label: "8 cm (300 dpi)", px: cmToPixels(8) },
  { label: "12 cm (300 dpi)", px: cmToPixels(12) },
  { label: "15 cm (300 dpi)", px: cmToPixels(15) },
  { label: "30 cm (300 dpi)", px: cmToPixels(30) },
] as const;

export function cmToPixels(cm: number, dpi = 300): number {
  return Math.round((cm / 2.54) * dpi);
}

export type QrLayoutOptions = {
  /** Image width in pixels; the code is square, a caption adds height below. */
  size: number;
  /** Light modules around the code; the QR spec asks for 4. */
  quietZone?: number;
  /** Extra pixel rows below the code for a caption (0 = none). */
  captionHeight?: number;
};

export type QrLayout = {
  width: number;
  height: number;
  /** Pixels per module. */
  scale: number;
  /** Left/top pixel of the first module (quiet zone included in the offset). */
  offset: number;
};

export function layoutQr(moduleCount: number, options: QrLayoutOptions): QrLayout {
  const quietZone = options.quietZone ?? QR_QUIET_ZONE_DEFAULT;
  const size = Math.round(options.size);
  if (!(size >= QR_SIZE_MIN && size <= QR_SIZE_MAX)) {
    throw new RangeError(`size must be ${QR_SIZE_MIN}-${QR_SIZE_MAX} px`);
  }
  if (!(Number.isInteger(quietZone) && quietZone >= 0 && quietZone <= 20)) {
    throw new RangeError("quietZone must be an integer 0-20");
  }

  const scale = Math.floor(size / (moduleCount + 2 * quietZone));
  if (scale < 1) throw new RangeError("size is too small for this code");
  const offset = Math.floor((size - scale * moduleCount) / 2);
  return { width: size, height: size + (options.captionHeight ?? 0), scale, offset };
}
