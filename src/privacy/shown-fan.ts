import { sql } from "drizzle-orm";
import { fans } from "../db/schema";

/**
 * A fan's openid as the API shows it: empty once the fan was erased, whose
 * stored openid is only a placeholder (src/privacy/erase-fan.ts). For a left
 * join that found no fan, null (typed as the inner joins see it).
 */
export const shownOpenid = sql<string>`case when ${fans.erasedAt} is null then ${fans.openid} else '' end`;

/** Whether the joined fan was erased; false when the join found none. */
export const fanErased = sql<boolean>`${fans.erasedAt} is not null`.mapWith(Boolean);
