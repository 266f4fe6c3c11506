"use server";

import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/session";
import { ExpectedError } from "@/lib/errors";
import { tenantAction } from "@/lib/http/action";
import { getImportJob } from "@/lib/imports/query";
import { isImportRunning, startImport } from "@/lib/imports/runner";
import { ImportJobRef } from "@/lib/imports/schema";

/**
 * Runs a stopped import again from its stored file. It resumes after the rows it already
 * counted; a job left RUNNING by a server restart (nobody runs it) is taken over.
 */
export const retryImportAction = tenantAction("imports.retry", "deals:import", ImportJobRef, async (ctx, { jobId }) => {
  const job = await getImportJob(ctx.db, jobId);
  if (job.status === "DONE") throw new ExpectedError("conflict", "This import has finished; upload the file again to re-import it.");
  if (isImportRunning(jobId)) throw new ExpectedError("conflict", "This import is already running.");
  startImport(ctx.db, jobId, auditContext(ctx), { recover: job.status === "RUNNING" });
  revalidatePath("/deals/import");
  return { jobId };
}, { message: "Import restarted" });
