import { NextResponse } from "next/server";
import { tenantDbBySlug } from "@/lib/db/edge";
import { instrumented } from "@/lib/http/route";
import { handleSendgridEvents } from "@/lib/outbound/webhooks";
import { sendgridWebhookPublicKey } from "@/lib/providers/sendgrid";

export const dynamic = "force-dynamic";

/** SendGrid's signed event webhook (ECDSA P-256); each event applies once by sg_event_id. */
export const POST = instrumented("/api/webhooks/sendgrid/[tenantSlug]", async (request, { params }) => {
  const { tenantSlug } = await params;
  const rawBody = await request.text();
  const result = await handleSendgridEvents(await tenantDbBySlug(tenantSlug), { url: request.url, headers: request.headers, rawBody }, sendgridWebhookPublicKey());
  return NextResponse.json(result);
});
