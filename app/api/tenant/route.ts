import { actingContext } from "@/lib/auth/session";
import { sessionRoute } from "@/lib/http/route";
import { getTenantProfile, updateTenantProfile } from "@/lib/tenants/profile";
import { TenantProfileInput } from "@/lib/tenants/schema";

export const dynamic = "force-dynamic";

export const GET = sessionRoute({ route: "/api/tenant", permission: "tenant:read" }, ({ db }) => getTenantProfile(db));

export const PATCH = sessionRoute(
  { route: "/api/tenant", permission: "tenant:update", body: TenantProfileInput },
  (ctx) => updateTenantProfile(ctx.db, ctx.body, actingContext(ctx)),
);
