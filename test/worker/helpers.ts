import { env, exports } from "cloudflare:workers";

export const BASE = "http://example.com";

/** Calls the Worker's fetch handler as a browser on this site would. */
export function call(path: string, init: RequestInit = {}) {
  return (exports as unknown as { default: Fetcher }).default.fetch(
    new Request(`${BASE}${path}`, init),
  );
}

export function jsonInit(
  method: string,
  body: unknown,
  headers: Record<string, string> = {},
): RequestInit {
  return {
    method,
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body),
  };
}

/** Signs in as the first owner and returns the Cookie header to send. */
export async function signInAsOwner(): Promise<string> {
  const res = await call(
    "/api/auth/login",
    jsonInit("POST", { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD }),
  );
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get("Set-Cookie") ?? "";
  return cookie.split(";")[0] ?? "";
}

/** Creates an API token as the owner and returns headers that carry it. */
export async function ownerTokenHeaders(
  scope: "read" | "write" = "write",
): Promise<Record<string, string>> {
  const cookie = await signInAsOwner();
  const res = await call(
    "/api/tokens",
    jsonInit("POST", { name: "test", scope }, { Cookie: cookie }),
  );
  const { token } = (await res.json()) as { token: string };
  return { Authorization: `Bearer ${token}` };
}
