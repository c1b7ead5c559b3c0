import type { FormLanguage } from "../forms/schemas";
import type { FieldError } from "../forms/validate-submission";

/** Every word the hosted page shows, in the form's language. */
export type PageStrings = {
  submit: string;
  required: string;
  optional: string;
  errors: Record<FieldError, string>;
  fixErrors: string;
  thanksTitle: string;
  thanksDefault: string;
  notFoundTitle: string;
  notFound: string;
  tooLargeTitle: string;
  tooLarge: string;
  throttledTitle: string;
  throttled: string;
  openInWechatTitle: string;
  openInWechat: string;
  linkExpired: string;
  badRequestTitle: string;
  badRequest: string;
  privacyLink: string;
  chooseDate: string;
};

const zhCN: PageStrings = {
  submit: "提交",
  required: "必填",
  optional: "选填",
  errors: {
    required: "请填写此项",
    invalid_mobile: "请输入有效的中国大陆手机号（11 位，1 开头）",
    invalid_email: "请输入有效的邮箱地址",
    invalid_option: "请从列出的选项中选择",
    invalid_date: "请输入有效的日期（年-月-日）",
    too_long: "内容过长，请精简后再提交",
    consent_required: "请阅读并同意后再提交",
  },
  fixErrors: "提交未成功，请修改标出的项目。",
  thanksTitle: "提交成功",
  thanksDefault: "感谢您的提交！",
  notFoundTitle: "表单不存在",
  notFound: "这个表单不存在或已停止收集。",
  tooLargeTitle: "内容过多",
  tooLarge: "提交的内容超出了大小限制，请精简后再试。",
  throttledTitle: "提交过于频繁",
  throttled: "请稍等一分钟后再提交。",
  openInWechatTitle: "请在微信中打开",
  openInWechat: "请在微信中扫码或点击公众号消息里的链接打开此表单。",
  linkExpired: "链接已过期，请重新扫码获取表单。",
  badRequestTitle: "无法提交",
  badRequest: "请求格式不正确，请返回表单重新提交。",
  privacyLink: "查看隐私政策",
  chooseDate: "选择日期",
};

const en: PageStrings = {
  submit: "Submit",
  required: "Required",
  optional: "Optional",
  errors: {
    required: "Please fill in this field",
    invalid_mobile: "Enter a valid mainland China mobile number (11 digits starting with 1)",
    invalid_email: "Enter a valid email address",
    invalid_option: "Choose one of the listed options",
    invalid_date: "Enter a valid date (year-month-day)",
    too_long: "This is too long; please shorten it",
    consent_required: "Please read and agree before submitting",
  },
  fixErrors: "Not sent yet: please correct the marked fields.",
  thanksTitle: "Thank you",
  thanksDefault: "Thank you for your submission!",
  notFoundTitle: "Form not found",
  notFound: "This form does not exist or no longer accepts answers.",
  tooLargeTitle: "Too much content",
  tooLarge: "The submission is larger than allowed; please shorten it and try again.",
  throttledTitle: "Too many submissions",
  throttled: "Please wait a minute before submitting again.",
  openInWechatTitle: "Open in WeChat",
  openInWechat:
    "Scan the code in WeChat, or open the link from the account's message, to use this form.",
  linkExpired: "This link has expired; scan the code again to get the form.",
  badRequestTitle: "Cannot submit",
  badRequest: "The request was not understood; go back to the form and submit again.",
  privacyLink: "Read the privacy policy",
  chooseDate: "Choose a date",
};

export function pageStrings(language: FormLanguage): PageStrings {
  return language === "en" ? en : zhCN;
}
