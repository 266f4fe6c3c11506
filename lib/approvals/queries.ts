/**
 * What the approval queue and a draft's page read: one page of drafts (waiting first, then
 * by intent and age) with the counts per status, and one draft beside everything a person
 * needs to decide on it.
 */
import type { EmailDraft, Prisma } from "@/generated/prisma/client";
import { openAuditEvents } from "@/lib/audit/sealing";
import type { TenantDb } from "@/lib/db/tenant";
import { fillInlineFooter, publicBaseUrl } from "@/lib/outbound/unsubscribe";
import { resolveProviderCredentials } from "@/lib/providers/credentials";
import { getIntentSettings } from "@/lib/signals/settings";
import { SIGNAL_TYPE_INFO, type SignalSubject, type SignalType } from "@/lib/signals/types";
import { getTenantWithSettings } from "@/lib/tenants/settings";
import { readPersonIntent } from "./context";
import { APPROVAL_PAGE_SIZE, type ApprovalQueueQuery } from "./schema";
import type { ReasonSignal } from "./types";

export interface ApprovalQueueRow {
  id: string;
  status: EmailDraft["status"];
  kind: "lead" | "buyer";
  dealId: string | null;
  buyerId: string | null;
  personName: string;
  propertyLabel: string | null;
  toAddress: string;
  subject: string;
  intentScore: number;
  confidence: number;
  createdAt: Date;
  ownerName: string | null;
  blockedGate: string | null;
  blockedDetail: string | null;
}

export interface ApprovalQueuePage {
  rows: ApprovalQueueRow[];
  total: number;
  page: number;
  pageSize: number;
  counts: { PENDING: number; SENT: number; REJECTED: number };
}

/** A draft being sent is still the queue's until it has left. */
const STATUS_WHERE: Record<"PENDING" | "SENT" | "REJECTED", Prisma.EmailDraftWhereInput["status"]> = { PENDING: { in: ["PENDING", "SENDING"] }, SENT: "SENT", REJECTED: "REJECTED" };

function addressLabel(deal: { street: string | null; unit: string | null; city: string | null; region: string | null }): string | null {
  const street = [deal.street, deal.unit].filter(Boolean).join(" ");
  const place = [deal.city, deal.region].filter(Boolean).join(", ");
  return [street, place].filter(Boolean).join(", ") || null;
}

async function ownerFilter(db: TenantDb, owner: string | undefined, me: string | null | undefined): Promise<Prisma.EmailDraftWhereInput | null> {
  if (!owner) return null;
  const userId = owner === "me" ? me : owner;
  if (!userId) return { id: { in: [] } };
  const [deals, buyers] = await Promise.all([
    db.deal.findMany({ where: { ownerId: userId }, select: { id: true } }),
    db.buyer.findMany({ where: { ownerId: userId }, select: { id: true } }),
  ]);
  return {
    OR: [
      { buyerId: null, dealId: { in: deals.map((d) => d.id) } },
      { buyerId: { in: buyers.map((b) => b.id) } },
    ],
  };
}

export async function listApprovalQueue(db: TenantDb, query: ApprovalQueueQuery): Promise<ApprovalQueuePage> {
  const pageSize = query.pageSize ?? APPROVAL_PAGE_SIZE;
  const filters: Prisma.EmailDraftWhereInput[] = [];
  if (query.kind === "buyer") filters.push({ buyerId: { not: null } });
  if (query.kind === "lead") filters.push({ buyerId: null });
  const owner = await ownerFilter(db, query.owner, query.me);
  if (owner) filters.push(owner);
  const base: Prisma.EmailDraftWhereInput = { AND: filters };
  const where: Prisma.EmailDraftWhereInput = query.status === "all" ? base : { AND: [...filters, { status: STATUS_WHERE[query.status] }] };

  const [total, grouped, drafts] = await Promise.all([
    db.emailDraft.count({ where }),
    db.emailDraft.groupBy({ by: ["status"], where: base, _count: { _all: true } }),
    db.emailDraft.findMany({
      where,
      // The enum's order puts PENDING and SENDING first.
      orderBy: [{ status: "asc" }, { intentScore: "desc" }, { createdAt: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  const counts = { PENDING: 0, SENT: 0, REJECTED: 0 };
  for (const group of grouped) counts[group.status === "SENDING" ? "PENDING" : group.status] += group._count._all;

  const dealIds = [...new Set(drafts.flatMap((d) => (d.dealId ? [d.dealId] : [])))];
  const buyerIds = [...new Set(drafts.flatMap((d) => (d.buyerId ? [d.buyerId] : [])))];
  const [deals, buyers] = await Promise.all([
    db.deal.findMany({ where: { id: { in: dealIds } }, select: { id: true, street: true, unit: true, city: true, region: true, contactName: true, ownerId: true } }),
    db.buyer.findMany({ where: { id: { in: buyerIds } }, select: { id: true, name: true, company: true, ownerId: true } }),
  ]);
  const dealById = new Map(deals.map((d) => [d.id, d]));
  const buyerById = new Map(buyers.map((b) => [b.id, b]));
  const ownerIds = [...new Set([...deals, ...buyers].flatMap((p) => (p.ownerId ? [p.ownerId] : [])))];
  const members = await db.membership.findMany({ where: { userId: { in: ownerIds } }, select: { userId: true, user: { select: { name: true } } } });
  const ownerName = new Map(members.map((m) => [m.userId, m.user.name]));

  const rows = drafts.map((draft): ApprovalQueueRow => {
    const deal = draft.dealId ? dealById.get(draft.dealId) : undefined;
    const buyer = draft.buyerId ? buyerById.get(draft.buyerId) : undefined;
    const ownerId = buyer ? buyer.ownerId : (deal?.ownerId ?? null);
    return {
      id: draft.id,
      status: draft.status,
      kind: draft.buyerId ? "buyer" : "lead",
      dealId: draft.dealId,
      buyerId: draft.buyerId,
      personName: buyer?.name ?? deal?.contactName ?? draft.toAddress,
      propertyLabel: deal ? addressLabel(deal) : null,
      toAddress: draft.toAddress,
      subject: draft.subject,
      intentScore: draft.intentScore,
      confidence: draft.confidence,
      createdAt: draft.createdAt,
      ownerName: ownerId ? (ownerName.get(ownerId) ?? null) : null,
      blockedGate: draft.blockedGate,
      blockedDetail: draft.blockedDetail,
    };
  });
  return { rows, total, page: query.page, pageSize, counts };
}

export interface ApprovalDetail {
  draft: EmailDraft;
  kind: "lead" | "buyer";
  person: { name: string; email: string | null; phone: string | null; consent: { status: "OPTED_IN" | "OPTED_OUT" | null; basis: string | null }; onDoNotContact: boolean };
  deal: { id: string; address: string; status: string; askingPrice: number | null; arv: number | null; spread: number | null; score: number | null; intentScore: number; ownerName: string | null } | null;
  buyer: { id: string; name: string; company: string | null; tier: string; markets: string[]; intentScore: number } | null;
  signals: ReasonSignal[];
  timeline: { at: Date; kind: string; text: string }[];
  preview: { subject: string; body: string; from: string };
  history: { at: Date; action: string; actorEmail: string | null; detail: string | null }[];
}

const TIMELINE_LENGTH = 20;

function historyDetail(action: string, after: unknown): string | null {
  const data = (after && typeof after === "object" ? after : {}) as Record<string, unknown>;
  if (action === "draft.rejected" && typeof data.reason === "string") return data.reason;
  if (action === "draft.blocked" && typeof data.detail === "string") return data.detail;
  if (action === "draft.proposed" && typeof data.drafter === "string") return `by ${data.drafter}, confidence ${data.confidence}`;
  if (action === "draft.approved" && typeof data.messageId === "string") return `sent as message ${data.messageId}`;
  if (action === "draft.edited") return "subject or body edited";
  return null;
}

async function readSenderAddress(db: TenantDb, workspaceName: string): Promise<string> {
  try {
    const sendgrid = await resolveProviderCredentials(db, "SENDGRID");
    if (sendgrid.credentials?.fromEmail) return `${workspaceName} <${sendgrid.credentials.fromEmail}>`;
  } catch {
    // Unreadable credentials: the preview still shows who signs.
  }
  return `${workspaceName} (local outbox)`;
}

export async function getApprovalDetail(db: TenantDb, draftId: string): Promise<ApprovalDetail | null> {
  const draft = await db.emailDraft.findUnique({ where: { id: draftId } });
  if (!draft) return null;
  const subject: SignalSubject = draft.buyerId ? { kind: "buyer", buyerId: draft.buyerId } : { kind: "lead", dealId: draft.dealId ?? "" };
  const [dealRow, buyerRow, consent, dnc, tenant, settings] = await Promise.all([
    draft.dealId ? db.deal.findUnique({ where: { id: draft.dealId } }) : null,
    draft.buyerId ? db.buyer.findUnique({ where: { id: draft.buyerId } }) : null,
    db.contactConsent.findFirst({ where: { channel: "EMAIL", address: draft.toAddress }, select: { status: true, basis: true } }),
    db.doNotContact.findFirst({ where: { value: draft.toAddress }, select: { id: true } }),
    getTenantWithSettings(db),
    getIntentSettings(db),
  ]);
  const ownerId = buyerRow ? buyerRow.ownerId : (dealRow?.ownerId ?? null);
  const owner = ownerId ? await db.membership.findFirst({ where: { userId: ownerId }, select: { user: { select: { name: true } } } }) : null;
  const intent = await readPersonIntent(db, subject, settings, new Date());
  const person = subject.kind === "buyer" ? { where: { buyerId: draft.buyerId } } : { where: { dealId: draft.dealId, buyerId: null } };

  const [messages, notes, signals, audit] = await Promise.all([
    db.message.findMany({ ...person, orderBy: { createdAt: "desc" }, take: TIMELINE_LENGTH, select: { createdAt: true, channel: true, direction: true, status: true, subject: true, body: true } }),
    subject.kind === "lead" && draft.dealId ? db.dealNote.findMany({ where: { dealId: draft.dealId }, orderBy: { createdAt: "desc" }, take: TIMELINE_LENGTH, select: { createdAt: true, body: true } }) : [],
    db.signal.findMany({ where: subject.kind === "lead" ? { dealId: draft.dealId } : { buyerId: draft.buyerId }, orderBy: { occurredAt: "desc" }, take: TIMELINE_LENGTH, select: { occurredAt: true, type: true, source: true } }),
    db.auditEvent.findMany({ where: { entity: "EmailDraft", entityId: draftId }, orderBy: { createdAt: "asc" } }),
  ]);
  const timeline = [
    ...messages.map((m) => ({ at: m.createdAt, kind: `message:${m.direction.toLowerCase()}`, text: `${m.channel} ${m.direction.toLowerCase()} (${m.status.toLowerCase()}): ${(m.subject ? `${m.subject}: ` : "") + m.body.slice(0, 160)}` })),
    ...notes.map((n) => ({ at: n.createdAt, kind: "note", text: n.body.slice(0, 200) })),
    ...signals.map((s) => ({ at: s.occurredAt, kind: "signal", text: `${SIGNAL_TYPE_INFO[s.type as SignalType]?.label ?? s.type} (${s.source})` })),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, TIMELINE_LENGTH);
  const opened = await openAuditEvents(db, audit);
  const baseUrl = publicBaseUrl() ?? "";

  return {
    draft,
    kind: subject.kind,
    person: {
      name: buyerRow?.name ?? dealRow?.contactName ?? draft.toAddress,
      email: draft.toAddress,
      phone: buyerRow ? (buyerRow.phones[0] ?? null) : (dealRow?.contactPhone ?? null),
      consent: { status: consent?.status ?? null, basis: consent?.basis ?? null },
      onDoNotContact: Boolean(dnc),
    },
    deal: dealRow
      ? {
          id: dealRow.id,
          address: addressLabel(dealRow) ?? "Address unknown",
          status: dealRow.status,
          askingPrice: dealRow.askingPrice,
          arv: dealRow.arv,
          spread: dealRow.spread,
          score: dealRow.score,
          intentScore: dealRow.intentScore,
          ownerName: subject.kind === "lead" ? (owner?.user.name ?? null) : null,
        }
      : null,
    buyer: buyerRow ? { id: buyerRow.id, name: buyerRow.name, company: buyerRow.company, tier: buyerRow.tier, markets: buyerRow.markets, intentScore: buyerRow.intentScore } : null,
    signals: intent.signals,
    timeline,
    preview: {
      subject: draft.subject,
      body: fillInlineFooter(draft.body, {
        postalAddress: tenant.settings?.postalAddress ?? "[no postal address set: Settings, Compliance; sending is refused without one]",
        unsubscribeUrl: `${baseUrl}/unsubscribe/example`,
      }),
      from: await readSenderAddress(db, tenant.name),
    },
    history: opened.map((e) => ({ at: e.createdAt, action: e.action, actorEmail: e.actorEmail, detail: historyDetail(e.action, e.after) })),
  };
}
