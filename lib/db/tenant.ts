import type { PrismaClient } from "@/generated/prisma/client";
import { logger } from "@/lib/observability/logger";
import type { BulkSql } from "./bulk";
import { tenantOwnedModels } from "./models";
import { pgliteSessionOf, type DirectSql, type PgliteSession } from "./pglite-session";
import { postgresSessionOf, type PostgresSession } from "./postgres-session";
import type { WithStampedCreates } from "./stamped-inputs";

const FILTERED_OPERATIONS = new Set([
  "findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany",
  "count", "aggregate", "groupBy", "update", "updateMany", "updateManyAndReturn",
  "delete", "deleteMany", "upsert",
]);
const STAMPED_OPERATIONS = new Set(["create", "createMany", "createManyAndReturn", "upsert"]);

// Raw SQL bypasses the tenant filter, so the scoped client does not offer it.
const UNREACHABLE = new Set([
  "$queryRaw", "$queryRawUnsafe", "$executeRaw", "$executeRawUnsafe", "$runCommandRaw", "$extends",
  "$connect", "$disconnect",
]);

function withTenant<T>(data: T, tenantId: string): T {
  if (Array.isArray(data)) return data.map((row) => withTenant(row, tenantId)) as T;
  const row = data as Record<string, unknown>;
  if (row.tenantId !== undefined && row.tenantId !== tenantId) {
    throw new Error(`Refusing to write a row for another tenant (${String(row.tenantId)})`);
  }
  return { ...row, tenantId } as T;
}

function scopeArgs(operation: string, args: Record<string, unknown>, tenantId: string) {
  const next: Record<string, unknown> = { ...args };
  if (FILTERED_OPERATIONS.has(operation)) {
    next.where = { ...(args.where as object | undefined), tenantId };
  }
  if (STAMPED_OPERATIONS.has(operation)) {
    if (operation === "upsert") next.create = withTenant(args.create, tenantId);
    else next.data = withTenant(args.data, tenantId);
  }
  if (operation.startsWith("update") || operation === "upsert") {
    const data = (operation === "upsert" ? args.update : args.data) as Record<string, unknown> | undefined;
    if (data && "tenantId" in data && data.tenantId !== tenantId) {
      throw new Error("A row cannot be moved to another tenant");
    }
  }
  return next;
}

const TENANT_READS_AND_UPDATES = new Set(["findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "update"]);

/** The tenant's own row is readable and updatable; no other tenant row is reachable. */
function scopeTenantArgs(operation: string, args: unknown, tenantId: string) {
  if (!TENANT_READS_AND_UPDATES.has(operation)) throw new Error(`Tenant.${operation} is not available on a tenant client`);
  const next = { ...(args as Record<string, unknown>) };
  // Keep the caller's filter (which may name another id) AND-ed with the own id.
  next.where = { id: tenantId, AND: [next.where ?? {}] };
  return next;
}

/** The role a tenant's queries run as: neither superuser nor owner, so row-level security binds it. */
export const TENANT_ROLE = "dealflow_app";

/**
 * Opens a tenant's turn in the database for the rest of the transaction: the role that
 * row-level security binds and the tenant its policies compare with (migration
 * 20261206120000_row_level_security). Transaction-local, so a pooled connection goes back clean.
 */
export const ENTER_TENANT_SQL =
  "SELECT set_config('role', $2, true), set_config('app.tenant_id', $1, true), set_config('app.rls_bypass', 'off', true)";

/**
 * The tenant filter as a query extension. Inside an interactive transaction (`inTransaction`)
 * the transaction has already entered the tenant; a query on its own is wrapped in a short
 * transaction that enters it first, so row-level security sees the tenant on every query.
 */
function buildScopedClient(prisma: PrismaClient, tenantId: string, inTransaction: boolean) {
  const owned = new Set(tenantOwnedModels(prisma));
  const run = <T>(query: T) =>
    inTransaction
      ? query
      : prisma.$transaction([prisma.$queryRawUnsafe(ENTER_TENANT_SQL, tenantId, TENANT_ROLE), query as never]).then((results) => results[1] as T);
  return prisma.$extends({
    name: "tenant-scope",
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          if (model === "Tenant") return run(query(scopeTenantArgs(operation, args, tenantId) as typeof args));
          if (!owned.has(model)) throw new Error(`${model} is not tenant-owned and not reachable through a tenant client`);
          return run(query(scopeArgs(operation, (args ?? {}) as Record<string, unknown>, tenantId) as typeof args));
        },
      },
    },
  });
}

type ExtendedClient = ReturnType<typeof buildScopedClient>;
type RawMember = "$queryRaw" | "$queryRawUnsafe" | "$executeRaw" | "$executeRawUnsafe" | "$extends" | "$connect" | "$disconnect";
export type TenantTransaction = WithStampedCreates<Omit<Parameters<Parameters<ExtendedClient["$transaction"]>[0]>[0], RawMember>> & {
  readonly tenantId: string;
  /**
   * Runs `callback` once this transaction has committed, never when it rolls back; the same
   * callback registered twice runs once. Its errors are logged, not thrown: the commit stands.
   */
  afterCommit(callback: () => void): void;
};
export type TenantDb = WithStampedCreates<Omit<ExtendedClient, RawMember | "$transaction">> & {
  readonly tenantId: string;
  $transaction<R>(
    fn: (tx: TenantTransaction) => Promise<R>,
    options?: { timeout?: number; isolationLevel?: "ReadCommitted" | "RepeatableRead" | "Serializable" },
  ): Promise<R>;
};

/**
 * The one raw-SQL door of a scoped client, for lib/db/bulk.ts alone: it builds INSERTs that
 * stamp this client's tenant on every row. A symbol, so no string property reaches it.
 */
export const BULK_SQL = Symbol("dealflow.bulkSql");

/**
 * Where a scoped client's bulk statements go: straight to PGlite, or down a PostgreSQL
 * connection (the transaction's own inside one). Outside a transaction each statement gets
 * one that enters the tenant first, so row-level security holds for bulk writes as for every
 * other query.
 */
function bulkSqlOf(obj: object, receiver: unknown, session: DatabaseSession, inTransaction: boolean, tenantId: string): DirectSql {
  const enter = { sql: ENTER_TENANT_SQL, params: [tenantId, TENANT_ROLE] };
  // By shape, not instanceof: a Next.js server may hold more than one copy of the session classes.
  if ("bindOpenTransaction" in session) return inTransaction ? session.bindOpenTransaction() : session.enclosed(enter);
  if (!inTransaction) return session.enclosed(enter);
  const raw = Reflect.get(obj, "$queryRawUnsafe", receiver) as (sql: string, ...params: unknown[]) => Promise<unknown>;
  return session.transactionStatements((sql, ...params) => raw.call(obj, sql, ...params));
}

type DatabaseSession = PgliteSession | PostgresSession;

function sessionOf(prisma: object): DatabaseSession {
  const pglite = pgliteSessionOf(prisma);
  if (pglite) return pglite;
  const postgres = postgresSessionOf(prisma);
  if (!postgres) throw new Error("The client was not opened by lib/db/client.ts");
  return postgres;
}

/** Runs what a committed transaction scheduled; the transaction's result stands whatever they do. */
function runCommitted(callbacks: Iterable<() => void>) {
  for (const callback of callbacks) {
    try {
      callback();
    } catch (error) {
      logger.warn({ err: error }, "an after-commit callback failed");
    }
  }
}

function hideRaw<T extends object>(
  target: T,
  tenantId: string,
  dataModel: unknown,
  session: DatabaseSession,
  inTransaction = false,
  afterCommit?: (callback: () => void) => void,
  transactionSource?: object,
): T {
  // Bound when the transaction's callback starts, while its transaction is the open one.
  let transactionSql: DirectSql | undefined;
  return new Proxy(target, {
    get(obj, prop, receiver) {
      if (prop === "tenantId") return tenantId;
      if (prop === "afterCommit") return afterCommit;
      if (prop === BULK_SQL) {
        const sql = inTransaction
          ? (transactionSql ??= bulkSqlOf(obj, receiver, session, true, tenantId))
          : bulkSqlOf(obj, receiver, session, false, tenantId);
        return { dataModel, sql } as BulkSql;
      }
      if (typeof prop === "string" && UNREACHABLE.has(prop)) return undefined;
      if (prop === "$transaction") {
        const source = transactionSource ?? obj;
        const transaction = Reflect.get(source, prop) as (...args: unknown[]) => Promise<unknown>;
        return (fn: unknown, options?: unknown) => {
          if (typeof fn !== "function") throw new Error("Only interactive transactions are available on a tenant client");
          // Collected per transaction and run only once it resolved: a rejection means it rolled back.
          const committed = new Set<() => void>();
          return transaction.call(source, async (tx: object) => {
            const enter = Reflect.get(tx, "$queryRawUnsafe") as (sql: string, ...params: unknown[]) => Promise<unknown>;
            await enter.call(tx, ENTER_TENANT_SQL, tenantId, TENANT_ROLE);
            const scoped = hideRaw(tx, tenantId, dataModel, session, true, (callback) => void committed.add(callback));
            // Bind the bulk path now: later in the callback another transaction may be open.
            void (scoped as Record<symbol, unknown>)[BULK_SQL];
            return fn(scoped);
          }, options).then((result) => {
            runCommitted(committed);
            return result;
          });
        };
      }
      return Reflect.get(obj, prop, receiver);
    },
    has(obj, prop) {
      if (prop === "afterCommit") return afterCommit !== undefined;
      return !(typeof prop === "string" && UNREACHABLE.has(prop)) && Reflect.has(obj, prop);
    },
  });
}

/**
 * A client whose every query on a tenant-owned model is filtered by `tenantId` and whose
 * every create is stamped with it. The tenant's own Tenant row can be read and updated;
 * global models (User, LoginAttempt) are refused: they belong to lib/auth, which uses the
 * root client.
 */
export function scopeToTenant(prisma: PrismaClient, tenantId: string): TenantDb {
  if (!tenantId) throw new Error("A tenant id is required");
  const dataModel = (prisma as unknown as { _runtimeDataModel: unknown })._runtimeDataModel;
  const queries = buildScopedClient(prisma, tenantId, false);
  const transactions = buildScopedClient(prisma, tenantId, true);
  return hideRaw(queries, tenantId, dataModel, sessionOf(prisma), false, undefined, transactions) as unknown as TenantDb;
}

/** True for the client of an open transaction (it can defer work until the commit). */
export function isTenantTransaction(db: TenantDb | TenantTransaction): db is TenantTransaction {
  return typeof (db as Partial<TenantTransaction>).afterCommit === "function";
}
