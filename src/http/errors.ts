import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * The closed list of error codes the API answers with, and their HTTP status.
 * Every failure reaches a client as `{ error: { code, message, requestId } }`.
 */
export const ERROR_CODES = {
  /** The request body, query or path failed validation. */
  bad_request: 400,
  /** An uploaded file could not be read (wrong type, encoding, empty, too many rows). */
  invalid_file: 400,
  /** No valid session cookie or API token. */
  unauthorized: 401,
  /** Email and password do not match an active user. */
  invalid_credentials: 401,
  /** Signed in, but the role or token scope does not allow this. */
  forbidden: 403,
  /** A cookie-authenticated change came from another origin. */
  cross_origin: 403,
  /** The thing does not exist, or belongs to an account the caller cannot see. */
  not_found: 404,
  /** The change conflicts with stored state (duplicate name, wrong status). */
  conflict: 409,
  /** A limit of WeChat or of the product was reached (permanent code cap, reply length). */
  limit_exceeded: 409,
  /** A signed link or form token has expired. */
  gone: 410,
  /** The request body is larger than this route accepts. */
  payload_too_large: 413,
  /** The request's Content-Type is not one this route reads. */
  unsupported_media_type: 415,
  /** Too many requests from this client; retry later. */
  rate_limited: 429,
  /** WeChat answered with an error the operator must act on. */
  wechat_error: 502,
  /** WeChat did not answer in time. */
  wechat_unavailable: 503,
  /** A bug or an unexpected state; logged with the request id. */
  internal_error: 500,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_CODES;

export type ErrorBody = {
  error: { code: ErrorCode; message: string; requestId: string; details?: unknown };
};

export class AppError extends HTTPException {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: unknown; cause?: unknown } = {},
  ) {
    super(ERROR_CODES[code], { message, cause: options.cause });
    this.code = code;
    this.details = options.details;
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
