import { NextResponse } from "next/server";
import { requireTenant } from "@/lib/auth/session";
import { instrumented } from "@/lib/http/route";
import { basemapGeoJson } from "@/lib/map/basemap";

export const dynamic = "force-dynamic";

/** The offline base map (land, borders, state lines): the same bytes until the app is upgraded, so browsers keep it a week. */
export const GET = instrumented("/api/map/basemap", async () => {
  await requireTenant("market:read");
  return NextResponse.json(basemapGeoJson(), { headers: { "cache-control": "private, max-age=604800, immutable" } });
});
