import { requireTenant } from "@/lib/auth/session";
import { auditCsvStream } from "@/lib/audit/csv";
import { AuditQuerySchema } from "@/lib/audit/query";
import { recordAudit } from "@/lib/audit/service";
import { auditContext } from "@/lib/auth/session";
import { instrumented } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** CSV of the audit log with the page's filters; streamed, so any size works. */
export const GET = instrumented("/api/audit/export", async (request) => {
  const ctx = await requireTenant("audit:export");
  const query = AuditQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  // Exporting the log is itself worth a line in the log.
  await recordAudit(ctx.db, { action: "audit.exported", entity: "AuditEvent", after: { ...query, page: undefined } }, auditContext(ctx));
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(auditCsvStream(ctx.db, query, { timeZone: ctx.tenant.timeZone }), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${ctx.tenant.slug}-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
});
