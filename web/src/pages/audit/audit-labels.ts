import type { AuditEntry } from "../../api/audit";
import type { MessageKey, Translate } from "../../i18n";

/**
 * The entity types the filter offers: the domain's own words. Replies, fan
 * tags on scan and forms of a code are fields of the code's entries.
 */
export const ENTITY_TYPES = [
  "account",
  "qrcode",
  "import",
  "group",
  "fan_tag",
  "member_tag",
  "form",
  "contact",
  "conflict",
  "fan",
  "user",
  "api_token",
  "session",
  "dead_letter",
] as const;

/** `key` translated, or null when the catalog has no such entry. */
function known(t: Translate, key: string): string | null {
  const text = t(key as MessageKey);
  return text === key ? null : text;
}

export const entityLabel = (t: Translate, type: string) => known(t, `audit.entity.${type}`) ?? type;

/**
 * "创建用户" / "User created" from `user.create`: a label of its own when the
 * catalog has one, else verb and entity composed, else the raw action.
 */
export function actionLabel(t: Translate, action: string): string {
  const own = known(t, `audit.action.${action}`);
  if (own) return own;
  const dot = action.lastIndexOf(".");
  const verb = known(t, `audit.verb.${action.slice(dot + 1)}`);
  if (dot < 0 || !verb) return action;
  return t("audit.actionTemplate", { verb, entity: entityLabel(t, action.slice(0, dot)) });
}

/** A field's name in words; a contact's custom field `fields.x` reads "Custom field x". */
export function fieldLabel(t: Translate, field: string): string | null {
  if (field.startsWith("fields.")) return t("audit.fieldOf", { key: field.slice(7) });
  return known(t, `audit.field.${field}`);
}

/** Where the changed thing can be looked at, when the console has a page for it. */
export function entityHref(e: AuditEntry): string | null {
  const id = encodeURIComponent(e.entityId);
  if (e.entityType === "account") return `/accounts/${id}/settings`;
  if (e.entityType === "contact") return `/contacts/${id}`;
  if (e.entityType === "conflict") return "/contacts/conflicts";
  if (e.entityType === "member_tag") return "/member-tags";
  if (e.entityType === "api_token") return "/settings/tokens";
  if (!e.accountId) return null;
  if (e.entityType === "group") return `/accounts/${e.accountId}/qrcodes?groupId=${id}`;
  if (e.entityType === "import") return `/accounts/${e.accountId}/jobs`;
  if (e.entityType === "qrcode") return `/accounts/${e.accountId}/qrcodes/${id}`;
  if (e.entityType === "form") return `/accounts/${e.accountId}/forms/${id}/edit`;
  return null;
}
