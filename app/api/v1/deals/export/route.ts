import { apiRoute } from "@/lib/http/api-route";
import { ProspectExportQuery } from "@/lib/prospects/export-params";
import { exportHeaders, startProspectExport } from "@/lib/prospects/filter-export";
import { getTenantProfile } from "@/lib/tenants/profile";

export const dynamic = "force-dynamic";

/** Every deal the filter matches, as a streamed CSV (the filter of GET /api/v1/deals, dates in the workspace's zone). */
export const GET = apiRoute({ route: "/api/v1/deals/export", scope: "deals:read", query: ProspectExportQuery }, async ({ db, query, auditContext }) => {
  const { slug, timeZone } = await getTenantProfile(db);
  const { count, stream } = await startProspectExport(db, query, auditContext, { timeZone });
  return new Response(stream, { headers: exportHeaders(slug, count) });
});
