import { NextResponse } from "next/server";
import { handleTwilioCallStatus } from "@/lib/calls/webhook";
import { tenantDbBySlug } from "@/lib/db/edge";
import { instrumented } from "@/lib/http/route";
import { limitClientIp } from "@/lib/ratelimit/limits";
import { publicBaseUrl } from "@/lib/outbound/unsubscribe";
import { publicRequestUrl } from "@/lib/outbound/webhooks";
import { twilioAuthToken, twilioAuthTokenFor } from "@/lib/providers/twilio";

export const dynamic = "force-dynamic";

/** Twilio call status callbacks of the dialer, verified by X-Twilio-Signature; a repeat changes nothing. */
export const POST = instrumented("/api/webhooks/twilio/[tenantSlug]/voice", async (request, { params }) => {
  await limitClientIp("webhook", request.headers);
  const { tenantSlug } = await params;
  const rawBody = await request.text();
  const url = publicRequestUrl(request.url, publicBaseUrl());
  const db = await tenantDbBySlug(tenantSlug);
  const result = await handleTwilioCallStatus(db, { url, headers: request.headers, rawBody }, db ? await twilioAuthTokenFor(db) : twilioAuthToken());
  return NextResponse.json(result);
});
