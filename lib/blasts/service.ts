/**
 * Creating a blast: one deal sent to many buyers. createBlast validates, gates cold markets
 * (a reason, audited), and writes the blast and its recipients (one per buyer per channel) in
 * one transaction with the event that starts the sender; the messages themselves leave in
 * the background (./sending), each through the outbound core. Each buyer's deal link is issued
 * by the sender just before its message: only a link's hash is stored, so the token exists
 * only where it is put into the message.
 */
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/lib/audit/service";
import { liquidityKeyOfDeal, getLiquidityScore } from "@/lib/buyers/liquidity";
import { buyersInSegment } from "@/lib/buyers/segments";
import { getBuyerSettings } from "@/lib/buyers/settings";
import type { LiquiditySnapshot } from "@/lib/buyers/types";
import type { TenantDb } from "@/lib/db/tenant";
import { setDealDisposition } from "@/lib/deals/disposition";
import { ExpectedError } from "@/lib/errors";
import { EVENTS } from "@/lib/events/catalog";
import { enqueueEvents } from "@/lib/events/outbox";
import { latestMemo } from "@/lib/memo/service";
import { currentRequestId } from "@/lib/observability/request-context";
import { publicBaseUrl } from "@/lib/outbound/unsubscribe";
import { BlastInput, coldMarketMessage, type BlastRequest } from "./schema";

export interface CreateBlastOptions {
  /** The app's public URL for the buyers' deal links; defaults to the configured one (NEXTAUTH_URL). */
  baseUrl?: string | null;
  actorEmail?: string | null;
  now?: Date;
}

/** The deal a blast is about, as the blast reads it. */
const DEAL_SELECT = {
  id: true,
  street: true,
  city: true,
  region: true,
  market: true,
  postalCode: true,
  propertyType: true,
  askingPrice: true,
  arv: true,
  repairs: true,
  dispositionStage: true,
} satisfies Prisma.DealSelect;

function parseBlast(input: BlastInput): BlastRequest {
  const parsed = BlastInput.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ExpectedError("invalid", issue?.message ?? "Invalid blast", issue?.path.map(String).join(".") || undefined);
}

/**
 * Queues a blast. Throws ExpectedError: not_found for an unknown deal, segment or buyer;
 * invalid (422) with the field for bad input, and on `coldReason` when the deal's market
 * scores under the workspace's cold threshold and no reason was given.
 *
 * ```ts
 * const { blastId, recipients } = await createBlast(db, { dealId, buyerIds, channels: ["SMS"] }, { userId });
 * ```
 */
export async function createBlast(
  db: TenantDb,
  input: BlastInput,
  actor: { userId: string | null },
  options: CreateBlastOptions = {},
): Promise<{ blastId: string; recipients: number }> {
  const blast = parseBlast(input);
  const now = options.now ?? new Date();
  const baseUrl = options.baseUrl === undefined ? publicBaseUrl() : options.baseUrl;
  if (!baseUrl) throw new ExpectedError("invalid", "The app has no public URL (NEXTAUTH_URL) for the buyers' deal links");

  const deal = await db.deal.findFirst({ where: { id: blast.dealId, deletedAt: null }, select: DEAL_SELECT });
  if (!deal) throw new ExpectedError("not_found", "This deal does not exist", "dealId");
  const buyerIds = blast.segmentId ? await buyersInSegment(db, blast.segmentId) : blast.buyerIds;
  if (buyerIds.length === 0) throw new ExpectedError("invalid", "This segment selects no buyers today", "segmentId");
  const found = await db.buyer.findMany({ where: { id: { in: buyerIds }, deletedAt: null }, select: { id: true } });
  if (found.length !== buyerIds.length) {
    const known = new Set(found.map((b) => b.id));
    const missing = buyerIds.filter((id) => !known.has(id));
    throw new ExpectedError("not_found", `${missing.length === 1 ? "A buyer" : `${missing.length} buyers`} of this blast do not exist (${missing.slice(0, 3).join(", ")})`, "buyerIds");
  }

  // The memo attached is the latest at queueing time: a newer version made mid-send does not change what buyers get.
  const memo = blast.attachMemo ? await latestMemo(db, deal.id) : null;
  if (blast.attachMemo && !memo) throw new ExpectedError("invalid", "This deal has no investor memo yet: generate it on the Documents tab first", "attachMemo");

  const settings = await getBuyerSettings(db);
  const key = liquidityKeyOfDeal(deal);
  // A deal outside any market has no node: its liquidity is unknown, not cold.
  const liquidity: LiquiditySnapshot | null = key ? await getLiquidityScore(db, key, now) : null;
  const cold = liquidity !== null && liquidity.score < settings.coldLiquidityScore;
  if (cold && !blast.coldReason) throw new ExpectedError("invalid", coldMarketMessage(liquidity.score), "coldReason");

  const audit = { actorId: actor.userId, actorEmail: options.actorEmail ?? null, requestId: currentRequestId() };
  const recipients = buyerIds.flatMap((buyerId) => blast.channels.map((channel) => ({ buyerId, channel })));
  const blastId = await db.$transaction(async (tx) => {
    const row = await tx.blast.create({
      data: {
        dealId: deal.id,
        createdById: actor.userId,
        channels: blast.channels,
        smsTemplate: blast.smsTemplate,
        smsVariants: blast.smsVariants,
        emailSubject: blast.emailSubject,
        emailTemplate: blast.emailTemplate,
        total: recipients.length,
        liquidityScore: liquidity?.score ?? null,
        coldReason: cold ? (blast.coldReason ?? null) : null,
        segmentId: blast.segmentId ?? null,
        attachmentFileId: memo?.id ?? null,
      },
      select: { id: true },
    });
    await tx.blastRecipient.createMany({ data: recipients.map((r) => ({ blastId: row.id, buyerId: r.buyerId, channel: r.channel })) });
    const after = {
      dealId: deal.id,
      buyers: buyerIds.length,
      channels: blast.channels,
      recipients: recipients.length,
      segmentId: blast.segmentId ?? null,
      ...(memo ? { attachmentFileId: memo.id, memoVersion: memo.version } : {}),
    };
    await recordAudit(tx, { action: "blast.created", entity: "Blast", entityId: row.id, after }, audit);
    if (cold) {
      await recordAudit(
        tx,
        { action: "blast.cold_override", entity: "Blast", entityId: row.id, after: { ...key, score: liquidity.score, threshold: settings.coldLiquidityScore, reason: blast.coldReason } },
        audit,
      );
    }
    if (deal.dispositionStage === null && (await setDealDisposition(tx, deal.id, null, { stage: "MARKETED" }, now))) {
      await recordAudit(tx, { action: "deal.disposition_changed", entity: "Deal", entityId: deal.id, before: { stage: null }, after: { stage: "MARKETED", blastId: row.id } }, audit);
    }
    await enqueueEvents(tx, [{ id: `blast-queued:${row.id}`, name: EVENTS.blastQueued, data: { blastId: row.id } }]);
    return row.id;
  });
  return { blastId, recipients: recipients.length };
}
