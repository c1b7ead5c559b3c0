import type { ApiError } from "../api/client";
import { type MessageKey, type Translate, useT } from "../i18n";
import { CopyButton } from "./CopyButton";
import { Icon } from "./Icon";

type ErrorNoticeProps = {
  error: ApiError;
  onRetry?: () => void;
  /** Inline sits inside a form; block fills a page section. */
  variant?: "inline" | "block";
};

/** The translated headline of an error by its code, or the code itself when unknown. */
export function errorTitle(t: Translate, error: ApiError): string {
  const key = `error.title.${error.code}` as MessageKey;
  const title = t(key);
  return title === key ? error.code : title;
}

/** One line for a toast: headline and the server's message. */
export function errorSummary(t: Translate, error: ApiError): string {
  const title = errorTitle(t, error);
  return error.message && error.message !== title ? `${title} · ${error.message}` : title;
}

/**
 * The one rendering of the API's error shape: a translated headline by code,
 * the server's own message, and the request id small and copyable so a
 * support request can quote it.
 */
export function ErrorNotice({ error, onRetry, variant = "inline" }: ErrorNoticeProps) {
  const t = useT();
  const title = errorTitle(t, error);
  const detail = error.code === "network_error" ? t("error.networkHint") : error.message;

  return (
    <div class={`error-notice error-notice-${variant}`} role="alert">
      <Icon name="alert" size={18} class="error-notice-icon" />
      <div class="error-notice-body">
        <div class="error-notice-title">{title}</div>
        {detail && detail !== title ? <div class="error-notice-message">{detail}</div> : null}
        <div class="error-notice-meta">
          <span>
            {t("common.errorCode")} <code>{error.code}</code>
          </span>
          {error.requestId ? (
            <span class="error-notice-request">
              {t("common.requestId")} <code>{error.requestId}</code>
              <CopyButton value={error.requestId} compact />
            </span>
          ) : null}
        </div>
      </div>
      {onRetry ? (
        <button type="button" class="btn btn-sm" onClick={onRetry}>
          <Icon name="refresh" size={14} />
          {t("common.retry")}
        </button>
      ) : null}
    </div>
  );
}
