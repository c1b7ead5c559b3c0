import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, jsonInit, signInAsOwner } from "../helpers";
import { onlyEntry, userIdOf, wholeAuditLogText } from "./helpers";

describe("audit entries of API tokens and sessions", () => {
  it("records a token's creation and revocation by name and scope, never its value", async () => {
    const cookie = { Cookie: await signInAsOwner() };
    const userId = await userIdOf(cookie);
    const res = await call("/api/tokens", jsonInit("POST", { name: "CI", scope: "read" }, cookie));
    expect(res.status).toBe(201);
    const { id, token } = (await res.json()) as { id: string; token: string };
    await call(`/api/tokens/${id}`, { method: "DELETE", headers: cookie });

    expect(await onlyEntry(cookie, id, "token.create")).toMatchObject({
      entityType: "api_token",
      accountId: null,
      userId,
      after: { name: "CI", scope: "read" },
    });
    expect(await onlyEntry(cookie, id, "token.revoke")).toMatchObject({
      userId,
      before: { name: "CI", scope: "read" },
    });
    const log = await wholeAuditLogText();
    expect(token.length).toBeGreaterThan(20);
    expect(log).not.toContain(token);
  });

  it("records a session signed out from the sessions list", async () => {
    const current = { Cookie: await signInAsOwner() };
    const res = await call(
      "/api/auth/login",
      jsonInit(
        "POST",
        { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD },
        {
          "User-Agent": "Audit phone",
        },
      ),
    );
    const otherCookie = (res.headers.get("Set-Cookie") ?? "").split(";")[0] ?? "";
    const list = await call("/api/auth/sessions", { headers: current });
    const { sessions } = (await list.json()) as {
      sessions: { id: string; userAgent: string }[];
    };
    const phone = sessions.find((s) => s.userAgent === "Audit phone");
    if (!phone) throw new Error("no second session");
    const revoked = await call(`/api/auth/sessions/${phone.id}`, {
      method: "DELETE",
      headers: current,
    });
    expect(revoked.status).toBe(204);
    expect(await onlyEntry(current, phone.id, "session.revoke")).toMatchObject({
      entityType: "session",
      userId: await userIdOf(current),
      before: { userAgent: "Audit phone" },
    });
    expect(await wholeAuditLogText()).not.toContain(otherCookie.split("=")[1] ?? "—");
  });
});
