import { NextResponse } from "next/server";
import { requireTenant } from "@/lib/auth/session";
import { instrumented } from "@/lib/http/route";
import { areaFeatureCollection } from "@/lib/map/areas";
import { rawQueryOf } from "@/lib/validation/url-query";
import { AreaListQuery } from "@/lib/market/schema";
import { listAreas } from "@/lib/market/service";

export const dynamic = "force-dynamic";

/** The tenant's ranked postal areas as GeoJSON points at their centres, coloured by rank on the map. */
export const GET = instrumented("/api/map/areas", async (request) => {
  const ctx = await requireTenant("market:read");
  const query = AreaListQuery.parse(rawQueryOf(request.nextUrl.searchParams));
  const areas = await listAreas(ctx.db, { ...query, limit: 5_000 });
  return NextResponse.json(areaFeatureCollection(areas), { headers: { "cache-control": "no-store" } });
});
