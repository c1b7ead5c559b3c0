import { and, asc, count, desc, eq, gt, isNull, lte, type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { qrcodeFans, qrcodes, qrGroups } from "../db/schema";
import { getCodeNumbers } from "../stats/code-numbers";
import { EXPIRING_WITHIN_MS, type ListedQrCode } from "./present-qrcode";
import type { ListQrCodesQuery, QrCodeFilter, QrSort } from "./schemas";

/** The conditions of a list filter; deleted codes never match. */
export function qrCodeFilterWhere(accountId: string, filter: QrCodeFilter, now = Date.now()): SQL {
  const conditions: (SQL | undefined)[] = [
    eq(qrcodes.accountId, accountId),
    isNull(qrcodes.deletedAt),
  ];
  if (filter.q) {
    conditions.push(sql`instr(lower(${qrcodes.name}), lower(${filter.q})) > 0`);
  }
  if (filter.groupId === "none") conditions.push(isNull(qrcodes.groupId));
  else if (filter.groupId) conditions.push(eq(qrcodes.groupId, filter.groupId));
  if (filter.kind) conditions.push(eq(qrcodes.kind, filter.kind));
  if (filter.status) conditions.push(statusWhere(filter.status, now));
  return and(...conditions) ?? sql`1`;
}

function statusWhere(status: NonNullable<QrCodeFilter["status"]>, now: number): SQL | undefined {
  const live = eq(qrcodes.status, "active");
  const temporary = eq(qrcodes.kind, "temporary");
  switch (status) {
    case "archived":
      return eq(qrcodes.status, "archived");
    case "expired":
      return and(live, temporary, lte(qrcodes.expiresAt, now));
    case "expiring":
      return and(
        live,
        temporary,
        gt(qrcodes.expiresAt, now),
        lte(qrcodes.expiresAt, now + EXPIRING_WITHIN_MS),
      );
    case "active":
      return and(live, sql`(${qrcodes.kind} = 'permanent' or ${qrcodes.expiresAt} > ${now})`);
  }
}

const scannersOf = sql`(select count(*) from ${qrcodeFans} where ${qrcodeFans.qrcodeId} = ${qrcodes.id})`;
const newFollowersOf = sql`(select count(*) from ${qrcodeFans} where ${qrcodeFans.qrcodeId} = ${qrcodes.id} and ${qrcodeFans.isNewFollower} = 1)`;

function sortColumn(sort: QrSort): SQL | typeof qrcodes.name {
  switch (sort) {
    case "name":
      return qrcodes.name;
    case "expiresAt":
      return sql`coalesce(${qrcodes.expiresAt}, 9007199254740991)`;
    case "scanners":
      return scannersOf;
    case "newFollowers":
      return newFollowersOf;
    case "createdAt":
      return sql`${qrcodes.createdAt}`;
  }
}

/** One page of the account's codes, with each code's group name and numbers. */
export async function listQrCodes(db: Db, accountId: string, query: ListQrCodesQuery) {
  const where = qrCodeFilterWhere(accountId, query);
  const direction = query.order === "asc" ? asc : desc;
  const [rows, totals] = await Promise.all([
    db
      .select({ row: qrcodes, groupName: qrGroups.name })
      .from(qrcodes)
      .leftJoin(qrGroups, eq(qrGroups.id, qrcodes.groupId))
      .where(where)
      .orderBy(direction(sortColumn(query.sort)), direction(qrcodes.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(qrcodes).where(where),
  ]);
  const numbers = await getCodeNumbers(
    db,
    accountId,
    rows.map((r) => r.row.id),
  );
  const items: ListedQrCode[] = rows.map((r) => ({
    row: r.row,
    groupName: r.groupName,
    numbers: numbers.get(r.row.id) ?? null,
  }));
  return { items, total: totals[0]?.n ?? 0 };
}
