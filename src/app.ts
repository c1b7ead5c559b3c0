import { loadAccount } from "./accounts/access";
import { accountRoutes } from "./accounts/routes";
import { fileRoutes } from "./artifacts/routes";
import { auditRoutes } from "./audit/routes";
import { enforceWriteAccess } from "./auth/middleware";
import { authRoutes, publicAuthRoutes, requireAuth } from "./auth/routes";
import { contactRoutes } from "./contacts/routes";
import { deadLetterRoutes } from "./dead-letters/routes";
import { formPageRoutes } from "./form-page/routes";
import { formRoutes } from "./forms/routes";
import { corsFromEnv } from "./http/cors";
import { healthRoutes } from "./http/health";
import { checkJsonBody } from "./http/json-body";
import { errorResponse, onError } from "./http/on-error";
import { mountOpenApi } from "./http/openapi-doc";
import { requestId } from "./http/request-id";
import { createRouter } from "./http/router";
import { jobRoutes } from "./jobs/routes";
import { liveImageRoutes } from "./live-images/routes";
import { privacyRoutes } from "./privacy/routes";
import { qrCodeApi } from "./qrcodes/api";
import { sandboxWechatRoutes } from "./sandbox/api/mount";
import { sandboxRoutes } from "./sandbox/routes";
import { scanRoutes } from "./scans/routes";
import { userRoutes } from "./users/routes";
import { selfRoutes } from "./users/self-routes";
import { webhookRoutes } from "./webhook/routes";

/**
 * The HTTP surface. `/api` is the REST API: health, login and the OpenAPI
 * document are public, everything else needs a session or a token. The
 * webhook, form pages and live images sit outside `/api` with their own
 * checks. Anything else is the console, served from static assets.
 */
export function createApp() {
  const api = createRouter().basePath("/api");
  api.use("*", corsFromEnv, checkJsonBody);
  api.route("/", healthRoutes);
  api.route("/", publicAuthRoutes);
  mountOpenApi(api);

  api.use("*", requireAuth, enforceWriteAccess);
  api.use("/accounts/:accountId/*", loadAccount);
  api.route("/", authRoutes);
  api.route("/", accountRoutes);
  api.route("/", jobRoutes);
  api.route("/", formRoutes);
  api.route("/", contactRoutes);
  api.route("/", qrCodeApi);
  api.route("/", sandboxRoutes);
  api.route("/", selfRoutes);
  api.route("/", userRoutes);
  api.route("/", auditRoutes);
  api.route("/", scanRoutes);
  api.route("/", deadLetterRoutes);
  api.route("/", privacyRoutes);

  const app = createRouter();
  app.use("*", requestId);
  app.route("/", api);
  app.route("/", fileRoutes);
  app.route("/", formPageRoutes);
  app.route("/", liveImageRoutes);
  app.route("/", webhookRoutes);
  app.route("/", sandboxWechatRoutes);
  app.notFound((c) =>
    c.req.path.startsWith("/api/")
      ? errorResponse(c, "not_found", `No route for ${c.req.method} ${c.req.path}`)
      : c.env.ASSETS.fetch(c.req.raw),
  );
  app.onError(onError);
  return app;
}
