import { apiRoute, withStatus } from "@/lib/http/api-route";
import { getPursuit, listPursuitBoard, pursuitBoardJson, pursuitJson } from "@/lib/govcon/pursuit-board";
import { CreatePursuitInput, PatchPursuitInput } from "@/lib/govcon/pursuit-schema";
import { createPursuit, patchPursuit } from "@/lib/govcon/pursuits";

export const dynamic = "force-dynamic";

const ROUTE = "/api/v1/govcon/pursuits";

export const GET = apiRoute({ route: ROUTE, scope: "govcon:read" }, async ({ db }) => pursuitBoardJson(await listPursuitBoard(db)));

export const POST = apiRoute({ route: ROUTE, scope: "govcon:write", body: CreatePursuitInput }, async ({ db, body, auditContext }) => {
  const { id, created } = await createPursuit(db, body, auditContext);
  return withStatus(created ? 201 : 200, pursuitJson(await getPursuit(db, id)));
});

export const PATCH = apiRoute({ route: ROUTE, scope: "govcon:write", body: PatchPursuitInput }, async ({ db, body, auditContext }) =>
  pursuitJson(await getPursuit(db, (await patchPursuit(db, body, auditContext)).id)),
);
