import type { Deal } from "@/generated/prisma/client";
import type { TenantDb } from "@/lib/db/tenant";
import { listDealNotes } from "@/lib/deals/notes";
import { listDealMessages } from "@/lib/outbound/queries";
import { listMembers } from "@/lib/tenants/members";
import { listCallsOf } from "@/lib/calls/queries";
import { listMailPiecesOf } from "@/lib/mail/queries";
import { describeCall, describeDealAudit, describeDealKpi, describeMailPiece } from "./timeline-text";
import { openAuditEvents } from "@/lib/audit/sealing";

export type FieldKind = "text" | "money" | "number" | "percent" | "phone" | "email";

export interface FieldProvenance {
  /** 0..1, as the parser reported it; null when the record carried none. */
  confidence: number | null;
  /** The text the value was read from. */
  source: string;
}

export interface DealField {
  name: string;
  label: string;
  kind: FieldKind;
  value: string | number | null;
  /** What the parser recorded for this field, when it did. */
  provenance: FieldProvenance | null;
  /** Where the value came from when there is no provenance: "CSV import", "Underwriting"... */
  origin: string;
}

export interface DealFieldGroup {
  title: string;
  fields: DealField[];
}

export type TimelineKind = "intake" | "underwriting" | "message" | "call" | "mail" | "kpi" | "audit";

export interface TimelineEntry {
  id: string;
  at: Date;
  kind: TimelineKind;
  title: string;
  detail: string | null;
  /** For underwriting entries: the offer computed, for the page to format. */
  offer?: { mao: number | null; spread: number | null; spreadRatio: number | null; strategy: string | null };
  /** For message entries: what was said, which way, and where it stands. */
  message?: { direction: "INBOUND" | "OUTBOUND"; channel: string; status: string; body: string; blockedReason: string | null };
}

export const SOURCE_LABELS: Record<Deal["source"], string> = {
  EMAIL: "Deal email",
  CSV: "CSV import",
  API: "API",
  MANUAL: "Entered by hand",
  DRIVING: "Driving for dollars",
};

const INTAKE_TITLES: Record<Deal["source"], string> = {
  EMAIL: "Received in a deal email",
  CSV: "Imported from a CSV list",
  API: "Received through the API",
  MANUAL: "Entered by hand",
  DRIVING: "Captured on the road",
};

type FieldSpec = [name: keyof Deal, label: string, kind: FieldKind];

/** Every field a person reads on a deal, grouped as on an intake sheet. */
const FIELD_GROUPS: { title: string; fields: FieldSpec[]; computed?: boolean }[] = [
  {
    title: "Address",
    fields: [
      ["street", "Street", "text"], ["unit", "Unit", "text"], ["city", "City", "text"], ["region", "State / province", "text"],
      ["postalCode", "Postal code", "text"], ["country", "Country", "text"], ["market", "Market", "text"], ["timeZone", "Lead time zone", "text"],
    ],
  },
  {
    title: "Property",
    fields: [
      ["propertyType", "Type", "text"], ["beds", "Beds", "number"], ["baths", "Baths", "number"],
      ["sqft", "Square feet", "number"], ["yearBuilt", "Year built", "text"], ["score", "Lead score", "number"],
    ],
  },
  { title: "Pricing", fields: [["askingPrice", "Asking price", "money"], ["arv", "ARV", "money"], ["repairs", "Repairs", "money"]] },
  {
    title: "Underwriting",
    computed: true,
    fields: [["mao", "MAO", "money"], ["spread", "Spread", "money"], ["spreadRatio", "Spread %", "percent"], ["strategy", "Strategy", "text"]],
  },
  {
    title: "Contact",
    fields: [["contactName", "Name", "text"], ["contactPhone", "Phone", "phone"], ["contactEmail", "Email", "email"]],
  },
];

/** Reads Deal.provenance defensively: it is JSON written by several parsers over time. */
export function readProvenance(provenance: unknown, field: string): FieldProvenance | null {
  if (!provenance || typeof provenance !== "object" || Array.isArray(provenance)) return null;
  const entry = (provenance as Record<string, unknown>)[field];
  if (!entry || typeof entry !== "object") return null;
  const { confidence, source } = entry as { confidence?: unknown; source?: unknown };
  const value = typeof confidence === "number" && Number.isFinite(confidence) ? Math.min(1, Math.max(0, confidence)) : null;
  return { confidence: value, source: typeof source === "string" ? source : "" };
}

export function dealFieldGroups(deal: Deal): DealFieldGroup[] {
  return FIELD_GROUPS.map((group) => ({
    title: group.title,
    fields: group.fields.map(([name, label, kind]) => ({
      name,
      label,
      kind,
      value: (deal[name] ?? null) as string | number | null,
      provenance: group.computed ? null : readProvenance(deal.provenance, name),
      origin: group.computed ? "Underwriting" : name === "market" || name === "timeZone" ? "Derived from the address" : SOURCE_LABELS[deal.source],
    })),
  }));
}

function readOffer(outputs: unknown): NonNullable<TimelineEntry["offer"]> {
  const o = outputs && typeof outputs === "object" ? (outputs as Record<string, unknown>) : {};
  const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);
  return { mao: num(o.mao), spread: num(o.spread), spreadRatio: num(o.spreadRatio), strategy: typeof o.strategy === "string" ? o.strategy : null };
}

// Same-instant entries keep the order in which things happen to a deal.
const KIND_ORDER: Record<TimelineKind, number> = { intake: 0, underwriting: 1, message: 2, call: 3, mail: 4, kpi: 5, audit: 6 };

/** Oldest first: the deal's story from intake on. */
export function sortTimeline(entries: TimelineEntry[]): TimelineEntry[] {
  return [...entries].sort(
    (a, b) => a.at.getTime() - b.at.getTime() || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.id.localeCompare(b.id),
  );
}

/** KPI events an intake, underwriting or message entry already tells: left out, not said twice. */
const KPIS_TOLD_ELSEWHERE = new Set(["lead_created", "deal_underwritten", "offer_generated", "message_sent", "message_blocked", "message_failed", "message_received"]);

function messageTitle(m: { direction: string; channel: string; status: string; toAddress: string; fromAddress: string | null }): string {
  const channel = m.channel === "EMAIL" ? "Email" : "SMS";
  if (m.direction === "INBOUND") return `${channel} reply from ${m.fromAddress ?? "the lead"}`;
  const verb = { BLOCKED: "blocked", FAILED: "failed", UNDELIVERED: "undelivered", DELIVERED: "delivered", SENT: "sent", QUEUED: "queued" }[m.status] ?? m.status.toLowerCase();
  return `${channel} to ${m.toAddress} ${verb}`;
}

/** Caps each event stream so a deal with a runaway history still renders quickly. */
const TIMELINE_LIMIT = 200;

/**
 * One deal with everything the detail page shows, or null when the id is unknown to this
 * tenant (the scoped client makes another tenant's deal invisible, so both read as absent).
 */
export async function getDealDetail(db: TenantDb, id: string) {
  const deal = await db.deal.findFirst({ where: { id, deletedAt: null } });
  if (!deal) return null;
  const [evidence, kpiEvents, auditEvents, emails, messages, notes, members, calls, mailPieces] = await Promise.all([
    db.offerEvidence.findMany({ where: { dealId: id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: TIMELINE_LIMIT }),
    db.kpiEvent.findMany({ where: { dealId: id }, orderBy: { createdAt: "desc" }, take: TIMELINE_LIMIT }),
    db.auditEvent.findMany({ where: { entity: "Deal", entityId: id }, orderBy: { createdAt: "desc" }, take: TIMELINE_LIMIT }).then((rows) => openAuditEvents(db, rows)),
    deal.source === "EMAIL"
      ? db.inboundEmail.findMany({
          where: { dealIds: { has: id } },
          orderBy: { receivedAt: "desc" },
          take: 5,
          select: { id: true, subject: true, fromAddress: true, receivedAt: true, source: true },
        })
      : Promise.resolve([]),
    listDealMessages(db, id, TIMELINE_LIMIT, {
      id: true, createdAt: true, direction: true, channel: true, status: true, body: true, subject: true, blockedReason: true, toAddress: true, fromAddress: true,
    }),
    listDealNotes(db, id),
    listMembers(db),
    listCallsOf(db, { dealId: id }, TIMELINE_LIMIT),
    listMailPiecesOf(db, id, TIMELINE_LIMIT),
  ]);
  const names = new Map(members.map((m) => [m.userId, m.name || m.email]));
  const nameOf = (userId: string | null) => (userId ? (names.get(userId) ?? "a former member") : "nobody");

  const timeline = sortTimeline([
    // The source reference is a message or request id: the raw source card shows it, the story does not.
    { id: `intake-${deal.id}`, at: deal.createdAt, kind: "intake", title: INTAKE_TITLES[deal.source], detail: null },
    ...evidence.map((e): TimelineEntry => ({
      id: e.id,
      at: e.createdAt,
      kind: "underwriting",
      title: `Underwritten${e.policyVersion ? ` (policy v${e.policyVersion})` : ""}`,
      detail: null,
      offer: readOffer(e.outputs),
    })),
    ...messages.map((m): TimelineEntry => ({
      id: m.id,
      at: m.createdAt,
      kind: "message",
      title: messageTitle(m),
      detail: m.subject ? `Subject: ${m.subject}` : null,
      message: { direction: m.direction, channel: m.channel, status: m.status, body: m.body, blockedReason: m.blockedReason },
    })),
    ...calls.map((c): TimelineEntry => ({ id: c.id, at: c.startedAt, kind: "call", ...describeCall(c, nameOf) })),
    ...mailPieces.map((p): TimelineEntry => ({ id: p.id, at: p.createdAt, kind: "mail", ...describeMailPiece(p) })),
    ...kpiEvents.filter((k) => !KPIS_TOLD_ELSEWHERE.has(k.name)).map((k): TimelineEntry => ({ id: k.id, at: k.createdAt, kind: "kpi", ...describeDealKpi(k.name, k.data) })),
    ...auditEvents.map((a): TimelineEntry => {
      const { title, detail } = describeDealAudit(a, nameOf);
      const by = a.actorId ? nameOf(a.actorId) : (a.actorEmail ?? "the system");
      return { id: a.id, at: a.createdAt, kind: "audit", title, detail: [detail, `by ${by}`].filter(Boolean).join(" · ") };
    }),
  ]);

  return {
    deal,
    fieldGroups: dealFieldGroups(deal),
    evidence,
    emails,
    timeline,
    notes: notes.map((n) => ({ ...n, author: n.authorId ? nameOf(n.authorId) : "the system" })),
    members: members.map((m) => ({ userId: m.userId, name: m.name || m.email, role: m.role })),
    ownerName: deal.ownerId ? nameOf(deal.ownerId) : null,
  };
}
export type DealDetail = NonNullable<Awaited<ReturnType<typeof getDealDetail>>>;
export type OfferEvidenceRow = DealDetail["evidence"][number];
