/**
 * The buckets live in one global table so every server process shares them. A take is a
 * single INSERT ... ON CONFLICT DO UPDATE that refills, decides and takes atomically under
 * the row's lock: two processes taking from one bucket at once are serialized by
 * PostgreSQL, never both granted the last token. The arithmetic mirrors takeToken
 * (bucket.ts) operation for operation, in double precision like JavaScript's numbers.
 */
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { getPrisma } from "@/lib/db/client";
import type { RatePolicy } from "@/lib/plans/plans";
import { secondsUntil, type TakeResult } from "./bucket";

/** A bucket idle this long is full again under every policy; its row can go. */
const IDLE_BUCKET_MS = 24 * 60 * 60 * 1000;

export async function takeFromStore(prisma: PrismaClient, key: string, policy: RatePolicy, nowMs: number, cost = 1): Promise<TakeResult> {
  const capacity = policy.capacity;
  const rate = policy.refillPerSecond;
  const level = Prisma.sql`LEAST(${capacity}::float8, b."tokens" + GREATEST(0::float8, ${nowMs}::float8 - b."refilledAtMs") / 1000::float8 * ${rate}::float8)`;
  const rows = await prisma.$queryRaw<{ tokens: number; granted: boolean; refilledAtMs: number }[]>(Prisma.sql`
    INSERT INTO "RateLimitBucket" AS b ("key", "tokens", "refilledAtMs", "granted")
    VALUES (
      ${key},
      CASE WHEN ${capacity}::float8 >= ${cost}::float8 THEN ${capacity}::float8 - ${cost}::float8 ELSE ${capacity}::float8 END,
      ${nowMs}::float8,
      ${capacity}::float8 >= ${cost}::float8
    )
    ON CONFLICT ("key") DO UPDATE SET
      "tokens" = CASE WHEN ${level} >= ${cost}::float8 THEN ${level} - ${cost}::float8 ELSE ${level} END,
      "refilledAtMs" = GREATEST(${nowMs}::float8, b."refilledAtMs"),
      "granted" = ${level} >= ${cost}::float8
    RETURNING "tokens", "granted", "refilledAtMs"`);
  const row = rows[0];
  const state = { tokens: Number(row.tokens), refilledAtMs: Number(row.refilledAtMs) };
  return {
    granted: row.granted,
    state,
    remaining: Math.floor(state.tokens),
    retryAfterSeconds: row.granted ? 0 : secondsUntil(state, cost, policy, nowMs),
  };
}

/** Deletes buckets nobody has touched for a day (they would be full anyway). */
export async function pruneIdleBuckets(prisma: PrismaClient, nowMs: number): Promise<number> {
  return prisma.$executeRaw(Prisma.sql`DELETE FROM "RateLimitBucket" WHERE "refilledAtMs" < ${nowMs - IDLE_BUCKET_MS}::float8`);
}

/** Takes from the installation's shared store; about one take in a thousand also clears idle buckets. */
export async function takeRateLimitToken(key: string, policy: RatePolicy, cost = 1, nowMs = Date.now()): Promise<TakeResult> {
  const prisma = await getPrisma();
  const result = await takeFromStore(prisma, key, policy, nowMs, cost);
  if (Math.random() < 0.001) await pruneIdleBuckets(prisma, nowMs);
  return result;
}
