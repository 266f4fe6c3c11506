import { NextResponse } from "next/server";
import { auditContext, requireTenant } from "@/lib/auth/session";
import { ExpectedError } from "@/lib/errors";
import { refuseCrossSiteWrite } from "@/lib/http/origin";
import { instrumented, sessionRoute } from "@/lib/http/route";
import { iterateStream } from "@/lib/imports/multipart";
import { listImportJobs } from "@/lib/imports/query";
import { startImport } from "@/lib/imports/runner";
import { receiveImportUpload } from "@/lib/imports/upload";

export const dynamic = "force-dynamic";

/**
 * Upload a lead list: multipart with `mapping` (JSON), `fileSize`, then `file`. The file is
 * streamed to disk, the job created and started in the background; the answer is the job
 * id to poll. Permission is checked before a byte of the body is read.
 */
export const POST = instrumented("/api/imports", async (request) => {
  const crossSite = refuseCrossSiteWrite(request, "multipart/form-data");
  if (crossSite) return crossSite;
  const ctx = await requireTenant("deals:import");
  if (!request.body) throw new ExpectedError("bad_request", "Choose a CSV file to import", "file");
  const job = await receiveImportUpload(ctx.db, iterateStream(request.body), request.headers.get("content-type"), auditContext(ctx));
  startImport(ctx.db, job.id, auditContext(ctx));
  return NextResponse.json({ jobId: job.id }, { status: 202 });
});

export const GET = sessionRoute({ route: "/api/imports", permission: "deals:import" }, ({ db }) => listImportJobs(db));
