import { apiRoute } from "@/lib/http/api-route";
import { compareExperiment } from "@/lib/laboratory/service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/v1/laboratory/experiments/{experimentId}/compare", scope: "laboratory:read" }, ({ db, params }) =>
  compareExperiment(db, params.experimentId!),
);
