import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, jsonInit, ownerTokenHeaders, signInAsOwner } from "./helpers";

type ErrorBody = { error: { code: string; message: string; requestId: string } };

describe("POST /api/auth/login", () => {
  it("creates the first owner from ADMIN_EMAIL and signs in with an HttpOnly cookie", async () => {
    const res = await call(
      "/api/auth/login",
      jsonInit("POST", { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }),
    );
    expect(res.status).toBe(200);
    const cookie = res.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^qrc_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    const body = (await res.json()) as { user: { role: string; email: string } };
    expect(body.user).toMatchObject({ role: "owner", email: env.ADMIN_EMAIL });
  });

  it("answers 401 in the error shape for a wrong password", async () => {
    await signInAsOwner();
    const res = await call(
      "/api/auth/login",
      jsonInit("POST", { email: env.ADMIN_EMAIL, password: "wrong" }),
    );
    expect(res.status).toBe(401);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe("invalid_credentials");
    expect(body.error.requestId).toBe(res.headers.get("X-Request-Id"));
  });

  it.each([
    [{}, "email"],
    [{ email: "not-an-email", password: "x" }, "email"],
    [{ email: "a@b.co" }, "password"],
  ])("answers 400 naming the field for %j", async (body, field) => {
    const res = await call("/api/auth/login", jsonInit("POST", body));
    expect(res.status).toBe(400);
    const err = (await res.json()) as ErrorBody;
    expect(err.error.code).toBe("bad_request");
    expect(err.error.message).toContain(field);
  });
});

describe("authentication on /api", () => {
  it.each(["/api/accounts", "/api/auth/me", "/api/tokens", "/api/accounts/acc_x/qrcodes"])(
    "answers 401 in the error shape without credentials: %s",
    async (path) => {
      const res = await call(path);
      expect(res.status).toBe(401);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.code).toBe("unauthorized");
      expect(body.error.requestId).toMatch(/.{8,}/);
    },
  );

  it("keeps health and the OpenAPI document public", async () => {
    expect((await call("/api/health")).status).toBe(200);
    const doc = (await (await call("/api/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/api/auth/login");
  });

  it("accepts a session cookie and an API token, and rejects a revoked token", async () => {
    const cookie = await signInAsOwner();
    expect((await call("/api/auth/me", { headers: { Cookie: cookie } })).status).toBe(200);

    const created = await call("/api/tokens", jsonInit("POST", { name: "ci" }, { Cookie: cookie }));
    expect(created.status).toBe(201);
    const { token, id } = (await created.json()) as { token: string; id: string };
    expect(
      (await call("/api/accounts", { headers: { Authorization: `Bearer ${token}` } })).status,
    ).toBe(200);

    const revoked = await call(`/api/tokens/${id}`, {
      method: "DELETE",
      headers: { Cookie: cookie },
    });
    expect(revoked.status).toBe(204);
    expect(
      (await call("/api/accounts", { headers: { Authorization: `Bearer ${token}` } })).status,
    ).toBe(401);
  });

  it("refuses changes with a read-scoped token", async () => {
    const headers = await ownerTokenHeaders("read");
    const res = await call("/api/tokens", jsonInit("POST", { name: "x" }, headers));
    expect(res.status).toBe(403);
  });

  it("refuses a cookie-authenticated change from another origin", async () => {
    const cookie = await signInAsOwner();
    const res = await call(
      "/api/tokens",
      jsonInit("POST", { name: "x" }, { Cookie: cookie, Origin: "https://evil.example" }),
    );
    expect(res.status).toBe(403);
    expect(((await res.json()) as ErrorBody).error.code).toBe("cross_origin");
  });

  it("signs out by revoking the session", async () => {
    const cookie = await signInAsOwner();
    expect(
      (await call("/api/auth/logout", { method: "POST", headers: { Cookie: cookie } })).status,
    ).toBe(204);
    expect((await call("/api/auth/me", { headers: { Cookie: cookie } })).status).toBe(401);
  });
});

describe("sign-in throttling", () => {
  it("answers 429 after ten failed attempts for one email, even with the right password", async () => {
    await signInAsOwner();
    const email = "throttled@example.com";
    const attempt = (password: string) =>
      call(
        "/api/auth/login",
        jsonInit("POST", { email, password }, { "CF-Connecting-IP": "203.0.113.9" }),
      );
    for (let i = 0; i < 10; i++) expect((await attempt("wrong")).status).toBe(401);
    const blocked = await attempt("any");
    expect(blocked.status).toBe(429);
    expect(((await blocked.json()) as ErrorBody).error.code).toBe("rate_limited");
  });

  it("does not count successful sign-ins", async () => {
    for (let i = 0; i < 12; i++) await signInAsOwner();
  });
});
