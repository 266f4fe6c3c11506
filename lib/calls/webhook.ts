/**
 * Twilio's call-status callback: verified like the SMS callbacks (X-Twilio-Signature), applied
 * once per (CallSid, CallStatus) through the MessageEvent idempotency table, so a replay
 * changes nothing.
 */
import { z } from "zod";
import type { CallStatus } from "@/generated/prisma/enums";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { applyProviderEventOnce } from "@/lib/outbound/events";
import { knownTenant, verifiedTwilioParams, type WebhookRequest } from "@/lib/outbound/webhooks";
import { TWILIO_PROVIDER } from "@/lib/providers/twilio";
import { applyCallStatus, twilioCallStatus } from "./rules";

const TwilioCallParams = z.object({
  CallSid: z.string().min(1, "CallSid is required"),
  CallStatus: z.string().min(1, "CallStatus is required"),
  CallDuration: z.string().regex(/^\d+$/).optional(),
  RecordingUrl: z.string().url().optional(),
});

export interface CallStatusResult {
  duplicate: boolean;
  callId: string | null;
  /** The call's status after the report; null when no call matched. */
  status: CallStatus | null;
  changed: boolean;
}

export async function handleTwilioCallStatus(tenantDb: TenantDb | null, request: WebhookRequest, authToken: string | null, now = new Date()): Promise<CallStatusResult> {
  const db = knownTenant(tenantDb);
  const params = TwilioCallParams.safeParse(verifiedTwilioParams(request, authToken));
  if (!params.success) throw new ExpectedError("invalid", params.error.issues[0].message, String(params.error.issues[0].path[0]));
  const { CallSid, CallStatus: reported, CallDuration, RecordingUrl } = params.data;
  const status = twilioCallStatus(reported);
  const callId = new URL(request.url).searchParams.get("callId");
  return applyProviderEventOnce<CallStatusResult>(
    db,
    { provider: TWILIO_PROVIDER, eventKey: `${CallSid}:${reported.toLowerCase()}`, type: `call.${reported.toLowerCase()}`, payload: params.data },
    async (tx) => {
      // The callback URL names our call; the CallSid must agree, so one call's URL cannot move another.
      const call = await tx.call.findFirst({
        where: { provider: TWILIO_PROVIDER, providerCallId: CallSid, ...(callId ? { id: callId } : {}) },
        select: { id: true, status: true, answeredAt: true, endedAt: true, durationSeconds: true, recordingUrl: true },
      });
      if (!call) return { duplicate: false, callId: null, status: null, changed: false };
      const patch = status ? applyCallStatus(call, { status, at: now, durationSeconds: CallDuration ? Number(CallDuration) : null, recordingUrl: RecordingUrl ?? null }) : {};
      if (Object.keys(patch).length === 0) return { duplicate: false, callId: call.id, status: call.status, changed: false };
      const updated = await tx.call.update({ where: { id: call.id }, data: patch, select: { status: true } });
      return { duplicate: false, callId: call.id, status: updated.status, changed: true };
    },
    { duplicate: true, callId: null, status: null, changed: false },
  );
}
