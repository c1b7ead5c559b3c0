export type SqlValue = string | number | null;

/**
 * A D1 statement written with `:name` parameters, bound as numbered `?N`
 * so one value can appear several times and still count once against D1's
 * 100-parameter limit. The event SQL reads far better this way than with
 * positional `?`.
 */
export function namedStatement(
  d1: D1Database,
  sql: string,
  params: Readonly<Record<string, SqlValue | undefined>>,
): D1PreparedStatement {
  const order: string[] = [];
  const text = sql.replace(/:([a-zA-Z]\w*)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`missing sql parameter ${name}`);
    let index = order.indexOf(name);
    if (index < 0) index = order.push(name) - 1;
    return `?${index + 1}`;
  });
  return d1.prepare(text).bind(...order.map((name) => params[name] ?? null));
}
