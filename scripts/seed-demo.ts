// Seeds the demo data once, through the product's own API, so the local run
// shows a working console: a sandbox account with groups, codes, and a month
// of scans delivered by the WeChat sandbox as signed, encrypted XML.
type Json = Record<string, unknown>;

class ApiSession {
  private cookie = "";
  constructor(private readonly origin: string) {}

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
}

export async function seedDemo(origin: string, email: string, password: string) {
  const api = new ApiSession(origin);
  await api.call("POST", "/api/auth/login", { email, password });
  const { accounts } = await api.call<{ accounts: Json[] }>("GET", "/api/accounts");
  if (accounts.length > 0) {
    console.log("▸ demo data already present");
    return;
  }
  console.log("▸ seeding demo data");
  // TODO(#2): create the sandbox account, codes and a month of scans once the accounts, QR code and sandbox APIs exist.
}
