import { type Column, type SQL, sql } from "drizzle-orm";

/**
 * `column IN (…)` with the values bound as one JSON parameter: D1 allows at
 * most 100 bound parameters per statement, and id lists can be longer.
 */
export function inJsonList(column: Column, values: readonly (string | number)[]): SQL {
  return sql`${column} in (select value from json_each(${JSON.stringify(values)}))`;
}
