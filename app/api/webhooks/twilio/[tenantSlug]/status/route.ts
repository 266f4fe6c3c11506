import { NextResponse } from "next/server";
import { tenantDbBySlug } from "@/lib/db/edge";
import { instrumented } from "@/lib/http/route";
import { limitClientIp } from "@/lib/ratelimit/limits";
import { publicBaseUrl } from "@/lib/outbound/unsubscribe";
import { handleTwilioStatus, publicRequestUrl } from "@/lib/outbound/webhooks";
import { twilioAuthToken, twilioAuthTokenFor } from "@/lib/providers/twilio";

export const dynamic = "force-dynamic";

/** Twilio message status callbacks, verified by X-Twilio-Signature; a repeat changes nothing. */
export const POST = instrumented("/api/webhooks/twilio/[tenantSlug]/status", async (request, { params }) => {
  await limitClientIp("webhook", request.headers);
  const { tenantSlug } = await params;
  const rawBody = await request.text();
  const url = publicRequestUrl(request.url, publicBaseUrl());
  const db = await tenantDbBySlug(tenantSlug);
  const result = await handleTwilioStatus(db, { url, headers: request.headers, rawBody }, db ? await twilioAuthTokenFor(db) : twilioAuthToken());
  return NextResponse.json(result);
});
