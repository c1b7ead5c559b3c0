import { AppError } from "../http/errors";
import type { WechatError } from "../wechat/errors";

export type DomainFailure =
  | {
      reason: "not_found" | "bad_request" | "limit_exceeded" | "conflict" | "gone";
      message: string;
    }
  | { reason: "wechat"; error: WechatError };

/**
 * The edge's view of a failed domain call. WeChat's refusals carry the plain
 * explanation and the errcode; when WeChat could not be reached or was busy
 * the answer is 503, so clients know that a retry may work.
 */
export function failureToAppError(failure: DomainFailure): AppError {
  if (failure.reason !== "wechat") return new AppError(failure.reason, failure.message);
  const { error } = failure;
  if (failure.error.errcode === 45029) {
    return new AppError("limit_exceeded", error.explanation, { details: { errcode: 45029 } });
  }
  const code =
    error.source === "wechat" && error.retryable === "no" ? "wechat_error" : "wechat_unavailable";
  return new AppError(code, error.explanation, { details: { errcode: error.errcode } });
}
