import { downloadRoutes } from "../downloads/routes";
import { groupRoutes } from "../groups/routes";
import { createRouter } from "../http/router";
import { importRoutes } from "../imports/routes";
import { qrCodeActionRoutes } from "./action-routes";
import { qrCodeImageRoutes } from "./image-routes";
import { qrCodeRoutes } from "./routes";

/**
 * Every API route of the QR code domain under `/api/accounts/{accountId}/`,
 * mounted by src/app.ts in one line. Fixed paths (imports, downloads,
 * bulk-delete, move) are registered before `qrcodes/{id}`.
 */
export const qrCodeApi = createRouter()
  .route("/", importRoutes)
  .route("/", downloadRoutes)
  .route("/", qrCodeActionRoutes)
  .route("/", qrCodeImageRoutes)
  .route("/", groupRoutes)
  .route("/", qrCodeRoutes);
