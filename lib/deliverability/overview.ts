/** What the Deliverability page shows: each sender with its figures and last decision, and the decision log. */
import type { TenantDb } from "@/lib/db/tenant";
import { senderStats } from "./stats";
import { ratesOf, type Rates, type SenderStatusValue, type WindowCounts } from "./throttle-rules";

export interface SenderOverview {
  id: string;
  channel: "SMS" | "EMAIL";
  address: string;
  label: string;
  status: SenderStatusValue;
  rate: number;
  statusReason: string | null;
  lastUsedAt: Date | null;
  last24h: WindowCounts & Rates;
  last7d: WindowCounts & Rates;
  lastDecision: { action: string; at: Date; reasons: string[] } | null;
}

export interface DecisionRow {
  id: string;
  address: string;
  action: string;
  fromStatus: string;
  toStatus: string;
  fromRate: number;
  toRate: number;
  reasons: string[];
  manual: boolean;
  createdAt: Date;
}

const reasonsOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((r): r is string => typeof r === "string") : []);
const isManual = (stats: unknown) => typeof stats === "object" && stats !== null && (stats as { manual?: unknown }).manual === true;

export async function listSenders(db: TenantDb, now = new Date()): Promise<SenderOverview[]> {
  const identities = await db.sendingIdentity.findMany({ orderBy: [{ channel: "asc" }, { address: "asc" }] });
  if (identities.length === 0) return [];
  const [stats, latest] = await Promise.all([
    senderStats(db, identities, now),
    db.throttleDecision.findMany({ where: { identityId: { in: identities.map((i) => i.id) } }, orderBy: { createdAt: "desc" }, distinct: ["identityId"], select: { identityId: true, action: true, createdAt: true, reasons: true } }),
  ]);
  const lastOf = new Map(latest.map((d) => [d.identityId, { action: d.action, at: d.createdAt, reasons: reasonsOf(d.reasons) }]));
  return identities.map((identity) => {
    const figures = stats.get(identity.id)!;
    return {
      id: identity.id,
      channel: identity.channel === "EMAIL" ? "EMAIL" : "SMS",
      address: identity.address,
      label: identity.label,
      status: identity.status,
      rate: identity.rate,
      statusReason: identity.statusReason,
      lastUsedAt: identity.lastUsedAt,
      last24h: { ...figures.last24h, ...ratesOf(figures.last24h) },
      last7d: { ...figures.last7d, ...ratesOf(figures.last7d) },
      lastDecision: lastOf.get(identity.id) ?? null,
    };
  });
}

export async function listDecisions(db: TenantDb, take = 50): Promise<DecisionRow[]> {
  const rows = await db.throttleDecision.findMany({ orderBy: { createdAt: "desc" }, take });
  const identities = await db.sendingIdentity.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.identityId))] } }, select: { id: true, address: true } });
  const addressOf = new Map(identities.map((i) => [i.id, i.address]));
  return rows.map((row) => ({
    id: row.id,
    address: addressOf.get(row.identityId) ?? "(removed)",
    action: row.action,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    fromRate: row.fromRate,
    toRate: row.toRate,
    reasons: reasonsOf(row.reasons),
    manual: isManual(row.stats),
    createdAt: row.createdAt,
  }));
}
