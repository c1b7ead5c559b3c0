/**
 * WeChat errors as typed values, following the table "Errors worth a rule"
 * in wechat.md. `retryable` says what a caller may do: `backoff` (wait and
 * try again), `refresh_once` (the client already refreshes the token once
 * and retries once; seen by callers only when that failed too), or `no`.
 * `remedy` names the one-off fix for the two errors that have one.
 */
export type Retryable = "backoff" | "refresh_once" | "no";

export type WechatError = {
  errcode: number;
  errmsg: string;
  retryable: Retryable;
  /** A plain-language sentence for the operator. */
  explanation: string;
  /** Where it failed: WeChat's answer, or the way there (then errcode is -1). */
  source: "wechat" | "network" | "timeout" | "response";
  remedy?: "reread_tags" | "reupload_media";
};

export type WechatResult<T> = { ok: true; value: T } | { ok: false; error: WechatError };

type Rule = {
  retryable: Retryable;
  explain: (errmsg: string) => string;
  remedy?: WechatError["remedy"];
};

const no = (text: string): Rule => ({ retryable: "no", explain: () => text });

/** The caller address WeChat names in the 40164 errmsg ("invalid ip 1.2.3.4 ipv6 ..."). */
export function callerIpFromErrmsg(errmsg: string): string | null {
  return /invalid ip ([0-9a-fA-F.:]+)/.exec(errmsg)?.[1]?.replace(/[.,]$/, "") ?? null;
}

const allowList: Rule = {
  retryable: "no",
  explain: (errmsg) => {
    const ip = callerIpFromErrmsg(errmsg);
    const who = ip ? `this server's address ${ip}` : "this server's address";
    return `WeChat refused the call because ${who} is not on the account's API IP allow-list. Add ${ip ?? "it"} to the allow-list in the Official Account platform (Settings and development > Basic configuration).`;
  },
};

const tokenRejected: Rule = {
  retryable: "refresh_once",
  explain: () =>
    "WeChat rejected the access token even after one refresh. If this persists, the AppSecret may be wrong or reset: check it in the account settings.",
};

const RULES: Record<number, Rule> = {
  [-1]: { retryable: "backoff", explain: () => "WeChat is busy. Try again in a moment." },
  40001: tokenRejected,
  40014: tokenRejected,
  42001: tokenRejected,
  45011: {
    retryable: "backoff",
    explain: () => "This WeChat API's per-minute quota is used up. Try again after the minute.",
  },
  45009: no("This WeChat API's daily quota is used up. It resets at midnight Beijing time."),
  40164: allowList,
  61004: allowList,
  40013: no("WeChat does not know this AppID. Check the AppID in the account settings."),
  40125: no("WeChat rejected the AppSecret. Copy it again from the Official Account platform."),
  40243: no("The AppSecret is frozen. Unfreeze or reset it in the Official Account platform."),
  40002: no("WeChat rejected the grant type or request format."),
  41002: no("WeChat says the AppID is missing from the request."),
  41004: no("The account has no AppSecret. Add it in the account settings."),
  48001: no(
    "This WeChat API is not granted to the account. Parametric QR codes and web authorisation need a verified Service Account.",
  ),
  45029: no(
    "The account has reached WeChat's cap of 100,000 permanent QR codes. Use temporary codes or reuse permanent ones.",
  ),
  40052: no("WeChat rejected the QR code type (action_name)."),
  40053: no("WeChat rejected the QR code scene (action_info): check the scene's type and length."),
  40003: no("The openid does not belong to this account."),
  49003: no("The openid does not belong to this account."),
  43004: no("The fan no longer follows the account, so WeChat refuses messages to them."),
  45015: no(
    "The customer-service window is closed: after a scan or follow, messages may be sent for 1 minute only.",
  ),
  45047: no(
    "The customer-service quota for this interaction is used: at most 3 messages within 1 minute after a scan or follow.",
  ),
  45008: no("WeChat accepts one article per news message."),
  40032: no("Too many openids in one call: WeChat accepts at most 50 for tagging."),
  45056: no("The account already has 100 tags, WeChat's maximum. Delete unused tags first."),
  45059: no("This fan already carries 20 tags, WeChat's maximum."),
  45157: no("A tag with this name already exists."),
  45158: no("Tag names are limited to 30 bytes (10 Chinese characters)."),
  45159: {
    retryable: "no",
    remedy: "reread_tags",
    explain: () => "WeChat does not know this tag id. Re-read the tag list, then retry once.",
  },
  40007: {
    retryable: "no",
    remedy: "reupload_media",
    explain: () =>
      "The media file expired on WeChat (temporary media live 3 days). Upload it again, then retry once.",
  },
  40029: no(
    "The authorisation code is not valid. Codes are single-use and expire after 5 minutes.",
  ),
  40163: no("The authorisation code was already used. Codes are single-use."),
};

export function wechatError(errcode: number, errmsg: string): WechatError {
  const rule = RULES[errcode];
  if (!rule) {
    return {
      errcode,
      errmsg,
      retryable: "no",
      source: "wechat",
      explanation: `WeChat answered with error ${errcode}: ${errmsg}`,
    };
  }
  const error: WechatError = {
    errcode,
    errmsg,
    retryable: rule.retryable,
    source: "wechat",
    explanation: rule.explain(errmsg),
  };
  if (rule.remedy) error.remedy = rule.remedy;
  return error;
}

export function transportError(
  source: "network" | "timeout" | "response",
  detail: string,
): WechatError {
  const explanation = {
    network: "WeChat could not be reached. Try again in a moment.",
    timeout: "WeChat did not answer in time. Try again in a moment.",
    response: "WeChat answered with something that is not its API's JSON. Try again in a moment.",
  }[source];
  return { errcode: -1, errmsg: detail, retryable: "backoff", source, explanation };
}
