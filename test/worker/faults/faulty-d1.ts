/**
 * A D1 binding that fails on purpose. Every statement goes to the real
 * database, except that the ones a fault matches throw D1's transient error
 * instead, for a set number of times:
 *   - `before`: the statement (or the whole batch) never reaches D1, as when
 *     the connection drops on the way;
 *   - `after`: D1 runs and commits it, then the answer is lost on the way back.
 * A batch fails as a whole when any of its statements matches.
 */
export type D1Fault = {
  /** Tested against each statement's SQL, as drizzle or the code wrote it. */
  match: RegExp;
  times: number;
  when?: "before" | "after";
  /** Matching statements let through before the fault starts firing. */
  skip?: number;
};

export type FaultyD1 = {
  db: D1Database;
  /** How many times each fault fired, in the order given. */
  fired: number[];
};

export const TRANSIENT_D1_ERROR = "D1_ERROR: Network connection lost.";

type Plan = { faults: D1Fault[]; fired: number[]; skipped: number[] };

function take(plan: Plan, sqls: string[]): D1Fault | null {
  for (const [i, fault] of plan.faults.entries()) {
    const fired = plan.fired[i] ?? 0;
    if (fired >= fault.times || !sqls.some((s) => fault.match.test(s))) continue;
    const skipped = plan.skipped[i] ?? 0;
    if (skipped < (fault.skip ?? 0)) {
      plan.skipped[i] = skipped + 1;
      continue;
    }
    plan.fired[i] = fired + 1;
    return fault;
  }
  return null;
}

async function guarded<T>(plan: Plan, sqls: string[], run: () => Promise<T>): Promise<T> {
  const fault = take(plan, sqls);
  if (!fault) return run();
  if (fault.when === "after") await run();
  throw new Error(TRANSIENT_D1_ERROR);
}

class FaultyStatement {
  constructor(
    readonly real: D1PreparedStatement,
    readonly sql: string,
    private readonly plan: Plan,
  ) {}

  bind(...values: unknown[]) {
    return new FaultyStatement(this.real.bind(...values), this.sql, this.plan);
  }
  run() {
    return guarded(this.plan, [this.sql], () => this.real.run());
  }
  all() {
    return guarded(this.plan, [this.sql], () => this.real.all());
  }
  first(column?: string) {
    return guarded(this.plan, [this.sql], () =>
      column === undefined ? this.real.first() : this.real.first(column),
    );
  }
  raw(options?: { columnNames?: boolean }) {
    return guarded(this.plan, [this.sql], () =>
      options?.columnNames ? this.real.raw({ columnNames: true }) : this.real.raw(),
    );
  }
}

export function faultyD1(real: D1Database, faults: D1Fault[]): FaultyD1 {
  const plan: Plan = { faults, fired: faults.map(() => 0), skipped: faults.map(() => 0) };
  const db = {
    prepare: (sql: string) => new FaultyStatement(real.prepare(sql), sql, plan),
    batch: (statements: (FaultyStatement | D1PreparedStatement)[]) => {
      const wrapped = statements.map((s) => (s instanceof FaultyStatement ? s : null));
      const sqls = wrapped.map((s) => s?.sql ?? "");
      const reals = statements.map((s, i) => wrapped[i]?.real ?? (s as D1PreparedStatement));
      return guarded(plan, sqls, () => real.batch(reals));
    },
    exec: (sql: string) => guarded(plan, [sql], () => real.exec(sql)),
    withSession: () => db,
    dump: () => real.dump(),
  };
  return { db: db as unknown as D1Database, fired: plan.fired };
}
