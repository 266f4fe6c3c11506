import type { Prisma } from "@/generated/prisma/client";
import type { TenantDb } from "@/lib/db/tenant";
import { recordKpiEvents } from "@/lib/kpi/service";
import { propertyQuotaExceeded } from "@/lib/plans/quota";
import { toStorableJson } from "@/lib/validation/text";
import { parseDealEmail, type EmailInput, type ParsedDeal, type ParseResult } from "./email";
import { DealInput } from "./schema";
import { intakeDeals, type IntakeItem } from "./service";

export interface InboundEmailMessage extends EmailInput {
  messageId: string;
  to?: string;
}

export interface EmailIntakeResult {
  duplicate: boolean;
  dealIds: string[];
  parsedDeals: number;
  skipped: { index: number; reason: string }[];
}

/** A parsed deal as intake input; deals without a usable address are reported, not guessed. */
export function toIntakeItem(parsed: ParsedDeal, message: InboundEmailMessage): { item?: IntakeItem; reason?: string } {
  const f = parsed.fields;
  const candidate = DealInput.safeParse({
    street: f.street ?? undefined,
    unit: f.unit ?? undefined,
    city: f.city ?? undefined,
    region: f.region ?? undefined,
    postalCode: f.postalCode ?? undefined,
    country: f.country ?? undefined,
    askingPrice: f.askingPrice ?? undefined,
    arv: f.arv ?? undefined,
    repairs: f.repairs ?? undefined,
    beds: f.beds ?? undefined,
    baths: f.baths ?? undefined,
    sqft: f.sqft ?? undefined,
    yearBuilt: f.yearBuilt ?? undefined,
    propertyType: f.propertyType ?? undefined,
    contactName: f.contactName ?? undefined,
    contactPhone: f.contactPhone ?? undefined,
    contactEmail: f.contactEmail ?? undefined,
  });
  if (!candidate.success) return { reason: candidate.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
  return {
    item: {
      deal: candidate.data,
      provenance: parsed.provenance,
      raw: { messageId: message.messageId, from: message.from, subject: message.subject, text: message.text, html: message.html },
    },
  };
}

/**
 * Takes in one deal email, once: the Message-ID is claimed first, so a redelivered
 * webhook or a re-polled mailbox changes nothing and answers with the same deals. Text the
 * database cannot store (NUL, unpaired surrogates) is kept with those characters replaced:
 * refusing would only make the sender retry, or leave the message unread in the mailbox.
 */
export async function ingestDealEmail(
  db: TenantDb,
  sentMessage: InboundEmailMessage & { raw?: string },
  source: "webhook" | "gmail",
  sentPreParsed?: ParseResult,
): Promise<EmailIntakeResult> {
  const message = toStorableJson({ ...sentMessage });
  const preParsed = sentPreParsed && toStorableJson(structuredClone(sentPreParsed));
  const existing = await db.inboundEmail.findFirst({ where: { messageId: message.messageId } });
  if (existing) return { duplicate: true, dealIds: existing.dealIds, parsedDeals: existing.dealIds.length, skipped: [] };

  const parsed = preParsed ?? parseDealEmail(message);
  const candidates = parsed.deals.map((deal, index) => ({ index, ...toIntakeItem(deal, message) }));
  const items = candidates.filter((c) => c.item).map((c) => c.item!);
  const skipped = candidates.filter((c) => !c.item).map((c) => ({ index: c.index, reason: c.reason! }));

  let claimId: string;
  try {
    claimId = (
      await db.inboundEmail.create({
        data: {
          messageId: message.messageId,
          source,
          fromAddress: message.from ?? null,
          subject: message.subject ?? null,
          dealIds: [],
          parsed: { deals: parsed.deals, warnings: parsed.warnings, skipped } as unknown as Prisma.InputJsonValue,
          raw: { to: message.to, text: message.text, html: message.html, rfc822: message.raw },
        },
      })
    ).id;
  } catch {
    const winner = await db.inboundEmail.findFirst({ where: { messageId: message.messageId } });
    return { duplicate: true, dealIds: winner?.dealIds ?? [], parsedDeals: winner?.dealIds.length ?? 0, skipped: [] };
  }

  try {
    const report = items.length ? await intakeDeals(db, items, { source: "EMAIL", sourceRef: message.messageId }) : null;
    // Past the plan's quota the email is refused as a whole (429 to the sender, a failed poll
    // for Gmail): its claim is released below, so a redelivery after the reset takes in the
    // rest, and the deals that fitted come back as duplicates.
    if (report?.quota && report.overQuota.length) throw propertyQuotaExceeded(report.quota);
    const dealIds = [...(report?.created.map((d) => d.id) ?? []), ...(report?.duplicates.map((d) => d.existingId).filter((id): id is string => Boolean(id)) ?? [])];
    // An email naming a person who was erased is not kept as received (the Message-ID stays, for idempotency).
    const erased = report?.suppressed.length ? { fromAddress: null, subject: null, parsed: { erased: true }, raw: { erased: true } } : {};
    await db.inboundEmail.update({ where: { id: claimId }, data: { dealIds, ...erased } });
    await recordKpiEvents(db, [{ name: "email_parsed", data: { messageId: message.messageId, deals: parsed.deals.length, created: report?.created.length ?? 0, skipped: skipped.length } }]);
    return { duplicate: false, dealIds, parsedDeals: parsed.deals.length, skipped };
  } catch (error) {
    // Release the claim so a redelivery can try again.
    await db.inboundEmail.deleteMany({ where: { id: claimId } });
    throw error;
  }
}
