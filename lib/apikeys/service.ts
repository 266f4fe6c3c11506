import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import { tenantDbForApiKey } from "@/lib/db/edge";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";

import { API_SCOPES } from "./scopes";

export { API_SCOPES, type ApiScope } from "./scopes";

export const CreateApiKeyInput = z.object({
  name: z.string().trim().min(2, "Name the key after what uses it").max(80),
  scopes: z.preprocess((v) => (typeof v === "string" ? [v] : v), z.array(z.enum(API_SCOPES)).min(1, "Choose at least one scope")),
  /** The key acts as the user who creates it (a form checkbox posts "on"): needed to approve drafts by API. */
  bindToUser: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean().optional()),
});
export type CreateApiKeyInput = z.infer<typeof CreateApiKeyInput>;

const KEY_PATTERN = /^dfk_([a-z0-9]{10})_([A-Za-z0-9_-]{32,})$/;

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** Creates a key and returns it once; only its hash and prefix are stored. A bound key acts as its creator. */
export async function createApiKey(db: TenantDb, input: CreateApiKeyInput, ctx: AuditContext) {
  if (input.bindToUser && !ctx.actorId) throw new ExpectedError("invalid", "Only a signed-in person can create a key that acts as them", "bindToUser");
  const userId = input.bindToUser ? ctx.actorId : null;
  const prefix = randomBytes(8).toString("hex").slice(0, 10);
  const key = `dfk_${prefix}_${randomBytes(24).toString("base64url")}`;
  return db.$transaction(async (tx) => {
    const record = await tx.apiKey.create({
      data: { name: input.name, scopes: input.scopes, prefix, keyHash: hashApiKey(key), createdById: ctx.actorId, userId },
    });
    await recordAudit(tx, { action: "api_key.created", entity: "ApiKey", entityId: record.id, after: { name: input.name, scopes: input.scopes, prefix, actsAsUser: Boolean(userId) } }, ctx);
    return { key, record };
  });
}

export async function listApiKeys(db: TenantDb) {
  return db.apiKey.findMany({ orderBy: { createdAt: "desc" }, select: { id: true, name: true, prefix: true, scopes: true, userId: true, lastUsedAt: true, revokedAt: true, createdAt: true } });
}

export async function revokeApiKey(db: TenantDb, id: string, ctx: AuditContext) {
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({ where: { id } });
    if (!key) throw new ExpectedError("not_found", "That API key does not exist.", "id");
    if (key.revokedAt) return key;
    const revoked = await tx.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, { action: "api_key.revoked", entity: "ApiKey", entityId: id, before: { name: key.name, prefix: key.prefix } }, ctx);
    return revoked;
  });
}

export interface ApiPrincipal {
  tenantId: string;
  keyId: string;
  scopes: string[];
  /** The user a bound key acts as (approvals by API record them); null for a workspace key. */
  userId: string | null;
  /** The key's workspace, scoped. */
  db: TenantDb;
}

/**
 * Resolves a presented key to its workspace. The key is what names the workspace, so the
 * lookup by hash is the edge's (lib/db/edge.ts); everything after it goes through the
 * workspace's scoped client.
 */
export async function authenticateApiKey(presented: string | null): Promise<ApiPrincipal | null> {
  if (!presented || !KEY_PATTERN.test(presented)) return null;
  const found = await tenantDbForApiKey(hashApiKey(presented));
  if (!found || found.key.revokedAt) return null;
  const { db, key } = found;
  // Last-used is informative; a coarse update (once a minute) keeps hot keys cheap.
  if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > 60_000) {
    await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } });
  }
  return { tenantId: db.tenantId, keyId: key.id, scopes: key.scopes, userId: key.userId, db };
}
