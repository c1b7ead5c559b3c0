import { cmToPixels } from "../../../src/images/qr-layout";

/**
 * The sizes the image picker offers (the server's QR_PRINT_SIZES): screen
 * sizes in pixels, then print sizes in centimetres at 300 dpi. The same
 * helper computes the pixels, so the label and the file always agree.
 */
export type PrintSize = { id: string; px: number; cm?: number };

export const PRINT_SIZES: PrintSize[] = [
  { id: "px-258", px: 258 },
  { id: "px-430", px: 430 },
  { id: "px-860", px: 860 },
  { id: "px-1280", px: 1280 },
  ...[3, 5, 8, 12, 15, 30].map((cm) => ({ id: `cm-${cm}`, px: cmToPixels(cm), cm })),
];

export const DEFAULT_PRINT_SIZE = "cm-8";

export const findPrintSize = (id: string): PrintSize =>
  PRINT_SIZES.find((s) => s.id === id) ?? (PRINT_SIZES[0] as PrintSize);
