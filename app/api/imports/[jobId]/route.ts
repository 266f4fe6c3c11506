import { sessionRoute } from "@/lib/http/route";
import { getImportJob } from "@/lib/imports/query";
import { ImportJobRef } from "@/lib/imports/schema";

export const dynamic = "force-dynamic";

/** The job's status and counters: the progress panel polls it while the import runs. */
export const GET = sessionRoute({ route: "/api/imports/[jobId]", permission: "deals:import" }, ({ db, params }) =>
  getImportJob(db, ImportJobRef.parse(params).jobId),
);
