import type { FormRow } from "../forms/present-form";
import type { FormLanguage } from "../forms/schemas";
import type { PageStrings } from "./page-strings";
import { pageStrings } from "./page-strings";
import { renderMessagePage } from "./render-form-page";

/**
 * Headers of every form page: never cached (it may carry a fan token),
 * no referrer (the token is in the URL), no scripts at all, and a form that
 * may post only here and then go to the operator's https redirect.
 */
function pageHeaders(redirectUrl: string | null): Record<string, string> {
  const formAction = redirectUrl ? `'self' ${new URL(redirectUrl).origin}` : "'self'";
  return {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": `default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
  };
}

export function htmlPage(
  body: string,
  status: number,
  form: Pick<FormRow, "redirectUrl"> | null = null,
  extra: Record<string, string> = {},
): Response {
  return new Response(body, {
    status,
    headers: { ...pageHeaders(form?.redirectUrl ?? null), ...extra },
  });
}

type MessageKey = "notFound" | "tooLarge" | "throttled" | "openInWechat" | "badRequest";
const TITLES: Record<MessageKey, keyof PageStrings> = {
  notFound: "notFoundTitle",
  tooLarge: "tooLargeTitle",
  throttled: "throttledTitle",
  openInWechat: "openInWechatTitle",
  badRequest: "badRequestTitle",
};

/** A page with one message in the form's language (zh-CN when the form is unknown). */
export function messagePage(
  language: FormLanguage,
  key: MessageKey,
  status: number,
  options: { message?: string; headers?: Record<string, string> } = {},
): Response {
  const t = pageStrings(language);
  const title = t[TITLES[key]];
  const text = options.message ?? t[key];
  return htmlPage(
    renderMessagePage(language, typeof title === "string" ? title : "", text),
    status,
    null,
    options.headers,
  );
}
