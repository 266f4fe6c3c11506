import { createApiKey } from "@/lib/apikeys/service";
import type { ApiScope } from "@/lib/apikeys/scopes";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { provisionTenant } from "@/lib/tenants/provision";

/**
 * Two workspaces for an API test: A with a key that may only read and one that may also
 * write, and B with a key of both scopes (to prove A's rows stay out of its reach).
 */
export async function twoWorkspacesWithKeys(database: Database, prefix: string, scopes: { read: ApiScope; write: ApiScope }) {
  const ctx = { actorId: null, actorEmail: "test", requestId: `req-${prefix}` };
  const owner = (email: string) => [{ email, name: email, password: "a-long-password-1", role: "owner" as const }];
  const a = await provisionTenant(database.prisma, { slug: `${prefix}-a`, name: "A", timeZone: "America/Chicago", country: "US" }, owner(`o@${prefix}a.test`));
  const b = await provisionTenant(database.prisma, { slug: `${prefix}-b`, name: "B", timeZone: "America/Chicago", country: "US" }, owner(`o@${prefix}b.test`));
  const db: TenantDb = scopeToTenant(database.prisma, a.id);
  const both = [scopes.read, scopes.write];
  return {
    db,
    ctx,
    readKey: (await createApiKey(db, { name: "reader", scopes: [scopes.read] }, ctx)).key,
    writeKey: (await createApiKey(db, { name: "writer", scopes: both }, ctx)).key,
    otherKey: (await createApiKey(scopeToTenant(database.prisma, b.id), { name: "b", scopes: both }, ctx)).key,
  };
}
