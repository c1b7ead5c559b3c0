import { and, eq, isNull, type SQL } from "drizzle-orm";
import type { Db } from "../db/client";
import { qrcodes } from "../db/schema";
import { groupIdByName, insertGroupIfMissing } from "../groups/find-or-create-group";
import { inJsonList } from "./in-json-list";
import type { QrCodeRow } from "./present-qrcode";
import { resolveCodeSettings } from "./resolve-code-settings";
import type { UpdateQrCodeInput } from "./schemas";

export type UpdateQrCodeResult =
  | { ok: true; code: QrCodeRow }
  | { ok: false; reason: "not_found" | "bad_request"; message: string };

/**
 * Edits everything but the kind and the scene. A new validity applies from
 * the next renewal: the current ticket keeps the expiry WeChat gave it.
 */
export async function updateQrCode(
  db: Db,
  code: QrCodeRow,
  input: UpdateQrCodeInput,
): Promise<UpdateQrCodeResult> {
  if (code.kind === "permanent" && (input.validityDays !== undefined || input.autoRenew)) {
    return { ok: false, reason: "bad_request", message: "Permanent codes do not expire" };
  }
  const refs = await resolveCodeSettings(db, code.accountId, input);
  if (!refs.ok) return refs;

  const { groupId: _groupId, newGroupName: _newGroupName, ...fields } = input;
  const now = Date.now();
  let groupId: string | SQL | null | undefined;
  if (refs.group?.kind === "existing") groupId = refs.group.id;
  else if (refs.group?.kind === "new") groupId = groupIdByName(code.accountId, refs.group.name);
  else if (refs.group?.kind === "none") groupId = null;

  const update = db
    .update(qrcodes)
    .set({ ...fields, ...(groupId !== undefined ? { groupId } : {}), updatedAt: now })
    .where(eq(qrcodes.id, code.id))
    .returning();
  const rows =
    refs.group?.kind === "new"
      ? (
          await db.batch([insertGroupIfMissing(db, code.accountId, refs.group.name, now), update])
        )[1]
      : await update;
  const [row] = rows;
  if (!row) return { ok: false, reason: "not_found", message: "QR code not found" };
  return { ok: true, code: row };
}

/** Live codes of the account among `ids`; others' and deleted ids are left out. */
function liveCodesOf(accountId: string, ids: string[]) {
  return and(
    eq(qrcodes.accountId, accountId),
    inJsonList(qrcodes.id, ids),
    isNull(qrcodes.deletedAt),
  );
}

/**
 * Soft delete: the row stays so its statistics stay and its scene is never
 * handed out again; scans of it are still recorded against it.
 */
export async function deleteQrCodes(
  db: Db,
  accountId: string,
  ids: string[],
): Promise<{ id: string; name: string; scene: string }[]> {
  const now = Date.now();
  return db
    .update(qrcodes)
    .set({ deletedAt: now, autoRenew: false, updatedAt: now })
    .where(liveCodesOf(accountId, ids))
    .returning({ id: qrcodes.id, name: qrcodes.name, scene: qrcodes.scene });
}

export async function setQrCodeStatus(
  db: Db,
  accountId: string,
  id: string,
  status: QrCodeRow["status"],
): Promise<QrCodeRow | undefined> {
  const [row] = await db
    .update(qrcodes)
    .set({ status, updatedAt: Date.now() })
    .where(liveCodesOf(accountId, [id]))
    .returning();
  return row;
}

/** Codes moved, each with the group it left, so the audit log can say from where. */
export type MovedQrCode = { id: string; name: string; groupId: string | null };

export async function moveQrCodes(
  db: Db,
  accountId: string,
  ids: string[],
  groupId: string | null,
): Promise<MovedQrCode[]> {
  const current = await db
    .select({ id: qrcodes.id, name: qrcodes.name, groupId: qrcodes.groupId })
    .from(qrcodes)
    .where(liveCodesOf(accountId, ids));
  if (!current.length) return [];
  const rows = await db
    .update(qrcodes)
    .set({ groupId, updatedAt: Date.now() })
    .where(
      liveCodesOf(
        accountId,
        current.map((r) => r.id),
      ),
    )
    .returning({ id: qrcodes.id });
  const moved = new Set(rows.map((r) => r.id));
  return current.filter((r) => moved.has(r.id));
}
