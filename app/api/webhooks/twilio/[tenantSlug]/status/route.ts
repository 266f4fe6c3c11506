import { NextResponse } from "next/server";
import { tenantDbBySlug } from "@/lib/db/edge";
import { instrumented } from "@/lib/http/route";
import { publicBaseUrl } from "@/lib/outbound/unsubscribe";
import { handleTwilioStatus, publicRequestUrl } from "@/lib/outbound/webhooks";
import { twilioAuthToken } from "@/lib/providers/twilio";

export const dynamic = "force-dynamic";

/** Twilio message status callbacks, verified by X-Twilio-Signature; a repeat changes nothing. */
export const POST = instrumented("/api/webhooks/twilio/[tenantSlug]/status", async (request, { params }) => {
  const { tenantSlug } = await params;
  const rawBody = await request.text();
  const url = publicRequestUrl(request.url, publicBaseUrl());
  const result = await handleTwilioStatus(await tenantDbBySlug(tenantSlug), { url, headers: request.headers, rawBody }, twilioAuthToken());
  return NextResponse.json(result);
});
