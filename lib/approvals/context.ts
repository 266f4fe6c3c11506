/**
 * What a drafter is told about a person: the lead's deal and contact, or the buyer and the
 * recent deal that fits them best; the signals behind their intent score; and who signs
 * (the person's owner in the workspace, else its first owner).
 */
import { isTenantTransaction, type TenantDb, type TenantTransaction } from "@/lib/db/tenant";
import { matchBuyers } from "@/lib/buyers/match";
import type { MatchBuyer, MatchDeal } from "@/lib/buyers/types";
import { normalizeEmail } from "@/lib/contact/address";
import { resolveProviderCredentials } from "@/lib/providers/credentials";
import { computeIntentScore } from "@/lib/signals/score";
import { readSubjectSignals } from "@/lib/signals/service";
import type { IntentSettings } from "@/lib/signals/settings-schema";
import { SIGNAL_TYPE_INFO, type SignalSubject, type SignalType } from "@/lib/signals/types";
import type { DraftContext, ReasonSignal } from "./types";

type Db = TenantDb | TenantTransaction;

/** The signals a reasoning cites at most. */
const SIGNALS_CITED = 5;
/** Deals a buyer's email may be about: the newest open ones of the last 60 days. */
const RECENT_DEAL_DAYS = 60;
const RECENT_DEALS_READ = 200;
const OPEN_STATUSES = ["NEW", "UNDERWRITTEN", "CONTACTED", "NEGOTIATING"] as const;

export interface PersonIntent {
  score: number;
  signals: ReasonSignal[];
}

/** A person's intent score now and its strongest signals, as the reasoning cites them. */
export async function readPersonIntent(db: Db, subject: SignalSubject, settings: IntentSettings, now: Date): Promise<PersonIntent & { dealIdsSeen: string[] }> {
  const rows = await readSubjectSignals(db, subject, settings, now);
  const { score, contributions } = computeIntentScore(rows, settings, now);
  const signals = contributions.slice(0, SIGNALS_CITED).map((c) => ({
    type: c.type,
    label: SIGNAL_TYPE_INFO[c.type as SignalType]?.label ?? c.type,
    occurredAt: c.occurredAt.toISOString(),
    points: Math.round(c.points * 10) / 10,
  }));
  // A buyer's signals name the deals they looked at or offered on.
  const dealIdsSeen = rows.flatMap((r) => {
    const payload = r.payload as Record<string, unknown> | null;
    return payload && typeof payload.dealId === "string" ? [payload.dealId] : [];
  });
  return { score, signals, dealIdsSeen: [...new Set(dealIdsSeen)] };
}

/** The person's email address in stored form: the lead's contact email or the buyer's first. */
export async function readPersonEmail(db: Db, subject: SignalSubject): Promise<{ found: boolean; email: string | null }> {
  if (subject.kind === "lead") {
    const deal = await db.deal.findFirst({ where: { id: subject.dealId, deletedAt: null }, select: { contactEmail: true } });
    return { found: Boolean(deal), email: normalizeEmail(deal?.contactEmail) };
  }
  const buyer = await db.buyer.findFirst({ where: { id: subject.buyerId, deletedAt: null }, select: { emails: true } });
  return { found: Boolean(buyer), email: normalizeEmail(buyer?.emails[0]) };
}

const dealSelect = {
  id: true, street: true, unit: true, city: true, region: true, postalCode: true, market: true, status: true, askingPrice: true, arv: true, repairs: true,
  mao: true, spread: true, strategy: true, tags: true, propertyType: true, ownerId: true, contactName: true, contactPhone: true, contactEmail: true, createdAt: true,
} as const;
type DealRow = { id: string; street: string | null; unit: string | null; city: string | null; region: string | null; postalCode: string | null; status: string; askingPrice: number | null; arv: number | null; mao: number | null; spread: number | null; strategy: string | null; tags: string[] };

function dealOf(row: DealRow): NonNullable<DraftContext["deal"]> {
  const address = [row.street, row.unit].filter(Boolean).join(" ") || [row.city, row.region].filter(Boolean).join(", ") || "the property";
  return {
    id: row.id, address, city: row.city, region: row.region, postalCode: row.postalCode, status: row.status,
    askingPrice: row.askingPrice, arv: row.arv, mao: row.mao, spread: row.spread, strategy: row.strategy, tags: row.tags,
  };
}

/** "Maria" from "Maria Lopez"; null for a blank name or one that is not a person's ("Owner", "Estate of ..."). */
export function firstNameOf(name: string | null | undefined): string | null {
  const first = name?.trim().split(/\s+/)[0];
  if (!first || !/^[\p{L}][\p{L}'-]*$/u.test(first)) return null;
  if (/^(owner|unknown|estate|trust|llc|inc|the|mr|mrs|ms|dr)\.?$/i.test(first)) return null;
  return first[0].toUpperCase() + first.slice(1);
}

/**
 * The recent open deal that fits the buyer best by the matching rules, preferring those the
 * buyer's own signals name (a deal they viewed or offered on); null when none fits.
 */
async function bestDealForBuyer(db: Db, buyer: MatchBuyer, dealIdsSeen: string[], now: Date) {
  const since = new Date(now.getTime() - RECENT_DEAL_DAYS * 86_400_000);
  const [seen, recent] = await Promise.all([
    dealIdsSeen.length ? db.deal.findMany({ where: { id: { in: dealIdsSeen.slice(0, 50) }, deletedAt: null }, select: dealSelect }) : [],
    db.deal.findMany({ where: { deletedAt: null, status: { in: [...OPEN_STATUSES] }, createdAt: { gte: since } }, orderBy: { createdAt: "desc" }, take: RECENT_DEALS_READ, select: dealSelect }),
  ]);
  const seenIds = new Set(seen.map((d) => d.id));
  let best: { deal: (typeof recent)[number]; rank: number } | null = null;
  for (const deal of [...seen, ...recent.filter((d) => !seenIds.has(d.id))]) {
    const [match] = matchBuyers(deal as MatchDeal, [buyer], { now });
    // A deal the buyer engaged with is what they care about even if their box is narrower.
    const rank = (match?.score ?? (seenIds.has(deal.id) ? 0 : Number.NEGATIVE_INFINITY)) + (seenIds.has(deal.id) ? 1000 : 0);
    if (rank > Number.NEGATIVE_INFINITY && (!best || rank > best.rank)) best = { deal, rank };
  }
  return best?.deal ?? null;
}

/** Who signs: the person's owner when they are a member, else the workspace's first owner; the phone is the workspace's texting number. */
async function readSender(db: Db, ownerId: string | null): Promise<DraftContext["sender"]> {
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: db.tenantId }, select: { name: true } });
  const membership =
    (ownerId ? await db.membership.findFirst({ where: { userId: ownerId }, select: { user: { select: { name: true } } } }) : null) ??
    (await db.membership.findFirst({ where: { role: "owner" }, orderBy: { createdAt: "asc" }, select: { user: { select: { name: true } } } }));
  const name = membership?.user.name?.trim() || tenant.name;
  return { name, firstName: firstNameOf(name) ?? name, phone: await readSenderPhone(db), company: tenant.name };
}

async function readSenderPhone(db: Db): Promise<string | null> {
  // Credentials are read outside a transaction (they may be decrypted); inside one the phone is left out.
  if (isTenantTransaction(db)) return null;
  try {
    const twilio = await resolveProviderCredentials(db as TenantDb, "TWILIO");
    return twilio.credentials?.fromNumber ?? null;
  } catch {
    // Unreadable stored credentials stop sending, not drafting: the email then offers a reply instead of a call.
    return null;
  }
}

export async function buildDraftContext(
  db: TenantDb | TenantTransaction,
  subject: SignalSubject,
  options: { now: Date; settings: IntentSettings },
): Promise<DraftContext | null> {
  const { now, settings } = options;
  const intent = await readPersonIntent(db, subject, settings, now);
  const common = { subject, intent: { score: intent.score, threshold: settings.highIntentThreshold, signals: intent.signals }, templates: settings.drafting, now: now.toISOString() };
  if (subject.kind === "lead") {
    const deal = await db.deal.findFirst({ where: { id: subject.dealId, deletedAt: null }, select: dealSelect });
    const email = normalizeEmail(deal?.contactEmail);
    if (!deal || !email) return null;
    const name = deal.contactName?.trim() || null;
    return {
      ...common,
      person: { name, firstName: firstNameOf(name), email, phone: deal.contactPhone },
      deal: dealOf(deal),
      buyer: null,
      sender: await readSender(db, deal.ownerId),
    };
  }
  const buyer = await db.buyer.findFirst({ where: { id: subject.buyerId, deletedAt: null } });
  const email = normalizeEmail(buyer?.emails[0]);
  if (!buyer || !email) return null;
  const deal = await bestDealForBuyer(db, buyer as unknown as MatchBuyer, intent.dealIdsSeen, now);
  return {
    ...common,
    person: { name: buyer.name, firstName: firstNameOf(buyer.name), email, phone: buyer.phones[0] ?? null },
    deal: deal ? dealOf(deal) : null,
    buyer: { id: buyer.id, name: buyer.name, company: buyer.company, markets: buyer.markets, tier: buyer.tier, propertyTypes: buyer.propertyTypes, priceMin: buyer.priceMin, priceMax: buyer.priceMax },
    sender: await readSender(db, buyer.ownerId),
  };
}
