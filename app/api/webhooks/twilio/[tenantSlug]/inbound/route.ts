import { tenantDbBySlug } from "@/lib/db/edge";
import { instrumented } from "@/lib/http/route";
import { publicBaseUrl } from "@/lib/outbound/unsubscribe";
import { EMPTY_TWIML, handleTwilioInbound, publicRequestUrl } from "@/lib/outbound/webhooks";
import { twilioAuthToken } from "@/lib/providers/twilio";

export const dynamic = "force-dynamic";

/** Incoming SMS from Twilio, verified by X-Twilio-Signature; idempotent by MessageSid. */
export const POST = instrumented("/api/webhooks/twilio/[tenantSlug]/inbound", async (request, { params }) => {
  const { tenantSlug } = await params;
  const rawBody = await request.text();
  const url = publicRequestUrl(request.url, publicBaseUrl());
  await handleTwilioInbound(await tenantDbBySlug(tenantSlug), { url, headers: request.headers, rawBody }, twilioAuthToken());
  return new Response(EMPTY_TWIML, { status: 200, headers: { "Content-Type": "text/xml; charset=utf-8" } });
});
