import type { PrismaClient } from "@/generated/prisma/client";
import { logger } from "@/lib/observability/logger";
import type { BulkSql } from "./bulk";
import { tenantOwnedModels } from "./models";
import { pgliteSessionOf, type DirectSql, type PgliteSession } from "./pglite-session";
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

function buildScopedClient(prisma: PrismaClient, tenantId: string) {
  const owned = new Set(tenantOwnedModels(prisma));
  return prisma.$extends({
    name: "tenant-scope",
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          if (model === "Tenant") return query(scopeTenantArgs(operation, args, tenantId) as typeof args);
          if (!owned.has(model)) throw new Error(`${model} is not tenant-owned and not reachable through a tenant client`);
          return query(scopeArgs(operation, (args ?? {}) as Record<string, unknown>, tenantId) as typeof args);
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

/** Where a scoped client's bulk statements go: straight to PGlite, or through Prisma's raw query. */
function bulkSqlOf(obj: object, receiver: unknown, session: PgliteSession | undefined, inTransaction: boolean): DirectSql {
  if (session) return inTransaction ? session.bindOpenTransaction() : session.direct;
  const query = Reflect.get(obj, "$queryRawUnsafe", receiver) as (sql: string, ...params: unknown[]) => Promise<unknown[]>;
  return { inTransaction, query: async <T>(sql: string, params: unknown[]) => (await query.call(obj, sql, ...params)) as T[] };
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
  session: PgliteSession | undefined,
  inTransaction = false,
  afterCommit?: (callback: () => void) => void,
): T {
  // Bound when the transaction's callback starts, while its transaction is the open one.
  let transactionSql: DirectSql | undefined;
  return new Proxy(target, {
    get(obj, prop, receiver) {
      if (prop === "tenantId") return tenantId;
      if (prop === "afterCommit") return afterCommit;
      if (prop === BULK_SQL) {
        const sql = inTransaction ? (transactionSql ??= bulkSqlOf(obj, receiver, session, true)) : bulkSqlOf(obj, receiver, session, false);
        return { dataModel, sql } as BulkSql;
      }
      if (typeof prop === "string" && UNREACHABLE.has(prop)) return undefined;
      if (prop === "$transaction") {
        const transaction = Reflect.get(obj, prop, receiver) as (...args: unknown[]) => Promise<unknown>;
        return (fn: unknown, options?: unknown) => {
          if (typeof fn !== "function") throw new Error("Only interactive transactions are available on a tenant client");
          // Collected per transaction and run only once it resolved: a rejection means it rolled back.
          const committed = new Set<() => void>();
          return transaction.call(obj, (tx: object) => {
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
  return hideRaw(buildScopedClient(prisma, tenantId), tenantId, dataModel, pgliteSessionOf(prisma)) as unknown as TenantDb;
}
