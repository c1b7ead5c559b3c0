import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { fanTags, memberTags, qrGroups } from "../db/schema";
import { createCsvWriter } from "../files/csv-writer";
import type { CellValue } from "../files/sheet-types";
import type { ZipWriter } from "../files/zip-writer";
import type { QrCodeRow } from "../qrcodes/present-qrcode";

export const MANIFEST_FILE_NAME = "manifest.csv";

const COLUMNS = [
  { header: "file" },
  { header: "name" },
  { header: "kind" },
  { header: "scene" },
  { header: "url" },
  { header: "expires" },
  { header: "group" },
  { header: "fan tags" },
  { header: "member tags" },
] as const;

export type ManifestLabels = {
  groups: Map<string, string>;
  fanTags: Map<number, string>;
  memberTags: Map<string, string>;
};

/** Names for the ids a code carries, loaded once per ZIP. */
export async function loadManifestLabels(db: Db, accountId: string): Promise<ManifestLabels> {
  const [groups, fan, member] = await Promise.all([
    db.select().from(qrGroups).where(eq(qrGroups.accountId, accountId)),
    db.select().from(fanTags).where(eq(fanTags.accountId, accountId)),
    db.select({ id: memberTags.id, name: memberTags.name }).from(memberTags),
  ]);
  return {
    groups: new Map(groups.map((g) => [g.id, g.name])),
    fanTags: new Map(fan.map((t) => [t.wechatTagId, t.name])),
    memberTags: new Map(member.map((t) => [t.id, t.name])),
  };
}

export function manifestRow(
  code: QrCodeRow,
  fileName: string,
  labels: ManifestLabels,
): CellValue[] {
  const names = <K>(ids: K[], map: Map<K, string>) =>
    ids.map((id) => map.get(id) ?? String(id)).join("; ");
  return [
    fileName,
    code.name,
    code.kind,
    code.scene,
    code.url,
    code.expiresAt === null ? null : new Date(code.expiresAt),
    code.groupId ? (labels.groups.get(code.groupId) ?? "") : "",
    names(code.fanTagIds, labels.fanTags),
    names(code.memberTagIds, labels.memberTags),
  ];
}

/** Writes the manifest as the ZIP's last entry, deflated, with B's CSV writer (UTF-8 BOM for Excel). */
export async function addManifest(zip: ZipWriter, rows: CellValue[][], timeZone: string) {
  const csv = createCsvWriter({ columns: COLUMNS, timeZone });
  const entry = zip.openFile(MANIFEST_FILE_NAME, { compress: true });
  const pump = (async () => {
    const reader = csv.stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      await entry.push(value);
    }
    await entry.push(new Uint8Array(0), true);
  })();
  for (const row of rows) await csv.addRow(row);
  await csv.finish();
  await pump;
}
