import { describe, expect, it } from "vitest";
import { call, jsonInit, signInAsOwner } from "../helpers";

type UserBody = {
  user: { id: string; role: string; status: string };
  temporaryPassword: string | null;
};

async function signIn(email: string, password: string) {
  const res = await call("/api/auth/login", jsonInit("POST", { email, password }));
  expect(res.status).toBe(200);
  return (res.headers.get("Set-Cookie") ?? "").split(";")[0] ?? "";
}

async function createUser(cookie: string, body: Record<string, unknown>) {
  return call("/api/users", jsonInit("POST", body, { Cookie: cookie }));
}

describe("POST /api/users", () => {
  it("invites a user with a temporary password that signs in", async () => {
    const owner = await signInAsOwner();
    const res = await createUser(owner, { email: "Op@Example.com", role: "operator" });
    expect(res.status).toBe(201);
    const body = (await res.json()) as UserBody;
    expect(body.temporaryPassword).toMatch(/^[a-z0-9]{14}$/);
    await signIn("op@example.com", body.temporaryPassword ?? "");
  });

  it("refuses a duplicate email with 409", async () => {
    const owner = await signInAsOwner();
    await createUser(owner, { email: "dup@example.com", role: "viewer" });
    expect((await createUser(owner, { email: "dup@example.com", role: "viewer" })).status).toBe(
      409,
    );
  });

  it("lets an admin create operators but not admins", async () => {
    const owner = await signInAsOwner();
    await createUser(owner, {
      email: "admin1@example.com",
      role: "admin",
      password: "admin-password-1",
    });
    const admin = await signIn("admin1@example.com", "admin-password-1");
    expect((await createUser(admin, { email: "o2@example.com", role: "operator" })).status).toBe(
      201,
    );
    expect((await createUser(admin, { email: "a2@example.com", role: "admin" })).status).toBe(403);
  });

  it("is closed to operators and viewers", async () => {
    const owner = await signInAsOwner();
    await createUser(owner, {
      email: "op3@example.com",
      role: "operator",
      password: "operator-pass-3",
    });
    const operator = await signIn("op3@example.com", "operator-pass-3");
    expect((await call("/api/users", { headers: { Cookie: operator } })).status).toBe(403);
  });
});

describe("PATCH /api/users/{userId}", () => {
  it("deactivating a user ends their sessions at once", async () => {
    const owner = await signInAsOwner();
    const created = (await (
      await createUser(owner, {
        email: "leaver@example.com",
        role: "viewer",
        password: "leaver-password",
      })
    ).json()) as UserBody;
    const leaver = await signIn("leaver@example.com", "leaver-password");
    expect((await call("/api/auth/me", { headers: { Cookie: leaver } })).status).toBe(200);

    const res = await call(
      `/api/users/${created.user.id}`,
      jsonInit("PATCH", { status: "deactivated" }, { Cookie: owner }),
    );
    expect(res.status).toBe(200);
    expect((await call("/api/auth/me", { headers: { Cookie: leaver } })).status).toBe(401);
    const again = await call(
      "/api/auth/login",
      jsonInit("POST", { email: "leaver@example.com", password: "leaver-password" }),
    );
    expect(again.status).toBe(401);
  });

  it("refuses to demote the last active owner", async () => {
    const owner = await signInAsOwner();
    const me = (await (await call("/api/auth/me", { headers: { Cookie: owner } })).json()) as {
      user: { id: string };
    };
    const res = await call(
      `/api/users/${me.user.id}`,
      jsonInit("PATCH", { role: "admin" }, { Cookie: owner }),
    );
    expect(res.status).toBe(409);
  });
});

describe("POST /api/auth/password", () => {
  it("changes the password and signs out the other sessions", async () => {
    const owner = await signInAsOwner();
    await createUser(owner, {
      email: "pw@example.com",
      role: "viewer",
      password: "first-password",
    });
    const a = await signIn("pw@example.com", "first-password");
    const b = await signIn("pw@example.com", "first-password");
    const wrong = await call(
      "/api/auth/password",
      jsonInit("POST", { currentPassword: "nope", newPassword: "second-password" }, { Cookie: a }),
    );
    expect(wrong.status).toBe(400);
    const ok = await call(
      "/api/auth/password",
      jsonInit(
        "POST",
        { currentPassword: "first-password", newPassword: "second-password" },
        { Cookie: a },
      ),
    );
    expect(ok.status).toBe(204);
    expect((await call("/api/auth/me", { headers: { Cookie: a } })).status).toBe(200);
    expect((await call("/api/auth/me", { headers: { Cookie: b } })).status).toBe(401);
    await signIn("pw@example.com", "second-password");
  });

  it("refuses a password shorter than 10 characters, naming the field", async () => {
    const owner = await signInAsOwner();
    const res = await call(
      "/api/auth/password",
      jsonInit("POST", { currentPassword: "x", newPassword: "short" }, { Cookie: owner }),
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
      "newPassword",
    );
  });
});

describe("POST /api/tokens as a viewer", () => {
  it("creates read tokens only", async () => {
    const owner = await signInAsOwner();
    await createUser(owner, {
      email: "viewer-tokens@example.com",
      role: "viewer",
      password: "viewer-password",
    });
    const viewer = await signIn("viewer-tokens@example.com", "viewer-password");
    expect(
      (
        await call(
          "/api/tokens",
          jsonInit("POST", { name: "w", scope: "write" }, { Cookie: viewer }),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await call(
          "/api/tokens",
          jsonInit("POST", { name: "r", scope: "read" }, { Cookie: viewer }),
        )
      ).status,
    ).toBe(201);
  });
});
