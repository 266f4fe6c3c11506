import { ExpectedError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { assertMayPromote, promoteExperiment } from "@/lib/laboratory/service";

export const dynamic = "force-dynamic";

/** Only an owner promotes: the key must be bound to a user who is an owner of the workspace. */
export const POST = apiRoute({ route: "/api/v1/laboratory/experiments/{experimentId}/promote", scope: "laboratory:write" }, async ({ db, params, principal, auditContext }) => {
  if (!principal.userId) {
    throw new ExpectedError("forbidden", "Promoting an experiment needs an owner: use an API key bound to an owner (created by an owner with \"bind to me\")");
  }
  await assertMayPromote(db, principal.userId);
  return promoteExperiment(db, params.experimentId!, { ...auditContext, actorId: principal.userId });
});
