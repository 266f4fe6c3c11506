import type { Prisma } from "@/generated/prisma/client";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import { isUniqueViolation } from "@/lib/db/errors";
import type { TenantDb, TenantTransaction } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { regionTimeZones } from "@/lib/geo/regions";
import { defaultMarketPolicies } from "./defaults";
import { isContactAllowed, resolveEffectivePolicy, type ContactDecision } from "./rules";
import {
  CanContactQuery,
  MarketPolicyRules,
  MarketPolicyUpsertInput,
  type CanContactQueryInput,
  type MarketPolicyUpsert,
  type PolicyRecord,
} from "./schema";

const SYSTEM: AuditContext = { actorId: null, actorEmail: null, requestId: undefined };

interface MarketPolicyRow {
  id: string;
  region: string;
  market: string;
  enabled: boolean;
  rules: Prisma.JsonValue;
  version: number;
  reason: string | null;
  updatedById: string | null;
  updatedAt: Date;
}

/** Rules that refuse everything, for a stored row whose JSON no longer parses. */
const CLOSED_RULES: MarketPolicyRules = { contactWindows: [], channelsAllowed: [], minLeadScore: 100 };

/** A row as the rules see it. Stored rules that fail the schema make the policy disabled: fail closed. */
export function toPolicyRecord(row: MarketPolicyRow): PolicyRecord {
  const parsed = MarketPolicyRules.safeParse(row.rules);
  return {
    id: row.id,
    region: row.region,
    market: row.market,
    enabled: parsed.success ? row.enabled : false,
    rules: parsed.success ? parsed.data : { ...CLOSED_RULES, citation: "Stored rules are invalid; fix and save the policy" },
    version: row.version,
    reason: row.reason,
    updatedById: row.updatedById,
    updatedAt: row.updatedAt,
  };
}

/** What the audit log keeps of a policy: the row as stored. */
function snapshot(row: MarketPolicyRow) {
  return { region: row.region, market: row.market, enabled: row.enabled, rules: row.rules, version: row.version, reason: row.reason };
}

function invalid(error: { issues: { message: string; path: PropertyKey[] }[] }): ExpectedError {
  const issue = error.issues[0];
  return new ExpectedError("invalid", issue?.message ?? "Invalid input", issue?.path.map(String).join(".") || undefined);
}

/**
 * Creates the 64 default policies (market "ALL") the tenant does not have yet; existing rows,
 * edited or not, are left alone. Idempotent. Records one audit event when it created rows,
 * unless `ctx` is null: a new workspace's tenant.created line already covers its defaults.
 */
export async function seedMarketPolicies(db: TenantDb, ctx: AuditContext | null = SYSTEM): Promise<{ created: number }> {
  const defaults = defaultMarketPolicies();
  return db.$transaction(async (tx) => {
    const { count } = await tx.marketPolicy.createMany({
      data: defaults.map((policy) => ({
        region: policy.region,
        market: policy.market,
        enabled: policy.enabled,
        rules: policy.rules as Prisma.InputJsonValue,
        reason: "Seeded default",
      })) as Prisma.MarketPolicyCreateManyInput[],
      skipDuplicates: true,
    });
    if (count > 0 && ctx) {
      await recordAudit(
        tx,
        { action: "market_policy.seeded", entity: "MarketPolicy", after: { created: count, regions: defaults.length } },
        ctx,
      );
    }
    return { created: count };
  });
}

export interface MarketPolicyFilter {
  region?: string;
  market?: string;
  enabled?: boolean;
}

export async function listMarketPolicies(db: TenantDb, filter: MarketPolicyFilter = {}): Promise<PolicyRecord[]> {
  const rows = await db.marketPolicy.findMany({
    where: {
      ...(filter.region ? { region: filter.region.trim().toUpperCase() } : {}),
      ...(filter.market ? { market: filter.market.trim().toUpperCase() } : {}),
      ...(filter.enabled === undefined ? {} : { enabled: filter.enabled }),
    },
    orderBy: [{ region: "asc" }, { market: "asc" }],
  });
  return rows.map(toPolicyRecord);
}

/** The policy governing (region, market): the market's own, else the region's "ALL", else null. */
export async function getEffectivePolicy(db: TenantDb | TenantTransaction, region: string, market?: string | null): Promise<PolicyRecord | null> {
  const wantedRegion = region.trim().toUpperCase();
  const wantedMarket = (market ?? "").trim().toUpperCase() || "ALL";
  const rows = await db.marketPolicy.findMany({
    where: { region: wantedRegion, market: { in: [...new Set([wantedMarket, "ALL"])] } },
  });
  return resolveEffectivePolicy(rows.map(toPolicyRecord), wantedRegion, wantedMarket);
}

/**
 * Creates or changes the policy of (region, market) with its reason, in one transaction with
 * its audit event: the version goes up by one on every change.
 */
export async function upsertMarketPolicy(db: TenantDb, input: MarketPolicyUpsertInput, ctx: AuditContext): Promise<PolicyRecord> {
  const parsed = MarketPolicyUpsertInput.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error);
  try {
    return await saveMarketPolicy(db, parsed.data, ctx);
  } catch (error) {
    // Two first saves of the same (region, market) at once: the unique index lets one win.
    if (isUniqueViolation(error)) {
      throw new ExpectedError("conflict", "This policy was just created by someone else; reload it and try again");
    }
    throw error;
  }
}

async function saveMarketPolicy(
  db: TenantDb,
  { region, market, enabled, rules, reason }: MarketPolicyUpsert,
  ctx: AuditContext,
): Promise<PolicyRecord> {
  return db.$transaction(async (tx) => {
    const existing = await tx.marketPolicy.findFirst({ where: { region, market } });
    const data = { enabled, rules: rules as Prisma.InputJsonValue, reason, updatedById: ctx.actorId };
    const row = existing
      ? await tx.marketPolicy.update({ where: { id: existing.id }, data: { ...data, version: { increment: 1 } } })
      : await tx.marketPolicy.create({ data: { ...data, region, market, version: 1 } as Prisma.MarketPolicyUncheckedCreateInput });
    const after = toPolicyRecord(row);
    await recordAudit(
      tx,
      {
        action: existing ? "market_policy.updated" : "market_policy.created",
        entity: "MarketPolicy",
        entityId: row.id,
        before: existing ? snapshot(existing) : null,
        after: snapshot(row),
      },
      ctx,
    );
    return after;
  });
}

/** A postal code to its IANA zone, e.g. lib/geo's resolver; null when unknown. */
export type ZoneResolver = (postalCode: string) => string | null;

export interface ContactCheck extends ContactDecision {
  region: string;
  market: string;
  /** The zones the windows were read in, and where they came from. */
  timeZones: readonly string[];
  zoneSource: "query" | "postal_code" | "region";
  policy: { id?: string; region: string; market: string; version?: number; enabled: boolean } | null;
}

function zonesFor(query: CanContactQuery, resolveZone?: ZoneResolver): Pick<ContactCheck, "timeZones" | "zoneSource"> {
  if (query.timeZone) return { timeZones: [query.timeZone], zoneSource: "query" };
  if (query.postalCode && resolveZone) {
    const zone = resolveZone(query.postalCode);
    if (zone) return { timeZones: [zone], zoneSource: "postal_code" };
  }
  // Only the region is known: contact must be allowed in every zone of it.
  return { timeZones: regionTimeZones(query.region), zoneSource: "region" };
}

/** The can-contact gate end to end: effective policy of the tenant, the lead's zones, the rules. */
export async function checkContact(db: TenantDb, input: CanContactQueryInput, resolveZone?: ZoneResolver): Promise<ContactCheck> {
  const parsed = CanContactQuery.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error);
  const query = parsed.data;
  const market = query.market ?? "ALL";
  const policy = await getEffectivePolicy(db, query.region, market);
  const zones = zonesFor(query, resolveZone);
  const decision = isContactAllowed({ policy, timeZones: zones.timeZones, at: query.at, channel: query.channel, score: query.score });
  return {
    ...decision,
    region: query.region,
    market,
    ...zones,
    policy: policy
      ? { id: policy.id, region: policy.region, market: policy.market, version: policy.version, enabled: policy.enabled }
      : null,
  };
}
