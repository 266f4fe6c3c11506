import { z } from "zod";
import { auditContext, requireTenant } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/service";
import { instrumented } from "@/lib/http/route";
import { accessExportFor } from "@/lib/privacy/service";

export const dynamic = "force-dynamic";

const ExportQuery = z.object({ id: z.string().trim().min(1).max(64) });

/** The JSON export of an access request, built from what is held now. */
export const GET = instrumented("/api/privacy/export", async (request) => {
  const ctx = await requireTenant("privacy:manage");
  const parsed = ExportQuery.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return Response.json({ error: "Give the request's id", field: "id" }, { status: 400 });
  const data = await accessExportFor(ctx.db, parsed.data.id);
  await recordAudit(ctx.db, { action: "privacy.exported", entity: "PrivacyRequest", entityId: parsed.data.id }, auditContext(ctx));
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="access-request-${parsed.data.id}.json"`,
      "cache-control": "no-store",
    },
  });
});
