import { recordAudit } from "@/lib/audit/service";
import { auditContext, requireTenant } from "@/lib/auth/session";
import { formDataToObject } from "@/lib/http/action";
import { refuseCrossSiteWrite } from "@/lib/http/origin";
import { instrumented } from "@/lib/http/route";
import { ProspectExportInput, prospectsCsvStream } from "@/lib/prospects/export";

export const dynamic = "force-dynamic";

/**
 * The deals selected in the prospects table as a CSV download. A form posts the ids (a
 * selection of 500 ids is too long for a URL); the file is streamed.
 */
export const POST = instrumented("/api/prospects/export", async (request) => {
  // A form on another site could post here with the user's cookie: only our own pages may.
  const crossSite = refuseCrossSiteWrite(request);
  if (crossSite) return crossSite;
  const ctx = await requireTenant("deals:read");
  const input = ProspectExportInput.parse(formDataToObject(await request.formData()));
  // The export carries contact details out of the app: worth a line in the audit log.
  await recordAudit(ctx.db, { action: "deals.exported", entity: "Deal", after: { count: input.ids.length } }, auditContext(ctx));
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(await prospectsCsvStream(ctx.db, input), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="deals-${ctx.tenant.slug}-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
});
