import { NextResponse } from "next/server";
import { instrumented } from "@/lib/http/route";
import { trackClick } from "@/lib/campaigns/tracked-requests";

export const dynamic = "force-dynamic";

/**
 * A campaign email's tracked link: the token signs the recipient and this very URL, so only
 * links that were in the email redirect (no open redirect); anything else is 404 and records nothing.
 */
export const GET = instrumented("/api/t/c/[token]", async (request, { params }) => {
  const { token } = await params;
  const target = await trackClick(token, request.nextUrl.searchParams.get("u"));
  if (!target) return new NextResponse("Not found", { status: 404 });
  return NextResponse.redirect(target, { status: 302, headers: { "cache-control": "no-store" } });
});
