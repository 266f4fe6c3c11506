import { sessionRoute } from "@/lib/http/route";
import { listMembers } from "@/lib/tenants/members";

export const dynamic = "force-dynamic";

export const GET = sessionRoute({ route: "/api/tenant/members", permission: "members:read" }, ({ db }) => listMembers(db));
