/**
 * Writes the underwriting desk's demo data (lib/demo/underwriting.ts) through the areas that
 * own it: comps through lib/comps, lists through lib/leadlists, deals through intake and
 * lib/deals, scores through lib/scoring, which also fits the learned model to propose.
 */
import { addComps } from "@/lib/comps/service";
import type { TenantDb } from "@/lib/db/tenant";
import { listDealRawPayloads, setDealHistory, type DemoDealState } from "@/lib/deals/service";
import { intakeDeals } from "@/lib/intake/service";
import { addDealsToList, openLeadList } from "@/lib/leadlists/service";
import { reassessDeals } from "@/lib/scoring/assess";
import { fitScoringModel } from "@/lib/scoring/models";
import { DEMO_LISTS, demoCompSales, demoListsOf, demoOutcomes, demoQualityDeals, outcomeDeadReason } from "./underwriting";

const DAY_MS = 86_400_000;
const system = { actorId: null, actorEmail: "demo-seed", requestId: undefined };

/**
 * With the workspace's demo deals: in the US workspace, a year of decided deals and the deals
 * whose data does not add up (the Canadian workspace's free plan has no room for a year of
 * deals). Returns when each arrived, for the intake figures of the KPI history.
 */
export async function seedDemoDecidedDeals(db: TenantDb, country: "US" | "CA", now: Date): Promise<Date[]> {
  if (country !== "US") return [];
  return seedOutcomesAndFlaggedDeals(db, demoOutcomes(), now);
}

/**
 * After the workspace's areas are ranked: comps, the lists the leads came in on, then every
 * deal scored and, with enough decided outcomes, a learned model fitted and proposed.
 */
export async function seedDemoUnderwritingDesk(db: TenantDb, country: "US" | "CA", now: Date): Promise<void> {
  await addComps(db, demoCompSales(country, now), { source: "IMPORT", sourceRef: "demo-seed" });
  const outcomes = country === "US" ? demoOutcomes() : [];

  // Which deals came in on a list: the CSV leads, in the order they arrived; the decided ones as generated.
  const deals = await db.deal.findMany({ where: { source: "CSV" }, select: { id: true, raw: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const members: string[][] = DEMO_LISTS.map(() => []);
  let position = 0;
  for (const deal of deals) {
    const history = (deal.raw as { demoOutcome?: number } | null)?.demoOutcome;
    const lists = history === undefined ? demoListsOf(position++) : outcomes[history].lists;
    for (const list of lists) members[list].push(deal.id);
  }
  await db.$transaction(async (tx) => {
    for (const [i, name] of DEMO_LISTS.entries()) {
      const list = await openLeadList(tx, name, { importJobId: null, createdById: null });
      await addDealsToList(tx, list.id, members[i]);
    }
  });

  const all = await listDealRawPayloads(db);
  await reassessDeals(db, all.map((deal) => deal.id), now);
  if (outcomes.length > 0) await fitScoringModel(db, system, { now });
}

async function seedOutcomesAndFlaggedDeals(db: TenantDb, outcomes: ReturnType<typeof demoOutcomes>, now: Date): Promise<Date[]> {
  for (const source of new Set(outcomes.map((o) => o.source))) {
    const items = outcomes.flatMap((o, i) => (o.source === source ? [{ deal: o.deal, raw: { demo: true, demoOutcome: i, notes: o.tags.join(", ") } }] : []));
    await intakeDeals(db, items, { source, sourceRef: "demo-seed", raiseAlerts: false });
  }
  await intakeDeals(db, demoQualityDeals().map((deal, i) => ({ deal, raw: { demo: true, flagged: i } })), { source: "CSV", sourceRef: "demo-seed", raiseAlerts: false });
  const states: DemoDealState[] = (await listDealRawPayloads(db)).flatMap((deal) => {
    const i = (deal.raw as { demoOutcome?: number } | null)?.demoOutcome;
    if (i === undefined) return [];
    const o = outcomes[i];
    const createdAt = new Date(now.getTime() - o.daysAgo * DAY_MS);
    const decidedAt = new Date(createdAt.getTime() + o.decidedAfterDays * DAY_MS);
    const state: DemoDealState = { dealId: deal.id, status: o.won ? (i % 6 === 0 ? "UNDER_CONTRACT" : "CLOSED") : "DEAD", createdAt, tags: o.tags, statusChangedAt: decidedAt };
    if (o.won) {
      state.assignmentFee = 7_500 + ((i * 1_250) % 15_000);
      state.contractedAt = new Date(decidedAt.getTime() - 10 * DAY_MS);
      if (state.status === "CLOSED") state.closedAt = decidedAt;
    } else state.statusReason = outcomeDeadReason(i);
    return [state];
  });
  await setDealHistory(db, states);
  const flagged = demoQualityDeals().map(() => now);
  return [...states.map((state) => state.createdAt), ...flagged];
}
