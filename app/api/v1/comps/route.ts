import { AddCompsInput } from "@/lib/comps/schema";
import { addComps } from "@/lib/comps/service";
import { apiRoute, withStatus } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ route: "/api/v1/comps", scope: "comps:write", body: AddCompsInput }, async ({ db, body }) => withStatus(201, await addComps(db, body.comps)));
