import { NextResponse } from "next/server";
import { tenantDbBySlug } from "@/lib/db/edge";
import { instrumented } from "@/lib/http/route";
import { limitClientIp } from "@/lib/ratelimit/limits";
import { handleSendgridEvents, sendgridVerificationKeyFor } from "@/lib/outbound/webhooks";

export const dynamic = "force-dynamic";

/**
 * SendGrid's signed event webhook (ECDSA P-256), verified with the workspace's own key or the
 * installation's, within 10 minutes of signing; each event applies once by sg_event_id.
 */
export const POST = instrumented("/api/webhooks/sendgrid/[tenantSlug]", async (request, { params }) => {
  await limitClientIp("webhook", request.headers);
  const { tenantSlug } = await params;
  const rawBody = await request.text();
  const db = await tenantDbBySlug(tenantSlug);
  const result = await handleSendgridEvents(db, { url: request.url, headers: request.headers, rawBody }, db ? await sendgridVerificationKeyFor(db) : null);
  return NextResponse.json(result);
});
