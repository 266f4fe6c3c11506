import { NextResponse } from "next/server";
import { instrumented } from "@/lib/http/route";
import { limitClientIp } from "@/lib/ratelimit/limits";
import { isOneClickBody, oneClickUnsubscribe } from "@/lib/campaigns/tracked-requests";

export const dynamic = "force-dynamic";

/**
 * RFC 8058 one-click unsubscribe, the URL of every email's List-Unsubscribe header: a POST
 * with `List-Unsubscribe=One-Click` opts the address out at once and answers 200, no redirect.
 * Idempotent. A bad token is 404; a body without the one-click field is 400 and changes nothing.
 */
export const POST = instrumented("/api/unsubscribe/[token]", async (request, { params }) => {
  await limitClientIp("unsubscribe", request.headers);
  const { token } = await params;
  if (!isOneClickBody(await request.text())) {
    return NextResponse.json({ error: "Send List-Unsubscribe=One-Click as the form body" }, { status: 400 });
  }
  const result = await oneClickUnsubscribe(decodeURIComponent(token));
  if (!result) return NextResponse.json({ error: "This unsubscribe link is not valid" }, { status: 404 });
  return NextResponse.json({ unsubscribed: true });
});
