import { and, eq, isNull } from "drizzle-orm";
import type { FanRow } from "../contacts/apply-submission";
import type { Db } from "../db/client";
import { accounts, fans, forms } from "../db/schema";
import { verifyFormToken } from "../forms/form-link";
import type { FormRow } from "../forms/present-form";
import type { AccountRow } from "../http/types";

export type PublicForm = { form: FormRow; account: AccountRow };

/** An active form of a live account, or null: the page answers both the same way. */
export async function loadPublicForm(db: Db, formId: string): Promise<PublicForm | null> {
  const [row] = await db
    .select({ form: forms, account: accounts })
    .from(forms)
    .innerJoin(accounts, eq(accounts.id, forms.accountId))
    .where(
      and(
        eq(forms.id, formId),
        eq(forms.status, "active"),
        isNull(forms.deletedAt),
        isNull(accounts.deletedAt),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Who is filling the form: the fan a valid token names, or nobody. */
export type Visitor = {
  fan: FanRow | null;
  /** The code that sent the link; also read from an authentic token that has expired. */
  qrcodeId: string | null;
  /** The token to carry into the POST; only a valid one is carried. */
  token: string | null;
  /** Why a token that was given names nobody. */
  tokenProblem: "expired" | "invalid" | null;
};

const NOBODY: Visitor = { fan: null, qrcodeId: null, token: null, tokenProblem: null };

/**
 * A token names a fan only when its signature holds, it has not expired,
 * it was minted for this form and account, and the fan still exists there.
 */
export async function resolveVisitor(
  env: Pick<Env, "SIGNING_KEY">,
  db: Db,
  page: PublicForm,
  token: string | null | undefined,
): Promise<Visitor> {
  if (!token) return NOBODY;
  const verified = await verifyFormToken(env.SIGNING_KEY, token, page.form.id);
  if (!verified.ok && verified.reason === "expired") {
    const sameAccount = verified.claims.accountId === page.account.id;
    return {
      ...NOBODY,
      qrcodeId: sameAccount ? verified.claims.qrcodeId : null,
      tokenProblem: "expired",
    };
  }
  if (!verified.ok) return { ...NOBODY, tokenProblem: "invalid" };
  const { claims } = verified;
  if (claims.accountId !== page.account.id) return { ...NOBODY, tokenProblem: "invalid" };
  const [fan] = await db
    .select()
    .from(fans)
    .where(
      and(eq(fans.id, claims.fanId), eq(fans.accountId, page.account.id), isNull(fans.erasedAt)),
    )
    .limit(1);
  if (!fan) return { ...NOBODY, tokenProblem: "invalid" };
  return { fan, qrcodeId: claims.qrcodeId, token, tokenProblem: null };
}

/** WeChat's in-app browser names itself in the User-Agent. */
export function isWechatBrowser(userAgent: string | undefined): boolean {
  return /MicroMessenger/i.test(userAgent ?? "");
}
