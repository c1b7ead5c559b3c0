// Builds the console into web/dist and adds the browsable API reference at
// /api-docs/ (Swagger UI from npm, served as static assets, no CDN).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

execFileSync("npx", ["vite", "build", "web", "--logLevel", "warn"], { stdio: "inherit" });

const source = join("node_modules", "swagger-ui-dist");
const target = join("web", "dist", "api-docs");
mkdirSync(target, { recursive: true });
for (const file of ["swagger-ui-bundle.js", "swagger-ui.css"]) {
  copyFileSync(join(source, file), join(target, file));
}
writeFileSync(
  join(target, "init.js"),
  `window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#reference", deepLinking: true,
  persistAuthorization: false, tryItOutEnabled: false });\n`,
);
writeFileSync(
  join(target, "index.html"),
  `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference · WeChat QR Console</title>
<link rel="stylesheet" href="/api-docs/swagger-ui.css">
<style>body { margin: 0; } .topbar { display: none; }</style>
</head>
<body>
<div id="reference"></div>
<script src="/api-docs/swagger-ui-bundle.js"></script>
<script src="/api-docs/init.js"></script>
</body>
</html>
`,
);
console.log("console built to web/dist, API reference at /api-docs/");
