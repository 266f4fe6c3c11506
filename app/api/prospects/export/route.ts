import { HIDDEN_COLUMNS_PARAM, HIDEABLE_COLUMN_IDS, parseHiddenColumns, PROSPECT_COLUMN_IDS } from "@/components/prospects/table-url";
import { recordAudit } from "@/lib/audit/service";
import { auditContext, requireTenant } from "@/lib/auth/session";
import { formDataToObject } from "@/lib/http/action";
import { refuseCrossSiteWrite } from "@/lib/http/origin";
import { instrumented } from "@/lib/http/route";
import { ProspectExportInput, prospectsCsvStream } from "@/lib/prospects/export";
import { EXPORT_COLUMN_IDS, type ExportColumnId } from "@/lib/prospects/export-params";
import { exportHeaders, startProspectExport } from "@/lib/prospects/filter-export";
import { parseProspectQuery } from "@/lib/prospects/query";
import { rawQueryOf } from "@/lib/validation/url-query";

export const dynamic = "force-dynamic";

/**
 * Every deal the Prospects page's filter matches, with the columns it shows: the page's own
 * URL (filters, sort, `cols`) is this link's query, read as leniently as the page reads it.
 */
export const GET = instrumented("/api/prospects/export", async (request) => {
  const ctx = await requireTenant("deals:export");
  const params = request.nextUrl.searchParams;
  const { page: _page, pageSize: _size, after: _after, ...filter } = parseProspectQuery(rawQueryOf(params));
  const hidden = parseHiddenColumns(params.get(HIDDEN_COLUMNS_PARAM), HIDEABLE_COLUMN_IDS);
  const shown = PROSPECT_COLUMN_IDS.filter((id): id is (typeof PROSPECT_COLUMN_IDS)[number] & ExportColumnId => !hidden.includes(id) && (EXPORT_COLUMN_IDS as readonly string[]).includes(id));
  // Filtered by data quality, the file says which flags each deal has.
  const columns: ExportColumnId[] = filter.quality ? [...shown, "quality"] : shown;
  const { count, stream } = await startProspectExport(ctx.db, { ...filter, columns }, auditContext(ctx), { timeZone: ctx.tenant.timeZone });
  return new Response(stream, { headers: exportHeaders(ctx.tenant.slug, count) });
});

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
