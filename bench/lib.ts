// The product code the benchmarks exercise, bundled by run.ts with esbuild so that Node can load
// the Worker's extensionless TypeScript imports. Everything here also runs in workerd.
export { createCsvWriter } from "../src/files/csv-writer";
export { readNamesFile } from "../src/files/read-names-file";
export { createXlsxWriter } from "../src/files/xlsx-writer";
export { createZipWriter } from "../src/files/zip-writer";
export { createUniqueNamer, qrFileName } from "../src/images/file-names";
export { zlibFflate, zlibNative } from "../src/images/png-encode";
export { layoutQr } from "../src/images/qr-layout";
export { buildQrMatrix } from "../src/images/qr-matrix";
export { rasterizeQr } from "../src/images/qr-raster";
export { renderCaptionBitmap } from "../src/images/render-caption";
export { renderQrPng, renderQrPngSync } from "../src/images/render-qr-png";
export { renderQrSvg } from "../src/images/render-qr-svg";
export { buildQrMatrixReference } from "../test/worker/images/reference-matrix";
