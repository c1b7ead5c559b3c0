import { Hono } from "hono";
import { getDb } from "../db/client";
import { formViews } from "../db/schema";
import { signFormToken } from "../forms/form-link";
import { formPagePath } from "../forms/present-form";
import type { AppEnv } from "../http/types";
import { newId } from "../lib/ids";
import { errorFields, log } from "../lib/log";
import { authorizeRedirect, fanFromOAuthCode, verifyOAuthState } from "./oauth";
import {
  isWechatBrowser,
  loadPublicForm,
  type PublicForm,
  resolveVisitor,
  type Visitor,
} from "./page-context";
import { pageStrings } from "./page-strings";
import { renderFormPage, renderMessagePage } from "./render-form-page";
import { htmlPage, messagePage } from "./respond";
import { handleFormPost } from "./submit-form-post";

async function recordViewAndRender(
  db: ReturnType<typeof getDb>,
  page: PublicForm,
  visitor: Visitor,
) {
  await db.insert(formViews).values({
    id: newId("fv"),
    formId: page.form.id,
    qrcodeId: visitor.qrcodeId,
    fanId: visitor.fan?.id ?? null,
    createdAt: Date.now(),
  });
  return htmlPage(renderFormPage({ form: page.form, token: visitor.token }), 200, page.form);
}

/** A page that needs a fan and has none: say why, in the form's language. */
function nobodyResponse(page: PublicForm, visitor: Visitor) {
  const t = pageStrings(page.form.language);
  const message = visitor.tokenProblem === "expired" ? t.linkExpired : t.openInWechat;
  return messagePage(page.form.language, "openInWechat", 403, { message });
}

/**
 * The hosted form page `/f/{formId}`: server-rendered HTML for a phone,
 * outside `/api` (no console session; the signed link or WeChat OAuth says
 * who the fan is). Failures answer as pages in the form's language.
 */
export const formPageRoutes = new Hono<AppEnv>()
  .get("/f/:formId", async (c) => {
    const db = getDb(c.env.DB);
    const page = await loadPublicForm(db, c.req.param("formId"));
    if (!page) return messagePage("zh-CN", "notFound", 404);

    const visitor = await resolveVisitor(c.env, db, page, c.req.query("t"));
    if (visitor.fan) return recordViewAndRender(db, page, visitor);
    if (page.account.isSandbox || isWechatBrowser(c.req.header("User-Agent"))) {
      const to = await authorizeRedirect(
        c.env,
        page.account,
        page.form.id,
        c.req.url,
        visitor.qrcodeId,
      );
      return c.redirect(to, 302);
    }
    if (page.form.allowAnonymous) return recordViewAndRender(db, page, visitor);
    return nobodyResponse(page, visitor);
  })
  .get("/f/:formId/oauth", async (c) => {
    const db = getDb(c.env.DB);
    const page = await loadPublicForm(db, c.req.param("formId"));
    if (!page) return messagePage("zh-CN", "notFound", 404);
    const code = c.req.query("code");
    const state = c.req.query("state") ?? "";
    const verified = await verifyOAuthState(c.env.SIGNING_KEY, page.form.id, state);
    if (!code || !verified.ok) return messagePage(page.form.language, "badRequest", 400);

    const found = await fanFromOAuthCode(c.env, db, page.account, code);
    if (!found.ok) {
      log.warn("form oauth failed", { formId: page.form.id, reason: found.reason });
      const nobody: Visitor = {
        fan: null,
        qrcodeId: verified.qrcodeId,
        token: null,
        tokenProblem: null,
      };
      if (page.form.allowAnonymous) return recordViewAndRender(db, page, nobody);
      return nobodyResponse(page, nobody);
    }
    // The code came through the signed state from an expired link of its reply;
    // without one (a link shared elsewhere) the visit belongs to no code.
    const token = await signFormToken(c.env.SIGNING_KEY, {
      formId: page.form.id,
      fanId: found.fanId,
      qrcodeId: verified.qrcodeId,
      accountId: page.account.id,
    });
    return c.redirect(`${formPagePath(page.form.id)}?t=${token}`, 302);
  })
  .post("/f/:formId", (c) => handleFormPost(c))
  .get("/f/:formId/thanks", async (c) => {
    const page = await loadPublicForm(getDb(c.env.DB), c.req.param("formId"));
    if (!page) return messagePage("zh-CN", "notFound", 404);
    const t = pageStrings(page.form.language);
    const body = renderMessagePage(
      page.form.language,
      t.thanksTitle,
      page.form.thankYouMessage || t.thanksDefault,
    );
    return htmlPage(body, 200, page.form);
  })
  .onError((err, c) => {
    log.error("form page failed", {
      requestId: c.get("requestId"),
      path: c.req.path,
      ...errorFields(err),
    });
    return htmlPage(
      renderMessagePage(
        "zh-CN",
        "出错了 / Something went wrong",
        `请稍后再试。Please try again later. (${c.get("requestId") ?? ""})`,
      ),
      500,
    );
  });
