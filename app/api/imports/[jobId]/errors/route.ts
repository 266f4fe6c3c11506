import { requireTenant } from "@/lib/auth/session";
import { instrumented } from "@/lib/http/route";
import { errorReportCsv } from "@/lib/imports/report";
import { ImportJobRef } from "@/lib/imports/schema";

export const dynamic = "force-dynamic";

/** The rows an import rejected, with the reason, as a CSV download (streamed). */
export const GET = instrumented("/api/imports/[jobId]/errors", async (_request, context) => {
  const ctx = await requireTenant("deals:import");
  const { jobId } = ImportJobRef.parse(await context.params);
  const report = await errorReportCsv(ctx.db, jobId);
  return new Response(report.stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${report.fileName}"`,
      "cache-control": "no-store",
    },
  });
});
