// An env whose D1 and queue bindings count the calls made through them, for benchmarks that
// need to say how many round trips an operation costs: local D1 answers in-process, a deployed
// Worker pays network time for each of these.
import { env } from "cloudflare:workers";

export type Calls = { d1: number; queue: number };

type Method = (...args: unknown[]) => unknown;

/** Statements run alone (first, all, run, raw) and batches count one D1 call each. */
export function countingEnv(calls: Calls): Env {
  const real = new WeakMap<D1PreparedStatement, D1PreparedStatement>();
  const statement = (s: D1PreparedStatement): D1PreparedStatement => {
    const counted = new Proxy(s, {
      get(target, key) {
        if (key === "bind") return (...values: unknown[]) => statement(target.bind(...values));
        const value = Reflect.get(target, key);
        if (key === "first" || key === "all" || key === "run" || key === "raw")
          return (...args: unknown[]) => {
            calls.d1++;
            return (value as Method).apply(target, args);
          };
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    real.set(counted, s);
    return counted;
  };
  const db = new Proxy(env.DB, {
    get(target, key) {
      if (key === "prepare") return (sql: string) => statement(target.prepare(sql));
      if (key === "batch")
        return (list: D1PreparedStatement[]) => {
          calls.d1++;
          return target.batch(list.map((s) => real.get(s) ?? s));
        };
      const value = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  const jobs = new Proxy(env.JOBS, {
    get(target, key) {
      const value = Reflect.get(target, key);
      if (key === "send" || key === "sendBatch")
        return (...args: unknown[]) => {
          calls.queue++;
          return (value as Method).apply(target, args);
        };
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return new Proxy(env, {
    get: (target, key) => (key === "DB" ? db : key === "JOBS" ? jobs : Reflect.get(target, key)),
  });
}
