import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { errorFields, log } from "../lib/log";
import { AppError, ERROR_CODES, type ErrorBody, type ErrorCode } from "./errors";
import type { AppEnv } from "./types";

const STATUS_TO_CODE: Partial<Record<number, ErrorCode>> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
};

export function errorResponse(
  c: Context<AppEnv>,
  code: ErrorCode,
  message: string,
  details?: unknown,
) {
  const body: ErrorBody = {
    error: { code, message, requestId: c.get("requestId") ?? "", ...(details ? { details } : {}) },
  };
  return c.json(body, ERROR_CODES[code]);
}

/**
 * WeChat refusing or timing out is the outside world, told to the operator
 * in the answer: a warning. Any other 5xx is ours: an error with its stack.
 */
function logAppError(c: Context<AppEnv>, err: AppError) {
  if (err.status < 500) return;
  const fields = { requestId: c.get("requestId"), code: err.code };
  if (err.code === "wechat_error" || err.code === "wechat_unavailable") {
    log.warn("wechat call failed", { ...fields, message: err.message });
  } else {
    log.error("request failed", { ...fields, ...errorFields(err.cause ?? err) });
  }
}

/** The one place an error becomes a response. Unknown errors never echo their message. */
export function onError(err: Error, c: Context<AppEnv>) {
  if (err instanceof AppError) {
    logAppError(c, err);
    return errorResponse(c, err.code, err.message, err.details);
  }
  if (err instanceof HTTPException && err.status === 415) {
    const sent = c.req.header("Content-Type") || "none";
    return errorResponse(
      c,
      "unsupported_media_type",
      `This route does not read a body of Content-Type ${sent}: JSON bodies are sent as application/json, files as multipart/form-data`,
    );
  }
  if (err instanceof HTTPException && err.status < 500) {
    const code = STATUS_TO_CODE[err.status] ?? "bad_request";
    return errorResponse(c, code, err.message || code.replaceAll("_", " "));
  }
  log.error("unhandled error", {
    requestId: c.get("requestId"),
    path: c.req.path,
    ...errorFields(err),
  });
  return errorResponse(
    c,
    "internal_error",
    "Something went wrong on our side. Quote the request id when reporting it.",
  );
}
