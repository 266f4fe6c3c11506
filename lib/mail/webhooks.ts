/**
 * Lob's piece events (postcard.* and letter.*): verify the signature, then move the piece,
 * once per event id (MessageEvent is the idempotency table of every provider webhook). States
 * only advance, so a replayed or late event changes nothing.
 */
import { z } from "zod";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { countWebhookVerificationFailed } from "@/lib/observability/metrics";
import { applyProviderEventOnce } from "@/lib/outbound/events";
import { resolveProviderCredentials } from "@/lib/providers/credentials";
import { LOB_PROVIDER, LOB_SIGNATURE_HEADER, LOB_TIMESTAMP_HEADER, isFreshLobTimestamp, isValidLobSignature } from "@/lib/providers/lob";
import { toStorableJson } from "@/lib/validation/text";
import { advanceMailStatus, lobEventState, type MailStatus } from "./states";

const FORBIDDEN_MESSAGE = "Invalid webhook signature";

const LobEvent = z.looseObject({
  id: z.string().min(1, "id is required"),
  event_type: z.looseObject({ id: z.string().min(1, "event_type.id is required") }),
  body: z.looseObject({ id: z.string().min(1, "body.id is required") }),
  date_created: z.string().optional(),
});

export interface LobWebhookResult {
  duplicate: boolean;
  pieceId: string | null;
  status: MailStatus | null;
  changed: boolean;
}

/** The secret Lob signs this workspace's events with: its own, else the installation's. */
export async function lobWebhookSecretFor(db: TenantDb, env: Record<string, string | undefined> = process.env): Promise<string | null> {
  const resolved = await resolveProviderCredentials(db, "LOB", env);
  return (resolved.source === "local" ? env.LOB_WEBHOOK_SECRET?.trim() : resolved.credentials.webhookSecret?.trim()) || null;
}

export async function handleLobEvent(
  tenantDb: TenantDb | null,
  request: { headers: Headers; rawBody: string },
  secret: string | null,
  now: Date = new Date(),
): Promise<LobWebhookResult> {
  // The same answer for an unknown workspace and a bad signature: which exist is not revealed.
  const timestamp = request.headers.get(LOB_TIMESTAMP_HEADER);
  if (!tenantDb || !isValidLobSignature(secret, timestamp, request.rawBody, request.headers.get(LOB_SIGNATURE_HEADER))) {
    countWebhookVerificationFailed("lob");
    throw new ExpectedError("forbidden", FORBIDDEN_MESSAGE);
  }
  if (!isFreshLobTimestamp(timestamp, now)) {
    countWebhookVerificationFailed("lob");
    throw new ExpectedError("forbidden", "The webhook's signature timestamp is more than 10 minutes away from now");
  }
  let json: unknown;
  try {
    json = toStorableJson(JSON.parse(request.rawBody));
  } catch {
    throw new ExpectedError("bad_request", "The request body is not valid JSON");
  }
  const event = LobEvent.safeParse(json);
  if (!event.success) throw new ExpectedError("invalid", event.error.issues[0].message, event.error.issues[0].path.join("."));
  return applyLobEvent(tenantDb, event.data, now);
}

async function applyLobEvent(db: TenantDb, event: z.infer<typeof LobEvent>, now: Date): Promise<LobWebhookResult> {
  const reported = lobEventState(event.event_type.id);
  return applyProviderEventOnce<LobWebhookResult>(
    db,
    { provider: LOB_PROVIDER, eventKey: event.id, type: event.event_type.id, payload: event },
    async (tx) => {
      const piece = await tx.mailPiece.findFirst({ where: { provider: LOB_PROVIDER, providerPieceId: event.body.id }, select: { id: true, status: true } });
      if (!piece) return { duplicate: false, pieceId: null, status: null, changed: false };
      const next = reported ? advanceMailStatus(piece.status as MailStatus, reported) : null;
      if (!next) return { duplicate: false, pieceId: piece.id, status: piece.status as MailStatus, changed: false };
      const at = event.date_created && !Number.isNaN(Date.parse(event.date_created)) ? new Date(event.date_created) : now;
      await tx.mailPiece.update({
        where: { id: piece.id },
        data: { status: next, ...(next === "MAILED" ? { mailedAt: at } : {}), ...(next === "DELIVERED" ? { deliveredAt: at } : {}), ...(next === "RETURNED" ? { returnedAt: at } : {}) },
      });
      return { duplicate: false, pieceId: piece.id, status: next, changed: true };
    },
    { duplicate: true, pieceId: null, status: null, changed: false },
  );
}
