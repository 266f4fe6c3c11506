import { tenantDbBySlug } from "@/lib/db/edge";
import { instrumented } from "@/lib/http/route";
import { limitClientIp } from "@/lib/ratelimit/limits";
import { publicBaseUrl } from "@/lib/outbound/unsubscribe";
import { EMPTY_TWIML, handleTwilioInbound, publicRequestUrl } from "@/lib/outbound/webhooks";
import { twilioAuthToken, twilioAuthTokenFor } from "@/lib/providers/twilio";

export const dynamic = "force-dynamic";

/** Incoming SMS from Twilio, verified by X-Twilio-Signature; idempotent by MessageSid. */
export const POST = instrumented("/api/webhooks/twilio/[tenantSlug]/inbound", async (request, { params }) => {
  await limitClientIp("webhook", request.headers);
  const { tenantSlug } = await params;
  const rawBody = await request.text();
  const url = publicRequestUrl(request.url, publicBaseUrl());
  const db = await tenantDbBySlug(tenantSlug);
  await handleTwilioInbound(db, { url, headers: request.headers, rawBody }, db ? await twilioAuthTokenFor(db) : twilioAuthToken());
  return new Response(EMPTY_TWIML, { status: 200, headers: { "Content-Type": "text/xml; charset=utf-8" } });
});
