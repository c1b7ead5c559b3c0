import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { fanTags, forms, media, memberTags, qrGroups } from "../db/schema";
import { findGroupByName } from "../groups/find-or-create-group";

/** Where a code goes: nowhere, an existing group, or a group made with the code. */
export type GroupChoice =
  | { kind: "none" }
  | { kind: "existing"; id: string }
  | { kind: "new"; name: string };

export type SettingsRefs = {
  groupId?: string | null;
  newGroupName?: string;
  fanTagIds?: number[];
  memberTagIds?: string[];
  formId?: string | null;
  reply?: readonly Record<string, unknown>[];
};

export type ResolveSettingsResult =
  | { ok: true; group: GroupChoice | undefined }
  | { ok: false; reason: "not_found" | "bad_request"; message: string };

/**
 * Checks that every id a code refers to belongs to the account: its group,
 * its fan tags (as last synced from WeChat), member tags and form. Only the
 * references that are given are checked; `group` is undefined when none was.
 * Media in the reply must be the account's own uploads: an id of another
 * account's file is refused exactly like an id never made.
 */
export async function resolveCodeSettings(
  db: Db,
  accountId: string,
  refs: SettingsRefs,
): Promise<ResolveSettingsResult> {
  const group = await resolveGroup(db, accountId, refs);
  if (group === "missing") return { ok: false, reason: "not_found", message: "Group not found" };

  const fanIds = [...new Set(refs.fanTagIds ?? [])];
  if (fanIds.length) {
    const known = await db
      .select({ id: fanTags.wechatTagId })
      .from(fanTags)
      .where(and(eq(fanTags.accountId, accountId), inArray(fanTags.wechatTagId, fanIds)));
    const missing = fanIds.filter((id) => !known.some((k) => k.id === id));
    if (missing.length) {
      const message = `Fan tag ${missing.join(", ")} is not among the account's WeChat tags; sync the tags and choose again`;
      return { ok: false, reason: "bad_request", message };
    }
  }

  const memberIds = [...new Set(refs.memberTagIds ?? [])];
  if (memberIds.length) {
    const known = await db
      .select({ id: memberTags.id })
      .from(memberTags)
      .where(inArray(memberTags.id, memberIds));
    const missing = memberIds.filter((id) => !known.some((k) => k.id === id));
    if (missing.length) {
      return {
        ok: false,
        reason: "bad_request",
        message: `Member tag ${missing.join(", ")} does not exist`,
      };
    }
  }

  const missingMedia = await missingReplyMedia(db, accountId, refs.reply ?? []);
  if (missingMedia.length) {
    const message = `reply: media ${missingMedia.join(", ")} is not among the account's uploaded files`;
    return { ok: false, reason: "bad_request", message };
  }

  if (refs.formId) {
    const form = await db.query.forms.findFirst({
      columns: { id: true },
      where: and(
        eq(forms.id, refs.formId),
        eq(forms.accountId, accountId),
        isNull(forms.deletedAt),
      ),
    });
    if (!form) return { ok: false, reason: "not_found", message: "Form not found" };
  }
  return { ok: true, group };
}

async function missingReplyMedia(
  db: Db,
  accountId: string,
  reply: readonly Record<string, unknown>[],
): Promise<string[]> {
  const ids = [
    ...new Set(
      reply
        .flatMap((m) => [m.mediaId, m.thumbMediaId])
        .filter((v): v is string => typeof v === "string"),
    ),
  ];
  if (!ids.length) return [];
  const known = await db
    .select({ id: media.id })
    .from(media)
    .where(and(eq(media.accountId, accountId), inArray(media.id, ids)));
  return ids.filter((id) => !known.some((k) => k.id === id));
}

async function resolveGroup(
  db: Db,
  accountId: string,
  refs: SettingsRefs,
): Promise<GroupChoice | "missing" | undefined> {
  if (refs.newGroupName) {
    const existing = await findGroupByName(db, accountId, refs.newGroupName);
    return existing
      ? { kind: "existing", id: existing.id }
      : { kind: "new", name: refs.newGroupName };
  }
  if (refs.groupId === null) return { kind: "none" };
  if (refs.groupId === undefined) return undefined;
  const found = await db.query.qrGroups.findFirst({
    columns: { id: true },
    where: and(eq(qrGroups.id, refs.groupId), eq(qrGroups.accountId, accountId)),
  });
  return found ? { kind: "existing", id: found.id } : "missing";
}
