import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/client";
import { fanTags } from "../db/schema";
import { namedStatement, type SqlValue } from "../scans/named-statement";
import { type DayRange, FIRST_DAY, getCodeNumbers, LAST_DAY, ZERO_NUMBERS } from "./code-numbers";

export type FanSegment = "all" | "new" | "old";

export type ListCodeFansOptions = DayRange & {
  segment: FanSegment;
  page: number;
  pageSize: number;
};

export type CodeFan = {
  fanId: string;
  /** Empty for an erased fan, whose stored openid is only a placeholder. */
  openid: string;
  erased: boolean;
  remark: string;
  contact: { id: string; name: string } | null;
  firstScanAt: number;
  lastScanAt: number;
  scanCount: number;
  isNewFollower: boolean;
  following: boolean;
  followedAt: number | null;
  followCount: number;
  unfollowCount: number;
  unfollowedAt: number | null;
  tags: { id: number; name: string }[];
};

type FanRow = {
  fan_id: string;
  openid: string;
  erased_at: number | null;
  remark: string;
  following: number;
  last_followed_at: number | null;
  follow_count: number;
  unfollow_count: number;
  wechat_tag_ids: string;
  contact_id: string | null;
  contact_name: string | null;
  first_scan_at: number;
  last_scan_at: number;
  scan_count: number;
  unfollowed_at: number | null;
  is_new: number;
};

const COLUMNS = `qf.fan_id, f.openid, f.erased_at, f.remark, f.following, f.last_followed_at, f.follow_count,
  f.unfollow_count, f.wechat_tag_ids, f.contact_id, ct.name AS contact_name, qf.first_scan_at,
  qf.last_scan_at, qf.scan_count, qf.unfollowed_at`;

/**
 * The query behind the fan list and the fan export: the code-fan aggregate,
 * with a range only the fans with a scan day in it (one row per scanner, as
 * in the numbers). `keyset` pages by
 * (lastScanAt desc, fanId) for exports; `offset` for the console's pages.
 */
export function codeFansQuery(
  d1: D1Database,
  accountId: string,
  qrcodeId: string,
  options: DayRange & { segment: FanSegment },
  page: { limit: number; offset?: number; after?: { lastScanAt: number; fanId: string } },
): D1PreparedStatement {
  const ranged = options.from !== undefined || options.to !== undefined;
  const followInRange = `EXISTS (SELECT 1 FROM qrcode_fan_days g WHERE g.qrcode_id = :code
    AND g.fan_id = qf.fan_id AND g.day BETWEEN :from AND :to AND g.followed_at IS NOT NULL)`;
  const isNew = ranged ? followInRange : "qf.is_new_follower";
  // Walking the code's fans by latest scan (an index) and keeping those with a day in the
  // range finds a page without sorting every scanner of the range first.
  const scannedInRange = `EXISTS (SELECT 1 FROM qrcode_fan_days d WHERE d.qrcode_id = :code
    AND d.fan_id = qf.fan_id AND d.day BETWEEN :from AND :to)`;
  const where = ["qf.qrcode_id = :code", "qf.account_id = :acc"];
  if (ranged) where.push(scannedInRange);
  if (options.segment !== "all")
    where.push(`${options.segment === "new" ? "" : "NOT "}(${isNew}) = 1`);
  if (page.after) {
    where.push(
      "(qf.last_scan_at < :afterAt OR (qf.last_scan_at = :afterAt AND qf.fan_id > :afterFan))",
    );
  }
  const params: Record<string, SqlValue> = {
    code: qrcodeId,
    acc: accountId,
    from: options.from ?? FIRST_DAY,
    to: options.to ?? LAST_DAY,
    limit: page.limit,
    offset: page.offset ?? 0,
    afterAt: page.after?.lastScanAt ?? 0,
    afterFan: page.after?.fanId ?? "",
  };
  return namedStatement(
    d1,
    `SELECT ${COLUMNS}, ${isNew} AS is_new FROM qrcode_fans qf
     JOIN fans f ON f.id = qf.fan_id LEFT JOIN contacts ct ON ct.id = f.contact_id
     WHERE ${where.join(" AND ")}
     ORDER BY qf.last_scan_at DESC, qf.fan_id LIMIT :limit OFFSET :offset`,
    params,
  );
}

export async function readCodeFans(
  db: Db,
  accountId: string,
  statement: D1PreparedStatement,
): Promise<CodeFan[]> {
  const rows = (await statement.all<FanRow>()).results;
  const tagIds = [...new Set(rows.flatMap((r) => parseTagIds(r.wechat_tag_ids)))];
  const names = new Map<number, string>();
  if (tagIds.length > 0) {
    const tags = await db
      .select({ id: fanTags.wechatTagId, name: fanTags.name })
      .from(fanTags)
      .where(
        and(eq(fanTags.accountId, accountId), inArray(fanTags.wechatTagId, tagIds.slice(0, 99))),
      );
    for (const t of tags) names.set(t.id, t.name);
  }
  return rows.map((r) => presentRow(r, names));
}

function parseTagIds(json: string): number[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is number => typeof v === "number") : [];
  } catch {
    return [];
  }
}

function presentRow(r: FanRow, names: Map<number, string>): CodeFan {
  return {
    fanId: r.fan_id,
    openid: r.erased_at === null ? r.openid : "",
    erased: r.erased_at !== null,
    remark: r.remark,
    contact: r.contact_id ? { id: r.contact_id, name: r.contact_name ?? "" } : null,
    firstScanAt: r.first_scan_at,
    lastScanAt: r.last_scan_at,
    scanCount: r.scan_count,
    isNewFollower: r.is_new === 1,
    following: r.following === 1,
    followedAt: r.last_followed_at,
    followCount: r.follow_count,
    unfollowCount: r.unfollow_count,
    unfollowedAt: r.unfollowed_at,
    tags: parseTagIds(r.wechat_tag_ids).map((id) => ({ id, name: names.get(id) ?? String(id) })),
  };
}

/** One page of a code's fans; the total is the matching number of the code. */
export async function listCodeFans(
  db: Db,
  d1: D1Database,
  accountId: string,
  qrcodeId: string,
  options: ListCodeFansOptions,
) {
  const statement = codeFansQuery(d1, accountId, qrcodeId, options, {
    limit: options.pageSize,
    offset: (options.page - 1) * options.pageSize,
  });
  const [fans, numbers] = await Promise.all([
    readCodeFans(db, accountId, statement),
    getCodeNumbers(db, accountId, [qrcodeId], options),
  ]);
  const n = numbers.get(qrcodeId) ?? ZERO_NUMBERS;
  const total = { all: n.scanners, new: n.newFollowers, old: n.oldFans }[options.segment];
  return { fans, total, page: options.page, pageSize: options.pageSize };
}
