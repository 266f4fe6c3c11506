/**
 * The blast sender: works through a blast's QUEUED recipients a chunk at a time, each message
 * through the outbound core (sendMessage), so every gate judges every buyer. Both executors
 * (the Inngest function and the embedded runner) call sendBlastChunk until nothing remains.
 */
import { getBuyerSettings } from "@/lib/buyers/settings";
import { recordBuyerFeedback } from "@/lib/buyers/feedback";
import type { TenantDb } from "@/lib/db/tenant";
import type { Channel } from "@/generated/prisma/enums";
import { issueBuyerDealLinks } from "@/lib/dispositions/links";
import { ExpectedError } from "@/lib/errors";
import { readStoredFile } from "@/lib/files";
import type { EmailAttachment } from "@/lib/providers/messaging";
import { sendMessage, type OutboundDeps, type SendMessageResult } from "@/lib/outbound/service";
import { blastVariantPrefix, variantsOf } from "@/lib/deliverability/rotation";
import { publicBaseUrl } from "@/lib/outbound/unsubscribe";
import { buyerFirstName, dealMergeValues, mergeTemplate, type MergeValues } from "./templates";

/** Buyers per chunk: small enough that a retried chunk repeats little, large enough to keep pace. */
export const BLAST_CHUNK_BUYERS = 50;

export interface BlastChunkOptions {
  chunkBuyers?: number;
  now?: () => Date;
  deps?: OutboundDeps;
}

export interface BlastChunkResult {
  status: "SENDING" | "DONE" | "MISSING";
  sent: number;
  blocked: number;
  failed: number;
  /** Recipients still QUEUED after this chunk. */
  remaining: number;
}

/**
 * Sends the next chunk of a blast. The buyers' deal links are minted again for the chunk,
 * right before their messages: only a link's hash is stored, so the token a message carries
 * must be made where the message is. A blast with nothing left QUEUED is marked DONE.
 */
export async function sendBlastChunk(db: TenantDb, blastId: string, options: BlastChunkOptions = {}): Promise<BlastChunkResult> {
  const clock = options.now ?? (() => new Date());
  const blast = await db.blast.findFirst({
    where: { id: blastId },
    select: { id: true, dealId: true, status: true, createdById: true, smsTemplate: true, smsVariants: true, emailSubject: true, emailTemplate: true, attachmentFileId: true },
  });
  const result: BlastChunkResult = { status: "SENDING", sent: 0, blocked: 0, failed: 0, remaining: 0 };
  if (!blast || blast.status === "CANCELLED") return { ...result, status: "MISSING" };
  if (blast.status === "QUEUED") await db.blast.updateMany({ where: { id: blast.id, status: "QUEUED" }, data: { status: "SENDING", startedAt: clock() } });

  const buyers = await nextBuyers(db, blast.id, options.chunkBuyers ?? BLAST_CHUNK_BUYERS);
  if (buyers.length > 0) {
    const recipients = await db.blastRecipient.findMany({
      where: { blastId: blast.id, state: "QUEUED", buyerId: { in: buyers } },
      orderBy: [{ buyerId: "asc" }, { channel: "asc" }],
      select: { id: true, buyerId: true, channel: true },
    });
    const [deal, settings, people] = await Promise.all([
      db.deal.findFirst({ where: { id: blast.dealId }, select: { street: true, city: true, region: true, postalCode: true, askingPrice: true, arv: true, repairs: true } }),
      getBuyerSettings(db),
      db.buyer.findMany({ where: { id: { in: buyers } }, select: { id: true, name: true } }),
    ]);
    const baseUrl = options.deps?.baseUrl ?? publicBaseUrl();
    const links =
      deal && baseUrl
        ? await db.$transaction((tx) => issueBuyerDealLinks(tx, { dealId: blast.dealId, buyerIds: buyers, blastId: blast.id, ttlDays: settings.linkTtlDays, baseUrl }, clock()))
        : new Map<string, string>();
    const names = new Map(people.map((p) => [p.id, p.name]));
    const attachments = await blastAttachments(db, blast.attachmentFileId, recipients);
    const dealValues = deal ? dealMergeValues(deal, { showStreet: settings.showStreetToBuyers }) : null;
    for (const recipient of recipients) {
      const values: MergeValues | null = dealValues ? { ...dealValues, link: links.get(recipient.buyerId) ?? "", buyer_first_name: buyerFirstName(names.get(recipient.buyerId)) } : null;
      const outcome = values ? await sendOne(db, blast, recipient, values, clock(), options.deps, attachments) : null;
      await recordOutcome(db, blast, recipient, outcome, clock());
      if (outcome?.status === "SENT") result.sent += 1;
      else if (outcome?.status === "BLOCKED") result.blocked += 1;
      else result.failed += 1;
    }
  }

  result.remaining = await db.blastRecipient.count({ where: { blastId: blast.id, state: "QUEUED" } });
  if (result.remaining === 0) {
    await db.blast.updateMany({ where: { id: blast.id, status: { in: ["QUEUED", "SENDING"] } }, data: { status: "DONE", finishedAt: clock() } });
    result.status = "DONE";
  }
  return result;
}

/**
 * The files the chunk's emails carry: the blast's memo, read once per chunk. A memo that can
 * no longer be read fails the chunk (retried) rather than sending emails without it.
 */
async function blastAttachments(db: TenantDb, fileId: string | null, recipients: readonly { channel: string }[]): Promise<EmailAttachment[] | undefined> {
  if (!fileId || !recipients.some((r) => r.channel === "EMAIL")) return undefined;
  const stored = await readStoredFile(db, fileId);
  if (!stored) throw new Error(`The blast's attached memo (${fileId}) cannot be read from the file store`);
  return [{ fileName: stored.file.fileName, contentType: stored.file.contentType, bytes: stored.bytes }];
}

/** The next buyers with a QUEUED recipient, in a stable order. */
async function nextBuyers(db: TenantDb, blastId: string, count: number): Promise<string[]> {
  const rows = await db.blastRecipient.findMany({
    where: { blastId, state: "QUEUED" },
    orderBy: [{ buyerId: "asc" }],
    distinct: ["buyerId"],
    select: { buyerId: true },
    take: count,
  });
  return rows.map((r) => r.buyerId);
}

interface BlastToSend {
  id: string;
  dealId: string;
  createdById: string | null;
  smsTemplate: string | null;
  /** Further wordings of the text, rotated per sending number by the outbound core. */
  smsVariants: string[];
  emailSubject: string | null;
  emailTemplate: string | null;
}

async function sendOne(
  db: TenantDb,
  blast: BlastToSend,
  recipient: { buyerId: string; channel: Channel },
  values: MergeValues,
  at: Date,
  deps: OutboundDeps | undefined,
  attachments?: EmailAttachment[],
): Promise<Outcome> {
  if (recipient.channel !== "SMS" && recipient.channel !== "EMAIL") return null;
  const template = recipient.channel === "SMS" ? blast.smsTemplate : blast.emailTemplate;
  if (!template) return null;
  const wordings = recipient.channel === "SMS" && blast.smsVariants.length > 0 ? [template, ...blast.smsVariants].map((text) => mergeTemplate(text, values).slice(0, 1600)) : null;
  try {
    return await sendMessage(
      db,
      {
        buyerId: recipient.buyerId,
        dealId: blast.dealId,
        channel: recipient.channel,
        body: mergeTemplate(template, values).slice(0, 1600),
        subject: recipient.channel === "EMAIL" ? mergeTemplate(blast.emailSubject ?? "", values).slice(0, 200) : undefined,
        actorId: blast.createdById,
        now: at,
        attachments: recipient.channel === "EMAIL" ? attachments : undefined,
        ...(wordings ? { variants: variantsOf(blastVariantPrefix(blast.id), wordings) } : {}),
      },
      deps,
    );
  } catch (error) {
    // A buyer deleted since the blast was queued (or another refusal of the input) fails
    // that recipient alone; anything else fails the chunk, which is retried.
    if (error instanceof ExpectedError) return { status: "ERROR", error: error.message };
    throw error;
  }
}

/** What became of one recipient's send: the outbound core's answer, its refusal of the input, or nothing to send. */
type Outcome = SendMessageResult | { status: "ERROR"; error: string } | null;

/**
 * The recipient's state after its send, and the buyer's SENT feedback when a message left:
 * once per buyer per blast (a buyer reached by SMS and email was sent the deal once).
 */
async function recordOutcome(
  db: TenantDb,
  blast: BlastToSend,
  recipient: { id: string; buyerId: string; channel: string },
  outcome: Outcome,
  at: Date,
): Promise<void> {
  await db.$transaction(async (tx) => {
    if (!outcome) {
      await tx.blastRecipient.update({ where: { id: recipient.id }, data: { state: "FAILED", blockedReason: "Nothing to send on this channel" } });
      return;
    }
    if (outcome.status === "BLOCKED") {
      await tx.blastRecipient.update({ where: { id: recipient.id }, data: { state: "BLOCKED", messageId: outcome.messageId, blockedGate: outcome.gate, blockedReason: outcome.reason } });
      return;
    }
    if (outcome.status === "FAILED" || outcome.status === "ERROR") {
      const messageId = outcome.status === "FAILED" ? outcome.messageId : null;
      await tx.blastRecipient.update({ where: { id: recipient.id }, data: { state: "FAILED", messageId, blockedReason: outcome.error.slice(0, 500) } });
      return;
    }
    await tx.blastRecipient.update({ where: { id: recipient.id }, data: { state: "SENT", messageId: outcome.messageId } });
    await recordBuyerFeedback(tx, [
      {
        buyerId: recipient.buyerId,
        dealId: blast.dealId,
        kind: "SENT",
        correlationId: blast.id,
        dedupeKey: `blast-sent:${blast.id}:${recipient.buyerId}`,
        occurredAt: at,
        data: { blastId: blast.id, channel: recipient.channel, messageId: outcome.messageId },
      },
    ]);
  });
}
