import { and, asc, count, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { qrcodes } from "../db/schema";
import { inJsonList } from "../qrcodes/in-json-list";
import { qrCodeFilterWhere } from "../qrcodes/list-qrcodes";
import type { QrCodeRow } from "../qrcodes/present-qrcode";
import type { CodeSelection } from "./schemas";

/** Codes read per page while a ZIP is written. */
const PAGE = 100;

function selectionWhere(accountId: string, selection: CodeSelection): SQL {
  if ("ids" in selection) {
    return (
      and(
        eq(qrcodes.accountId, accountId),
        isNull(qrcodes.deletedAt),
        inJsonList(qrcodes.id, selection.ids),
      ) ?? sql`0`
    );
  }
  return qrCodeFilterWhere(accountId, selection.filter);
}

export async function countSelectedCodes(db: Db, accountId: string, selection: CodeSelection) {
  const [row] = await db
    .select({ n: count() })
    .from(qrcodes)
    .where(selectionWhere(accountId, selection));
  return row?.n ?? 0;
}

/**
 * The selected codes of the account in creation order, a page at a time
 * (keyset on created_at, id), so a ZIP of thousands never holds them all.
 */
export async function* selectedCodePages(
  db: Db,
  accountId: string,
  selection: CodeSelection,
): AsyncGenerator<QrCodeRow[]> {
  let after: { createdAt: number; id: string } | undefined;
  for (;;) {
    const page = await db
      .select()
      .from(qrcodes)
      .where(
        and(
          selectionWhere(accountId, selection),
          after
            ? sql`(${qrcodes.createdAt}, ${qrcodes.id}) > (${after.createdAt}, ${after.id})`
            : undefined,
        ),
      )
      .orderBy(asc(qrcodes.createdAt), asc(qrcodes.id))
      .limit(PAGE);
    if (page.length > 0) yield page;
    const last = page.at(-1);
    if (!last || page.length < PAGE) return;
    after = { createdAt: last.createdAt, id: last.id };
  }
}
