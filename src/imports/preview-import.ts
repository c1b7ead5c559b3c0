import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { qrcodes } from "../db/schema";
import { type NamesFileRow, readNamesFile } from "../files/read-names-file";
import type { AccountRow } from "../http/types";
import { qrFileName } from "../images/file-names";
import { newId } from "../lib/ids";
import { inJsonList } from "../qrcodes/in-json-list";
import type { StoredImport } from "./import-store";
import type { ImportProblem, ImportRow } from "./schemas";
import { loadTagNameMaps, type TagNameMaps } from "./tag-names";

export type PreviewImportResult =
  | { ok: true; record: StoredImport }
  | { ok: false; reason: "invalid_file" | "payload_too_large"; message: string };

/** Names are compared with the account's live codes this many at a time. */
const NAME_CHUNK = 500;

/**
 * Reads an uploaded names file (B's reader: CSV in UTF-8 or GBK, or XLSX)
 * and adds the problems only the account can tell: a name an existing code
 * already has, and tag names the account does not know.
 */
export async function previewImport(
  db: Db,
  account: AccountRow,
  upload: { bytes: Uint8Array; fileName: string; createdBy: string | null },
): Promise<PreviewImportResult> {
  const read = readNamesFile(upload.bytes);
  if (!read.ok) {
    const reason = read.reason === "too_large" ? "payload_too_large" : "invalid_file";
    return { ok: false, reason, message: read.message };
  }

  const [existing, tags] = await Promise.all([
    existingCodeNames(db, account.id, read.rows.map((r) => r.name).filter(Boolean)),
    loadTagNameMaps(db, account.id),
  ]);
  const rows = read.rows.map((r) => withAccountProblems(r, existing, tags));
  return {
    ok: true,
    record: {
      id: newId("imp"),
      accountId: account.id,
      createdBy: upload.createdBy,
      fileName: qrFileName(upload.fileName, "", "names"),
      format: read.format,
      encoding: read.encoding ?? null,
      hasHeader: read.hasHeader,
      total: rows.length,
      problemCount: rows.filter((r) => r.problems.length > 0).length,
      rows,
      jobId: null,
      createdAt: Date.now(),
    },
  };
}

function withAccountProblems(
  row: NamesFileRow,
  existing: Set<string>,
  tags: TagNameMaps,
): ImportRow {
  const problems: ImportProblem[] = [...row.problems];
  if (row.name && existing.has(row.name)) problems.push("duplicate_existing");
  if (row.fanTags.some((t) => !tags.fanTags.has(t))) problems.push("unknown_fan_tag");
  if (row.memberTags.some((t) => !tags.memberTags.has(t))) problems.push("unknown_member_tag");
  return { ...row, problems };
}

async function existingCodeNames(db: Db, accountId: string, names: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  const unique = [...new Set(names)];
  for (let i = 0; i < unique.length; i += NAME_CHUNK) {
    const rows = await db
      .select({ name: qrcodes.name })
      .from(qrcodes)
      .where(
        and(
          eq(qrcodes.accountId, accountId),
          isNull(qrcodes.deletedAt),
          inJsonList(qrcodes.name, unique.slice(i, i + NAME_CHUNK)),
        ),
      );
    for (const r of rows) found.add(r.name);
  }
  return found;
}
