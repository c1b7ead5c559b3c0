import { log } from "../lib/log";
import { sandboxFetch } from "../sandbox/api/in-process";
import { transportError, type WechatResult, wechatError } from "./errors";

/**
 * How requests reach WeChat's server API. A real account goes over the
 * network to env.WECHAT_API_BASE, then WECHAT_API_FALLBACK_BASE when the
 * first host cannot be reached (wechat.md "Accounts": hosts by name, base
 * configurable). A sandbox account goes to the sandbox's Hono app in
 * process. Everything above this file is the same code for both.
 */
export type WechatFetch = (request: Request) => Promise<Response>;
export type WechatEndpoint = { bases: string[]; fetch: WechatFetch; timeoutMs: number };
export type JsonObject = Record<string, unknown>;

export type WechatRequest = {
  method: "GET" | "POST";
  /** `/cgi-bin/...` or `/sns/...`, as in WeChat's documentation. */
  path: string;
  query?: Record<string, string>;
  json?: unknown;
  form?: FormData;
};

/** The origin the in-process sandbox is addressed by; it never leaves the isolate. */
export const SANDBOX_API_BASE = "https://sandbox.wechat.invalid";
export const DEFAULT_TIMEOUT_MS = 10_000;

export function wechatEndpoint(
  env: Env,
  account: { isSandbox: boolean },
  timeoutMs = DEFAULT_TIMEOUT_MS,
): WechatEndpoint {
  if (account.isSandbox) return { bases: [SANDBOX_API_BASE], fetch: sandboxFetch(env), timeoutMs };
  const bases = [env.WECHAT_API_BASE, env.WECHAT_API_FALLBACK_BASE].filter((b) => !!b);
  // Resolved per call so the global fetch in effect at that moment is used.
  return { bases, fetch: (request) => fetch(request), timeoutMs };
}

type Attempt =
  | { kind: "answered"; result: WechatResult<JsonObject> }
  | { kind: "unreachable"; result: WechatResult<JsonObject> };

function buildRequest(base: string, req: WechatRequest, signal: AbortSignal): Request {
  const url = new URL(base.replace(/\/+$/, "") + req.path);
  for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v);
  if (req.json !== undefined) {
    // stable_token and every POST here take JSON; a form body fails with 40002/41002.
    return new Request(url, {
      method: req.method,
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(req.json),
      signal,
    });
  }
  return new Request(url, { method: req.method, body: req.form, signal });
}

function abortedBy(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}

async function readAnswer(res: Response): Promise<WechatResult<JsonObject>> {
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, error: transportError("response", `HTTP ${res.status}, not JSON`) };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return {
      ok: false,
      error: transportError("response", `HTTP ${res.status}, not a JSON object`),
    };
  }
  const json = body as JsonObject;
  const errcode = typeof json.errcode === "number" ? json.errcode : 0;
  if (errcode !== 0) return { ok: false, error: wechatError(errcode, String(json.errmsg ?? "")) };
  return { ok: true, value: json };
}

async function attempt(
  endpoint: WechatEndpoint,
  base: string,
  req: WechatRequest,
): Promise<Attempt> {
  const signal = AbortSignal.timeout(endpoint.timeoutMs);
  try {
    // Raced with the signal so an in-process transport that ignores it still times out.
    const res = await Promise.race([
      endpoint.fetch(buildRequest(base, req, signal)),
      abortedBy(signal),
    ]);
    return { kind: "answered", result: await Promise.race([readAnswer(res), abortedBy(signal)]) };
  } catch (err) {
    if (signal.aborted) {
      return {
        kind: "answered",
        result: {
          ok: false,
          error: transportError("timeout", `no answer within ${endpoint.timeoutMs} ms`),
        },
      };
    }
    const detail = err instanceof Error ? err.message : String(err);
    return { kind: "unreachable", result: { ok: false, error: transportError("network", detail) } };
  }
}

/** One call to WeChat's API: base URLs in turn on network failure, a timeout on each. */
export async function callWechat(
  endpoint: WechatEndpoint,
  req: WechatRequest,
): Promise<WechatResult<JsonObject>> {
  let outcome: Attempt | undefined;
  for (const [index, base] of endpoint.bases.entries()) {
    outcome = await attempt(endpoint, base, req);
    if (outcome.kind === "answered") return outcome.result;
    if (index < endpoint.bases.length - 1)
      log.warn("wechat api unreachable, trying fallback", { path: req.path });
  }
  return (
    outcome?.result ?? {
      ok: false,
      error: transportError("network", "no WeChat API base configured"),
    }
  );
}
