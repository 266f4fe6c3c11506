import { NextResponse } from "next/server";
import { instrumented } from "@/lib/http/route";
import { trackOpen } from "@/lib/campaigns/tracked-requests";
import { PIXEL_GIF } from "@/lib/campaigns/tracking";

export const dynamic = "force-dynamic";

/** A campaign email's open pixel: a genuine token records the open; anything else is 404 and records nothing. */
export const GET = instrumented("/api/t/o/[token]", async (_request, { params }) => {
  const { token } = await params;
  if (!(await trackOpen(token))) return new NextResponse("Not found", { status: 404 });
  return new NextResponse(new Uint8Array(PIXEL_GIF), {
    headers: { "content-type": "image/gif", "cache-control": "no-store, max-age=0", "content-length": String(PIXEL_GIF.length) },
  });
});
