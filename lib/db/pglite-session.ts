import type { PGlite, Transaction } from "@electric-sql/pglite";

/**
 * Direct access to an embedded PGlite for bulk writes, past Prisma's query pipeline (which
 * costs more per row than the insert itself) and with COPY, which PGlite reads from a blob.
 *
 * PGlite has one connection and runs one transaction at a time, so the transaction Prisma
 * has open while a `$transaction` callback runs is that callback's own: the session
 * records it as the adapter opens it, and `bindOpenTransaction` hands it to the callback.
 */
export class PgliteSession {
  private open: Transaction | undefined;
  /** The client to give Prisma's adapter: the same database, with its transactions tracked. */
  readonly adapterClient: PGlite;

  constructor(private readonly client: PGlite) {
    this.adapterClient = new Proxy(client, {
      get: (target, prop) => {
        if (prop === "transaction") return this.trackedTransaction;
        const value = Reflect.get(target, prop, target);
        // PGlite keeps its state in private fields: methods must run on the instance itself.
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  }

  private readonly trackedTransaction = <T>(fn: (tx: Transaction) => Promise<T>) =>
    this.client.transaction(async (tx) => {
      this.open = tx;
      try {
        return await fn(tx);
      } finally {
        if (this.open === tx) this.open = undefined;
      }
    });

  /** Maintenance outside any transaction: VACUUM cannot run inside one. */
  private readonly vacuumAnalyze = async (tables: string[]) => void (await this.client.exec(`VACUUM (ANALYZE) ${tables.map((t) => `"${t}"`).join(", ")}`));

  /**
   * Statements each in a transaction of its own that first runs `prelude` (a tenant's entry
   * for row-level security); maintenance (VACUUM) stays outside, as it cannot run in one.
   */
  enclosed(prelude: { sql: string; params: unknown[] }): DirectSql {
    const inTransaction = <T>(work: (sql: DirectSql) => Promise<T>) =>
      this.trackedTransaction(async (tx) => {
        await tx.query(prelude.sql, prelude.params);
        return work(statementsOn(() => tx));
      });
    return {
      query: <T>(sql: string, params: unknown[]) => inTransaction((bound) => bound.query<T>(sql, params)),
      copyFrom: (target: string, csv: string) => inTransaction((bound) => bound.copyFrom(target, csv)),
      atomically: inTransaction,
      vacuumAnalyze: this.vacuumAnalyze,
    };
  }

  /**
   * Statements in the transaction open now: call at the start of a `$transaction` callback.
   * Each use checks the transaction is still the open one, so a callback that outlives its
   * transaction (a timeout rolled it back) fails instead of writing into the next one.
   */
  bindOpenTransaction(): DirectSql {
    const tx = this.open;
    if (!tx) throw new Error("No PGlite transaction is open");
    return statementsOn(() => {
      if (this.open !== tx || tx.closed) throw new Error("Transaction already closed");
      return tx;
    });
  }
}

/** PGlite reads a COPY's rows from the blob passed with the query. */
const copyFromBlob = (target: string) => `COPY ${target} FROM '/dev/blob' WITH (FORMAT csv)`;

/** Statements inside one transaction, which `current` hands out (or refuses once it closed). */
function statementsOn(current: () => Transaction): DirectSql {
  const bound: DirectSql = {
    query: async <T>(sql: string, params: unknown[]) => (await current().query<T>(sql, params)).rows,
    copyFrom: async (target: string, csv: string) => void (await current().query(copyFromBlob(target), [], { blob: new Blob([csv]) })),
    atomically: (work) => work(bound),
  };
  return bound;
}

/** Raw statements for lib/db/bulk.ts, bound to a connection or a transaction. */
export interface DirectSql {
  query<T>(sql: string, params: unknown[]): Promise<T[]>;
  /** Copies `csv` (CSV rows) into `target` ("table (col, ...)") with COPY. */
  copyFrom(target: string, csv: string): Promise<void>;
  /** Runs `work` with statements that share one transaction (this one, when already inside one). */
  atomically<T>(work: (sql: DirectSql) => Promise<T>): Promise<T>;
  /**
   * Refreshes the planner's statistics and the visibility map (which index-only scans need)
   * of tables that took many rows. PGlite runs no autovacuum, so it is done here; PostgreSQL
   * gets an ANALYZE and leaves the rest to autovacuum.
   */
  vacuumAnalyze?(tables: string[]): Promise<void>;
}

// On globalThis: a Next.js server bundles this module more than once (instrumentation, pages),
// and a client opened through one copy is looked up through another.
const sessions = ((globalThis as { [key: symbol]: unknown })[Symbol.for("dealflow.pgliteSessions")] ??=
  new WeakMap<object, PgliteSession>()) as WeakMap<object, PgliteSession>;

export function attachPgliteSession(prisma: object, session: PgliteSession): void {
  sessions.set(prisma, session);
}

/** The session of a client opened on PGlite; undefined on PostgreSQL. */
export function pgliteSessionOf(prisma: object): PgliteSession | undefined {
  return sessions.get(prisma);
}
