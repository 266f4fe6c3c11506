import { apiRoute } from "@/lib/http/api-route";
import { knownAreaCode } from "@/lib/market/api";
import { getArea } from "@/lib/market/service";
import { ExpectedError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/v1/market/areas/[postalCode]", scope: "market:read" }, async ({ db, params }) => {
  const areaCode = knownAreaCode(params.postalCode);
  const area = await getArea(db, areaCode);
  // A real ZIP or FSA the workspace has no deals in yet has no figures: 404, said as such.
  if (!area) throw new ExpectedError("not_found", `No deals in ${areaCode} yet: the area has no market intel`);
  return area;
});
