import { apiRoute } from "@/lib/http/api-route";
import { runExperiment } from "@/lib/laboratory/service";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ route: "/api/v1/laboratory/experiments/{experimentId}/run", scope: "laboratory:write" }, ({ db, params }) =>
  runExperiment(db, params.experimentId!),
);
