import type { Context } from "hono";
import { applySubmission } from "../contacts/apply-submission";
import { getDb } from "../db/client";
import { formFieldsOf } from "../forms/present-form";
import { validateSubmission } from "../forms/validate-submission";
import type { AppEnv } from "../http/types";
import { log } from "../lib/log";
import { clientAddress } from "../lib/rate-limit";
import { loadPublicForm, resolveVisitor } from "./page-context";
import { pageStrings } from "./page-strings";
import { readFormBody } from "./read-form-body";
import { type RawValues, renderFormPage, TOKEN_INPUT } from "./render-form-page";
import { htmlPage, messagePage } from "./respond";
import { hashClientAddress, throttleSubmission } from "./throttle-submission";

/**
 * `POST /f/{formId}`: guard (size, type, who, how often), validate, store.
 * Invalid input re-renders the page with the values kept and every error
 * named; nothing is stored until the whole submission is valid.
 */
export async function handleFormPost(c: Context<AppEnv>): Promise<Response> {
  const db = getDb(c.env.DB);
  const page = await loadPublicForm(db, c.req.param("formId") ?? "");
  if (!page) return messagePage("zh-CN", "notFound", 404);
  const { form } = page;
  const lang = form.language;

  const body = await readFormBody(c.req.raw);
  if (!body.ok) {
    return body.reason === "too_large"
      ? messagePage(lang, "tooLarge", 413)
      : messagePage(lang, "badRequest", 415);
  }
  const visitor = await resolveVisitor(c.env, db, page, body.params.get(TOKEN_INPUT));
  const address = clientAddress(c.req.raw);
  const throttled = await throttleSubmission(db, address, visitor.fan?.id ?? null);
  if (!throttled.allowed) {
    const retry = String(throttled.retryAfterSeconds);
    return messagePage(lang, "throttled", 429, { headers: { "Retry-After": retry } });
  }
  if (!visitor.fan && !form.allowAnonymous) {
    const t = pageStrings(lang);
    const message = visitor.tokenProblem === "expired" ? t.linkExpired : t.openInWechat;
    return messagePage(lang, "openInWechat", 403, { message });
  }

  const fields = formFieldsOf(form);
  const checked = validateSubmission(fields, form.keyField, (name) => body.params.getAll(name));
  if (!checked.ok) {
    const values: RawValues = Object.fromEntries(
      fields.map((f) => [f.id, body.params.getAll(f.id)]),
    );
    const notice = pageStrings(lang).fixErrors;
    const html = renderFormPage({
      form,
      token: visitor.token,
      values,
      errors: checked.errors,
      notice,
    });
    return htmlPage(html, 400, form);
  }

  const result = await applySubmission(db, {
    form,
    fan: visitor.fan,
    qrcodeId: visitor.qrcodeId,
    values: checked.values,
    clientHash: await hashClientAddress(c.env.SIGNING_KEY, address),
  });
  log.info("form submitted", {
    requestId: c.get("requestId"),
    formId: form.id,
    submissionId: result.submissionId,
    outcome: result.outcome,
  });
  const next = form.redirectUrl ?? `/f/${encodeURIComponent(form.id)}/thanks`;
  return new Response(null, {
    status: 303,
    headers: { Location: next, "Cache-Control": "no-store" },
  });
}
