import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { corsFromEnv } from "../../../src/http/cors";
import type { AppEnv } from "../../../src/http/types";

const app = new Hono<AppEnv>().use("*", corsFromEnv).get("/x", (c) => c.text("ok"));
const preflight = (origin: string, corsOrigins: string) =>
  app.request(
    "/x",
    { method: "OPTIONS", headers: { Origin: origin, "Access-Control-Request-Method": "POST" } },
    { CORS_ORIGINS: corsOrigins } as Env,
  );

describe("corsFromEnv", () => {
  it("sends no CORS headers when CORS_ORIGINS is empty", async () => {
    const res = await preflight("https://partner.example", "");
    expect(res.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });

  it("allows a listed origin without credentials", async () => {
    const res = await preflight(
      "https://partner.example",
      "https://a.example, https://partner.example/",
    );
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("https://partner.example");
    expect(res.headers.get("Access-Control-Allow-Credentials")).toBeNull();
  });

  it("refuses an origin that is not listed", async () => {
    const res = await preflight("https://evil.example", "https://partner.example");
    expect(res.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });
});
