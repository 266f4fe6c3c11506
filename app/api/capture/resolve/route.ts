import { NextResponse } from "next/server";
import { z } from "zod";
import { requireTenant } from "@/lib/auth/session";
import { isServedLocation, resolvePlace } from "@/lib/capture/service";
import { ExpectedError } from "@/lib/errors";
import { instrumented } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const Point = z.object({
  lat: z.coerce.number({ error: "lat must be a number" }).min(-90, "lat is out of range").max(90, "lat is out of range"),
  lng: z.coerce.number({ error: "lng must be a number" }).min(-180, "lng is out of range").max(180, "lng is out of range"),
});

/** The postal area, city and state or province around the phone, to fill the capture form. */
export const GET = instrumented("/api/capture/resolve", async (request) => {
  await requireTenant("deals:write");
  const query = Point.parse({ lat: request.nextUrl.searchParams.get("lat") ?? undefined, lng: request.nextUrl.searchParams.get("lng") ?? undefined });
  if (!isServedLocation(query.lat, query.lng)) throw new ExpectedError("invalid", "This location is outside the US and Canada, where Dealflow takes properties", "lat");
  const place = resolvePlace(query.lat, query.lng);
  if (!place) throw new ExpectedError("not_found", "No postal area within 25 km; type the ZIP or postal code", "lat");
  return NextResponse.json(place, { headers: { "cache-control": "private, no-store" } });
});
