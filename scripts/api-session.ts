// A signed-in client of the product's API for scripts (seed, benchmarks).
export class ApiSession {
  private cookie = "";
  private readonly origin: string;

  constructor(origin: string) {
    this.origin = origin;
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
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
