// Fixtures through the product's own API, so each test starts from the state
// it needs without clicking through unrelated pages.
import { inject } from "vitest";

type Json = Record<string, unknown>;

export class ApiSession {
  private cookie = "";
  readonly origin = inject("baseUrl");

  static async signIn(): Promise<ApiSession> {
    const session = new ApiSession();
    await session.call("POST", "/api/auth/login", {
      email: inject("adminEmail"),
      password: inject("adminPassword"),
    });
    return session;
  }

  async call<T = Json>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.origin}${path}`, {
      method,
      headers: { "Content-Type": "application/json", Cookie: this.cookie, Origin: this.origin },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = res.headers.get("Set-Cookie");
    if (setCookie) this.cookie = setCookie.split(";")[0] ?? "";
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : {}) as T;
  }

  async createSandboxAccount(name: string): Promise<{ id: string; name: string }> {
    const { account } = await this.call<{ account: { id: string; name: string } }>(
      "POST",
      "/api/accounts",
      { name, isSandbox: true },
    );
    return account;
  }

  async createCode(accountId: string, body: Json): Promise<{ id: string; scene: string }> {
    const { qrcode } = await this.call<{ qrcode: { id: string; scene: string } }>(
      "POST",
      `/api/accounts/${accountId}/qrcodes`,
      body,
    );
    return qrcode;
  }
}

/** Names unique to one run, so files sharing the server never collide. */
export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}`;
