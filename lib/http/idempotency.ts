import { createHash } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";

export interface StoredResponse {
  status: number;
  body: unknown;
}

export function requestHash(body: unknown): string {
  return createHash("sha256").update(JSON.stringify(body ?? null)).digest("hex");
}

const IN_PROGRESS = 0;

/**
 * Runs `produce` once per (scope, key). The key is claimed first (a unique row), so two
 * concurrent retries cannot both run; a retry with the same body gets the stored answer,
 * the same key with another body is refused, and a failed run releases the key.
 */
export async function withIdempotency(
  db: TenantDb,
  scope: string,
  key: string,
  body: unknown,
  produce: () => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  if (key.length > 200) throw new ExpectedError("invalid", "Idempotency-Key is longer than 200 characters");
  const hash = requestHash(body);
  let claimId: string;
  try {
    claimId = (await db.idempotencyRecord.create({ data: { scope, key, requestHash: hash, status: IN_PROGRESS, response: {} } })).id;
  } catch {
    const previous = await db.idempotencyRecord.findFirst({ where: { scope, key } });
    if (!previous) throw new ExpectedError("conflict", "Could not claim the Idempotency-Key; retry");
    if (previous.requestHash !== hash) throw new ExpectedError("invalid", "This Idempotency-Key was used with a different request body");
    if (previous.status === IN_PROGRESS) throw new ExpectedError("conflict", "A request with this Idempotency-Key is still in progress");
    return { status: previous.status, body: previous.response, replayed: true };
  }
  try {
    const response = await produce();
    await db.idempotencyRecord.update({ where: { id: claimId }, data: { status: response.status, response: response.body as Prisma.InputJsonValue } });
    return { ...response, replayed: false };
  } catch (error) {
    await db.idempotencyRecord.delete({ where: { id: claimId } });
    throw error;
  }
}
