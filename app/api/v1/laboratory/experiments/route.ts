import { apiRoute, withStatus } from "@/lib/http/api-route";
import { ExperimentInput } from "@/lib/laboratory/schema";
import { createExperiment, listExperiments } from "@/lib/laboratory/service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/v1/laboratory/experiments", scope: "laboratory:read" }, async ({ db }) => ({ experiments: await listExperiments(db) }));

export const POST = apiRoute({ route: "/api/v1/laboratory/experiments", scope: "laboratory:write", body: ExperimentInput }, async ({ db, body, auditContext }) => {
  const row = await createExperiment(db, body, auditContext);
  return withStatus(201, { id: row.id, name: row.name, status: row.status, windowDays: row.windowDays, createdAt: row.createdAt });
});
