// The seed provisions workspaces (and their global users), which only the root client can;
// each workspace's own rows are then written through its scoped client.
import type { PrismaClient } from "@/generated/prisma/client";
import type { Role } from "@/lib/auth/permissions";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { periodsAt } from "@/lib/dashboard/rules";
import { DEAL_STATUSES } from "@/lib/deals/rules";
import { addDemoDealNotes, findDealsByIds, listDealRawPayloads, setDealHistory, type DemoDealState } from "@/lib/deals/service";
import { seedDemoBuyers } from "@/lib/buyers/demo";
import { seedDemoApprovals } from "./approvals";
import { seedDemoOutreach } from "./outreach";
import { seedDemoGovCon } from "./govcon";
import { seedDemoRegistries } from "@/lib/dnc/demo";
import { intakeDeals } from "@/lib/intake/service";
import { redateDemoLeadEvents, seedDemoKpiHistory } from "@/lib/kpi/demo";
import { seedDemoFollowUps } from "@/lib/ladder/demo";
import { seedDemoConsent } from "@/lib/outbound/demo-consent";
import { seedDemoConversations } from "@/lib/outbound/demo-messages";
import { provisionTenant } from "@/lib/tenants/provision";
import { upsertOfferPolicy } from "@/lib/underwriting/service";
import { recomputeAreas } from "@/lib/market/service";
import { seedDemoDecidedDeals, seedDemoUnderwritingDesk } from "./underwriting-seed";
import { DEAD_REASONS, DEMO_NOTES, DEMO_TAGS, demoDeals, demoHistory, planDemoAreas, type DemoHistory } from "./deals";

export const DEMO_PASSWORD = "dealflow-demo-2026";
export const DEMO_TENANT_SLUG = "demo";

export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: "owner@demo.dealflow.app", name: "Olivia Owner", role: "owner" },
  { email: "admin@demo.dealflow.app", name: "Adam Admin", role: "admin" },
  { email: "investor@demo.dealflow.app", name: "Ines Investor", role: "investor" },
  { email: "va@demo.dealflow.app", name: "Victor VA", role: "va" },
  { email: "viewer@demo.dealflow.app", name: "Vera Viewer", role: "viewer" },
];

/**
 * Seeds the demo workspaces on first run: the US one with every demo login, and a Canadian
 * one the demo owner and VA also belong to (switching tenants can be tried), each holding
 * the demo deals of its own country. Does nothing when the demo workspace already exists.
 * Everything is relative to `now`: deals this week, contracts this month, calls due now.
 */
export async function seedDemo(prisma: PrismaClient, now = new Date()): Promise<{ created: boolean }> {
  const existing = await prisma.tenant.findUnique({ where: { slug: DEMO_TENANT_SLUG } });
  if (existing) return { created: false };
  const { deals, history } = planDemoAreas(demoDeals(DEMO_DEAL_COUNT), demoHistory(DEMO_DEAL_COUNT));
  const rows = deals.map((deal, i) => ({ deal, history: history[i], row: i + 1 }));
  const us = await provisionTenant(
    prisma,
    { slug: DEMO_TENANT_SLUG, name: "Maple & Main Investments", timeZone: "America/New_York", country: "US", plan: "PRO" },
    DEMO_USERS.map((u) => ({ ...u, password: DEMO_PASSWORD })),
  );
  await seedWorkspace(prisma, us.id, rows.filter((r) => r.deal.country === "US"), "1200 Maple Avenue, Suite 300, Columbus, OH 43215", now);
  const ca = await provisionTenant(
    prisma,
    { slug: DEMO_NORTH_SLUG, name: "Northern Lights Homes", timeZone: "America/Toronto", country: "CA", plan: "FREE" },
    [DEMO_USERS[0], DEMO_USERS[3]].map((u) => ({ ...u, password: DEMO_PASSWORD })),
  );
  await seedWorkspace(prisma, ca.id, rows.filter((r) => r.deal.country === "CA"), "88 Queen Street West, Suite 400, Toronto, ON M5H 2M5", now);
  return { created: true };
}

export const DEMO_NORTH_SLUG = "demo-north";
const DEMO_DEAL_COUNT = 240;

type DemoRow = { deal: ReturnType<typeof demoDeals>[number]; history: DemoHistory; row: number };

async function seedWorkspace(prisma: PrismaClient, tenantId: string, rows: DemoRow[], postalAddress: string, now: Date) {
  const db = scopeToTenant(prisma, tenantId);
  const { timeZone, country } = await prisma.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { timeZone: true, country: true } });
  const periods = periodsAt(now, timeZone);
  const system = { actorId: null, actorEmail: "demo-seed", requestId: undefined };
  await upsertOfferPolicy(db, { region: "ALL", market: "ALL", enabled: true, maxArvMultiplier: 0.7, assignmentFee: 10_000, feesBuffer: 2_500, reason: "Demo workspace: price every deal with the 70% rule" }, system);
  const members = await prisma.membership.findMany({ where: { tenantId }, select: { userId: true, role: true } });
  const va = members.find((m) => m.role === "va")?.userId ?? null;
  const workers = [va, va, ...members.filter((m) => m.role === "owner" || m.role === "admin").map((m) => m.userId)].filter((id): id is string => id !== null);
  const dealIds = await seedDemoDeals(db, rows, workers, now, periods.monthStart);
  await seedDemoConsent(db, postalAddress);
  await seedDemoRegistries(db, country === "CA" ? "CA" : "US", system, now);
  const conversed = await findDealsByIds(db, dealIds.worked, { id: true, contactName: true, contactPhone: true, street: true });
  await seedDemoConversations(db, conversed, now, periods.weekStart);
  if (va) await seedDemoFollowUps(db, va, now);
  const decidedArrivals = await seedDemoDecidedDeals(db, country === "CA" ? "CA" : "US", now);
  await redateDemoLeadEvents(db, [...dealIds.arrivals, ...decidedArrivals]);
  await seedDemoKpiHistory(db, now);
  await seedDemoBuyers(db, now);
  const ownerId = members.find((m) => m.role === "owner")?.userId;
  const owner = ownerId ? await prisma.user.findUnique({ where: { id: ownerId }, select: { id: true, email: true } }) : null;
  await seedDemoApprovals(db, now, owner);
  // Rank the postal areas now, so the market map and the ranks show on first start.
  await recomputeAreas(db, { full: true, now });
  // Sold comps and lead lists; then every deal scored and (US) a model fitted on its outcomes.
  await seedDemoUnderwritingDesk(db, country === "CA" ? "CA" : "US", now);
  await seedDemoOutreach(db, { now, ownerId: ownerId ?? null, vaId: va, country: country === "CA" ? "CA" : "US" });
  // The GovCon side desk is a US business's: federal contracts are let in the US.
  if (country !== "CA") await seedDemoGovCon(db, { now, ownerId: ownerId ?? null, investorId: members.find((m) => m.role === "investor")?.userId ?? null });
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Demo deals arrive through each source, then are moved along the funnel and back in time,
 * with owners, tags, notes, and contract dates and fees for the ones under contract or
 * closed (half of them this month). The first seven deals take the seven statuses in turn,
 * so every status has a deal in every workspace.
 */
async function seedDemoDeals(db: TenantDb, rows: DemoRow[], workers: string[], now: Date, monthStartAt: Date): Promise<{ worked: string[]; arrivals: Date[] }> {
  for (const source of new Set(rows.map((r) => r.history.source))) {
    const items = rows.flatMap((r) => (r.history.source === source ? [{ deal: r.deal, raw: { demo: true, row: r.row } }] : []));
    await intakeDeals(db, items, { source, sourceRef: "demo-seed", raiseAlerts: false });
  }
  const byRow = new Map(rows.map((r, i) => [r.row, { ...r, index: i }]));
  const stored = await listDealRawPayloads(db);
  const monthStart = monthStartAt.getTime();
  const sinceMonthStart = Math.max(60_000, now.getTime() - monthStart);
  const worked: string[] = [];
  const notes: { dealId: string; authorId: string | null; body: string; createdAt: Date }[] = [];
  const states = stored.map((deal) => {
    const r = byRow.get(Number((deal.raw as { row: number }).row))!;
    const i = r.index;
    const status = i < DEAL_STATUSES.length ? DEAL_STATUSES[i] : r.history.status;
    const createdAt = new Date(now.getTime() - r.history.daysAgo * DAY_MS - (r.row % 24) * 3_600_000);
    const changedAt = new Date(Math.min(now.getTime() - 3_600_000, createdAt.getTime() + (1 + (i % 5)) * DAY_MS));
    const isWorked = status !== "NEW" && status !== "UNDERWRITTEN";
    const ownerId = isWorked && workers.length ? workers[i % workers.length] : null;
    const tags = [DEMO_TAGS[i % DEMO_TAGS.length], ...(i % 3 === 0 ? [DEMO_TAGS[(i + 2) % DEMO_TAGS.length]] : [])].slice(0, i % 4 === 1 ? 0 : 2);
    // Half of the contracts and closings fall in this month, the rest earlier.
    const thisMonth = i % 2 === 0;
    const fee = 8_000 + ((i * 1_500) % 17_000);
    const contractDay = thisMonth ? new Date(monthStart + ((i % 10) / 10) * sinceMonthStart) : new Date(monthStart - (5 + (i % 20)) * DAY_MS);
    const state: DemoDealState = { dealId: deal.id, status, createdAt, ownerId, tags };
    if (status !== "NEW" && status !== "UNDERWRITTEN") state.statusChangedAt = status === "UNDER_CONTRACT" || status === "CLOSED" ? contractDay : changedAt;
    if (status === "UNDER_CONTRACT" || status === "CLOSED") {
      state.assignmentFee = fee;
      state.contractedAt = status === "CLOSED" ? new Date(contractDay.getTime() - 10 * DAY_MS) : contractDay;
      if (status === "CLOSED") state.closedAt = contractDay;
    }
    if (status === "DEAD") state.statusReason = DEAD_REASONS[i % DEAD_REASONS.length];
    if (["CONTACTED", "NEGOTIATING", "UNDER_CONTRACT"].includes(status)) worked.push(deal.id);
    if (isWorked && i % 3 === 0) notes.push({ dealId: deal.id, authorId: ownerId, body: DEMO_NOTES[i % DEMO_NOTES.length], createdAt: changedAt });
    return state;
  });
  await setDealHistory(db, states);
  await addDemoDealNotes(db, notes);
  return { worked, arrivals: states.map((s) => s.createdAt) };
}
