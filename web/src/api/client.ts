import type { ErrorCode } from "../../../src/http/errors";

/**
 * Codes the console adds for failures that never reached the API: the network
 * was down, or the answer was not the shared error shape (a proxy's HTML page).
 */
export type ClientErrorCode = "network_error" | "bad_response";

/** The shared error shape `{ error: { code, message, requestId } }`, as a thrown value. */
export class ApiError extends Error {
  readonly code: ErrorCode | ClientErrorCode;
  readonly requestId: string;
  readonly status: number;
  readonly details: unknown;

  constructor(
    status: number,
    body: { code: ErrorCode | ClientErrorCode; message: string; requestId: string },
    details?: unknown,
  ) {
    super(body.message);
    this.name = "ApiError";
    this.status = status;
    this.code = body.code;
    this.requestId = body.requestId;
    this.details = details;
  }
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export type RequestOptions = {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  query?: Query;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as multipart/form-data (file uploads). */
  form?: FormData;
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

/** Listeners told when any call answers 401, so the app can return to sign-in. */
const unauthorizedListeners = new Set<() => void>();
export function onUnauthorized(fn: () => void): () => void {
  unauthorizedListeners.add(fn);
  return () => unauthorizedListeners.delete(fn);
}

export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function toApiError(res: Response): Promise<ApiError> {
  const requestId = res.headers.get("X-Request-Id") ?? "";
  try {
    const body: unknown = await res.json();
    if (isErrorBody(body)) return new ApiError(res.status, body.error, body.error.details);
  } catch {
    // Not JSON: fall through to the generic shape below.
  }
  return new ApiError(res.status, {
    code: "bad_response",
    message: `HTTP ${res.status}`,
    requestId,
  });
}

function isErrorBody(
  v: unknown,
): v is { error: { code: ErrorCode; message: string; requestId: string; details?: unknown } } {
  if (typeof v !== "object" || v === null || !("error" in v)) return false;
  const e = (v as { error: unknown }).error;
  return typeof e === "object" && e !== null && "code" in e && "message" in e;
}

/** One call to the API. Resolves with the parsed JSON body, or undefined for 204. */
export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.form) body = opts.form;
  else if (opts.json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(opts.json);
  }

  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method: opts.method ?? (body ? "POST" : "GET"),
      headers,
      body,
      credentials: "same-origin",
      signal: opts.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError(0, { code: "network_error", message: "Network error", requestId: "" });
  }

  if (!res.ok) {
    const error = await toApiError(res);
    if (res.status === 401 && !path.startsWith("/api/auth/login")) {
      for (const fn of unauthorizedListeners) fn();
    }
    throw error;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const isAbort = (err: unknown) => err instanceof DOMException && err.name === "AbortError";

/** The server has no such route yet (an API another part of the product still has to add). */
export const isMissingRoute = (err: unknown) =>
  err instanceof ApiError && err.code === "not_found" && err.message.startsWith("No route");
