/**
 * Deliverability control inside a send, under the outbound core's workspace lock: which
 * configured sender the message leaves from (or why none may carry it), and which wording of
 * a rotated template goes next in that sender's stream.
 */
import type { MessageStatus } from "@/generated/prisma/enums";
import type { TenantTransaction } from "@/lib/db/tenant";
import { pickVariant, type TemplateVariant } from "./rotation";
import { chooseSender, type SenderCandidate, type SenderChoice } from "./sender-rules";
import { emailDomainOf } from "./identities-rules";

/** Statuses of messages handed (or being handed) to a provider: they used a sender's share. */
const CARRIED: MessageStatus[] = ["QUEUED", "SENT", "DELIVERED", "UNDELIVERED"];

/** The channel's senders with what each carried since `dayStart`, and the choice among them. */
export async function selectSender(tx: TenantTransaction, channel: "SMS" | "EMAIL", dayStart: Date, dailyCap: number): Promise<SenderChoice> {
  const identities = await tx.sendingIdentity.findMany({
    where: { channel },
    select: { id: true, address: true, status: true, rate: true, statusReason: true, lastUsedAt: true },
    orderBy: { address: "asc" },
  });
  if (identities.length === 0) return { kind: "default" };
  const usage = await tx.message.groupBy({
    by: ["fromAddress"],
    where: { channel, direction: "OUTBOUND", status: { in: CARRIED }, createdAt: { gte: dayStart }, fromAddress: { not: null } },
    _count: { _all: true },
  });
  const used = new Map<string, number>();
  for (const row of usage) {
    // An email's sender is its domain: every address of the domain counts against it.
    const key = channel === "EMAIL" ? emailDomainOf(row.fromAddress ?? "") : row.fromAddress;
    if (key) used.set(key, (used.get(key) ?? 0) + row._count._all);
  }
  const candidates: SenderCandidate[] = identities.map((identity) => ({ ...identity, usedToday: used.get(identity.address) ?? 0 }));
  return chooseSender(channel, candidates, dailyCap);
}

export async function markSenderUsed(tx: TenantTransaction, senderId: string, at: Date): Promise<void> {
  await tx.sendingIdentity.update({ where: { id: senderId }, data: { lastUsedAt: at } });
}

/**
 * The next wording in the sender's stream (all of the workspace's texts when it has no
 * configured senders: they all leave from its one number).
 */
export async function nextVariant<V extends TemplateVariant>(tx: TenantTransaction, variants: readonly V[], streamAddress: string | null): Promise<V> {
  if (variants.length === 1) return variants[0]!;
  const stream = { channel: "SMS" as const, direction: "OUTBOUND" as const, status: { in: CARRIED }, ...(streamAddress ? { fromAddress: streamAddress } : {}) };
  const [last, lastOfFamily] = await Promise.all([
    tx.message.findFirst({ where: stream, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { body: true } }),
    tx.message.findFirst({ where: { ...stream, variantKey: { in: variants.map((variant) => variant.key) } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { variantKey: true } }),
  ]);
  return pickVariant(variants, { lastBody: last?.body ?? null, lastVariantKey: lastOfFamily?.variantKey ?? null });
}
