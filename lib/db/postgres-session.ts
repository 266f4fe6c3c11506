import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFromStdin } from "pg-copy-streams";
import type { DirectSql } from "./pglite-session";

/**
 * Direct access to PostgreSQL for bulk writes, past Prisma's query pipeline (which costs more
 * Node CPU per row than the server spends inserting it) and with `COPY ... FROM STDIN`.
 *
 * Inside an interactive `$transaction` the rows must go down the connection Prisma's
 * transaction holds. Prisma does not expose it, so the transaction names itself: it sends
 * BIND_CONNECTION_SQL with a fresh token, and the pool's connections, which watch for that
 * statement, register under the token. The lease ends when the pool gets the connection back
 * (commit, rollback, timeout), and every later use of it then fails instead of writing into
 * whatever transaction the connection serves next.
 */
export const BIND_CONNECTION_SQL = "SELECT $1::text AS dealflow_bind_connection";

interface Lease {
  client: pg.PoolClient;
  token: string;
}

export class PostgresSession {
  private readonly byToken = new Map<string, pg.PoolClient>();
  private readonly leaseOf = new WeakMap<pg.PoolClient, string>();

  constructor(private readonly pool: pg.Pool) {
    pool.on("connect", (client) => this.watch(client));
    pool.on("release", (_error: unknown, client: pg.PoolClient) => {
      const token = this.leaseOf.get(client);
      if (token !== undefined) this.byToken.delete(token);
      this.leaseOf.delete(client);
    });
  }

  private watch(client: pg.PoolClient) {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const config = args[0] as { text?: unknown; values?: unknown[] } | undefined;
      if (config && typeof config === "object" && config.text === BIND_CONNECTION_SQL) {
        const token = String((args[1] as unknown[] | undefined)?.[0] ?? config.values?.[0]);
        this.byToken.set(token, client);
        this.leaseOf.set(client, token);
      }
      return query(...args);
    };
  }

  /**
   * Statements on the connection of the transaction open in `runRaw` (a transaction client's
   * `$queryRawUnsafe`), found on first use.
   */
  transactionStatements(runRaw: (sql: string, ...params: unknown[]) => Promise<unknown>): DirectSql {
    let lease: Promise<Lease> | undefined;
    const current = async (): Promise<pg.PoolClient> => {
      lease ??= (async () => {
        const token = randomUUID();
        await runRaw(BIND_CONNECTION_SQL, token);
        const client = this.byToken.get(token);
        if (!client) throw new Error("The transaction's connection could not be found");
        return { client, token };
      })();
      const { client, token } = await lease;
      if (this.leaseOf.get(client) !== token) throw new Error("Transaction already closed");
      return client;
    };
    return statementsOn(current);
  }

  /** Work in a transaction of its own on a pooled connection, which first runs `prelude`. */
  enclosed(prelude: { sql: string; params: unknown[] }): DirectSql {
    const inTransaction = async <T>(work: (sql: DirectSql) => Promise<T>): Promise<T> => {
      const client = await this.pool.connect();
      let failed: unknown;
      try {
        await client.query("BEGIN");
        await client.query(prelude.sql, prelude.params);
        const result = await work(statementsOn(async () => client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        failed = error;
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release(failed instanceof Error && isConnectionError(failed) ? failed : undefined);
      }
    };
    return {
      query: (sql, params) => inTransaction((bound) => bound.query(sql, params)),
      copyFrom: (target, csv) => inTransaction((bound) => bound.copyFrom(target, csv)),
      atomically: inTransaction,
      vacuumAnalyze: (tables) => this.analyze(tables),
    };
  }

  /**
   * Statistics for the planner after a bulk load. Autovacuum would get there in its own
   * time; a Prospects query planned on stale counts in between can pick a scan 100x slower.
   */
  async analyze(tables: string[]): Promise<void> {
    await this.pool.query(`ANALYZE ${tables.map((t) => `"${t}"`).join(", ")}`);
  }
}

function isConnectionError(error: Error): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code !== "string" || code.startsWith("08") || code.startsWith("57");
}

function statementsOn(current: () => Promise<pg.PoolClient>): DirectSql {
  const bound: DirectSql = {
    query: async <T>(sql: string, params: unknown[]) => (await (await current()).query(sql, params)).rows as T[],
    copyFrom: async (target: string, csv: string) => {
      const client = await current();
      await pipeline(Readable.from([csv]), client.query(copyFromStdin(`COPY ${target} FROM STDIN WITH (FORMAT csv)`)));
    },
    atomically: (work) => work(bound),
  };
  return bound;
}

// On globalThis: a Next.js server bundles this module more than once (instrumentation, pages),
// and a client opened through one copy is looked up through another.
const sessions = ((globalThis as { [key: symbol]: unknown })[Symbol.for("dealflow.postgresSessions")] ??=
  new WeakMap<object, PostgresSession>()) as WeakMap<object, PostgresSession>;

export function attachPostgresSession(prisma: object, session: PostgresSession): void {
  sessions.set(prisma, session);
}

/** The session of a client opened on PostgreSQL; undefined on PGlite. */
export function postgresSessionOf(prisma: object): PostgresSession | undefined {
  return sessions.get(prisma);
}
