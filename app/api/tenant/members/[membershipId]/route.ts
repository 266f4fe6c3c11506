import { actingContext } from "@/lib/auth/session";
import { sessionRoute } from "@/lib/http/route";
import { changeMemberRole, removeMember } from "@/lib/tenants/members";
import { ChangeRoleInput } from "@/lib/tenants/schema";

export const dynamic = "force-dynamic";
const route = "/api/tenant/members/[membershipId]";

export const PATCH = sessionRoute(
  { route, permission: "members:update", body: ChangeRoleInput.pick({ role: true }) },
  (ctx) => changeMemberRole(ctx.db, { membershipId: ctx.params.membershipId, role: ctx.body.role }, actingContext(ctx)),
);

export const DELETE = sessionRoute({ route, permission: "members:remove" }, (ctx) =>
  removeMember(ctx.db, ctx.params.membershipId, actingContext(ctx)),
);
