/**
 * Demo buyers and their history, pure and deterministic: about 200 cash buyers per workspace
 * with buy boxes over the markets its demo deals are in, and 180 days of what happened when
 * deals were sent to them. lib/buyers/demo.ts writes them.
 */
import { random } from "./deals";

const FIRST = ["Jane", "Marcus", "Priya", "Luis", "Hannah", "Derek", "Aisha", "Tom", "Keisha", "Owen", "Sofia", "Raj", "Grace", "Mateo", "Nina", "Caleb", "Leah", "Andre", "Mei", "Victor", "Rosa", "Ethan", "Fatima", "Jonah", "Claire", "Dmitri", "Tasha", "Ben", "Yara", "Connor"];
const LAST = ["Cash", "Holloway", "Patel", "Ramirez", "Brooks", "Nguyen", "Okafor", "Sullivan", "Reyes", "Fischer", "Coleman", "Tran", "Whitaker", "Morales", "Kowalski", "Bennett", "Chen", "Dubois", "Grant", "Ibrahim", "Larsen", "Mercer", "Novak", "Price", "Quinn", "Sato", "Tremblay", "Vance", "Walsh", "Young"];
const COMPANY_FORMS = ["{last} Capital", "{last} Home Buyers", "{market} Property Group", "{last} & Sons Renovations", "Keystone {market} Holdings", "{last} Rentals", "Blue Door {market}", "{last} Realty Partners"];
const TAGS = ["cash", "repeat buyer", "landlord", "flipper", "hedge fund", "new construction", "fast close", "out of state"];
const NOTES = [
  "Prefers texts before 6pm. Closes with his own title company.",
  "Will look at anything under 150k with a garage.",
  "Buys 2-3 a month in good times; slow in winter.",
  "Asked to see interior photos before making an offer.",
  "Partner handles the money side; proof of funds on file.",
];
/** Most buyers who name types buy houses; the weights follow the demo deals' mix. */
const TYPE_PICKS = ["SFR", "SFR", "SFR", "MULTI", "CONDO", "TOWNHOUSE"] as const;
const STRATEGIES = ["FLIP", "RENTAL", "WHOLESALE"] as const;
const APPETITES = ["LIGHT", "MEDIUM", "MEDIUM", "HEAVY", "ANY", "ANY"] as const;

/** Fictional area codes per state or province, one per demo market in turn. */
const AREA_CODES: Record<string, readonly string[]> = {
  IL: ["217", "312"], OH: ["614", "216", "513"], TN: ["901", "615"], TX: ["214", "915", "713", "512"], AZ: ["602", "520"], GA: ["404", "912"],
  FL: ["813", "850", "305"], MI: ["313", "616"], MO: ["816", "314"], AL: ["205", "334"], IN: ["317", "219"], NC: ["704", "919"], MD: ["410", "301"],
  ON: ["416", "905", "613"], AB: ["403", "780"], MB: ["204"], SK: ["306"], NS: ["902"], NL: ["709"], QC: ["514", "418"], BC: ["604", "250"],
};

/**
 * What most demo buyers agreed to on the buyer sign-up list they were imported from; one in
 * ten has no consent on record, so a demo blast shows both a send and a "no consent" refusal.
 */
export const DEMO_BUYER_CONSENT = {
  given: true,
  source: "import",
  basis: "PRIOR_EXPRESS_WRITTEN",
  wording: "I agree to receive texts and emails about investment properties for sale. Reply STOP to opt out.",
} as const;

/** By position, not by the random stream, so adding consent left every generated buyer as it was. */
export const demoBuyerConsented = (index: number) => index % 10 !== 9;

/** A place the workspace's deals are in: a market and the postal codes seen there. */
export interface DemoMarket {
  region: string;
  market: string;
  postalCodes: string[];
  timeZone: string | null;
}

export interface DemoBuyer {
  name: string;
  company: string | null;
  phones: string[];
  emails: string[];
  status: "ACTIVE" | "INACTIVE" | "DO_NOT_USE";
  proofOfFundsAmount: number | null;
  proofOfFundsDaysAgo: number | null;
  closingDays: number;
  tags: string[];
  notes: string | null;
  timeZone: string | null;
  markets: string[];
  postalCodes: string[];
  priceMin: number | null;
  priceMax: number | null;
  propertyTypes: (typeof TYPE_PICKS)[number][];
  strategies: (typeof STRATEGIES)[number][];
  rehabAppetite: (typeof APPETITES)[number];
  minSpread: number | null;
  /** How readily this buyer answers and buys (0..1): drives the generated history. */
  engagement: number;
}

/**
 * `count` buyers over the given markets (sorted, so the same deals give the same buyers).
 * Phones are 555-01xx numbers (reserved for fiction) under an area code of the buyer's
 * home region; emails are on example domains.
 */
export function demoBuyers(markets: readonly DemoMarket[], count = 200, seed = 23): DemoBuyer[] {
  if (markets.length === 0) return [];
  const next = random(seed);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const sorted = [...markets].sort((a, b) => `${a.region}:${a.market}`.localeCompare(`${b.region}:${b.market}`));
  const areaOf = new Map<string, string>();
  const usedByRegion = new Map<string, number>();
  for (const m of sorted) {
    const codes = AREA_CODES[m.region] ?? ["555"];
    const used = usedByRegion.get(m.region) ?? 0;
    areaOf.set(`${m.region}:${m.market}`, codes[used % codes.length]);
    usedByRegion.set(m.region, used + 1);
  }
  const lineCounters = new Map<string, number>();
  const nextPhone = (area: string): string | null => {
    const line = lineCounters.get(area) ?? 0;
    if (line > 99) return null;
    lineCounters.set(area, line + 1);
    return `+1${area}5550${100 + line}`;
  };

  return Array.from({ length: count }, (_, i) => {
    const home = sorted[i % sorted.length];
    const first = pick(FIRST);
    const last = pick(LAST);
    const hasCompany = next() < 0.65;
    const company = hasCompany ? pick(COMPANY_FORMS).replace("{last}", last).replace("{market}", home.market.split(/[-\s]/)[0]) : null;
    const phone = nextPhone(areaOf.get(`${home.region}:${home.market}`)!);
    const domain = company ? `${company.toLowerCase().replace(/[^a-z0-9]+/g, "")}.example.com` : "example.com";
    // A third buy by postal code, the rest by market; some reach a neighbouring market too.
    const byPostal = next() < 0.3 && home.postalCodes.length > 0;
    const extra = sorted.filter((m) => m.region === home.region && m !== home);
    const buyerMarkets = byPostal ? [] : [`${home.region}:${home.market}`, ...(extra.length && next() < 0.35 ? [`${pick(extra).region}:${pick(extra).market}`] : [])];
    const types = next() < 0.5 ? [] : [...new Set([pick(TYPE_PICKS), ...(next() < 0.5 ? [pick(TYPE_PICKS)] : [])])];
    const strategies = next() < 0.4 ? [] : [...new Set([pick(STRATEGIES), ...(next() < 0.3 ? [pick(STRATEGIES)] : [])])];
    const bounded = next() < 0.8;
    const priceMin = bounded ? Math.round((next() * 60_000) / 5_000) * 5_000 : null;
    const priceMax = bounded ? Math.round((150_000 + next() * 350_000) / 5_000) * 5_000 : null;
    const funded = next() < 0.6;
    const statusRoll = next();
    return {
      name: `${first} ${last}`,
      company,
      phones: phone ? [phone] : [],
      emails: [`${first}.${last}.${i + 1}@${domain}`.toLowerCase()],
      status: statusRoll < 0.9 ? "ACTIVE" : statusRoll < 0.97 ? "INACTIVE" : "DO_NOT_USE",
      proofOfFundsAmount: funded ? Math.round((100_000 + next() * 1_900_000) / 5_000) * 5_000 : null,
      proofOfFundsDaysAgo: funded && next() < 0.7 ? Math.floor(next() * 120) : null,
      closingDays: 7 + Math.floor(next() * 39),
      tags: [...new Set([pick(TAGS), ...(next() < 0.4 ? [pick(TAGS)] : [])])],
      notes: next() < 0.25 ? pick(NOTES) : null,
      timeZone: home.timeZone,
      markets: buyerMarkets,
      postalCodes: byPostal ? [...new Set([pick(home.postalCodes), ...(next() < 0.5 ? [pick(home.postalCodes)] : [])])] : [],
      priceMin,
      priceMax,
      propertyTypes: types,
      strategies,
      rehabAppetite: pick(APPETITES),
      minSpread: next() < 0.4 ? Math.round((10_000 + next() * 30_000) / 1_000) * 1_000 : null,
      engagement: next() ** 1.5,
    };
  });
}

/** A demo deal as the history generator needs it. */
export interface DemoHistoryDeal {
  id: string;
  createdAt: Date;
  /** When it went under contract or closed, for the deals a buyer bought. */
  soldAt: Date | null;
  /** Buyers (indexes) whose buy box covers the deal's node. */
  covering: number[];
}

export interface DemoFeedback {
  buyer: number;
  dealId: string;
  kind: "SENT" | "VIEWED" | "RESPONDED" | "OFFERED" | "BOUGHT" | "PASSED";
  occurredAt: Date;
}

const HOUR_MS = 3_600_000;

/**
 * What happened with each deal: most covering buyers were sent it; engaged buyers viewed,
 * answered and offered more often; a sold deal was bought by one of its offerers. Every
 * event falls between the deal's arrival and `now`.
 */
export function demoFeedback(deals: readonly DemoHistoryDeal[], buyers: readonly { engagement: number }[], now: Date, seed = 29): DemoFeedback[] {
  const next = random(seed);
  const events: DemoFeedback[] = [];
  const at = (from: Date, hours: number) => new Date(Math.min(now.getTime() - 60_000, from.getTime() + hours * HOUR_MS));
  for (const deal of deals) {
    const offerers: number[] = [];
    const offeredAt = new Map<number, Date>();
    for (const buyer of deal.covering) {
      if (next() > 0.75) continue;
      const e = buyers[buyer].engagement;
      const sent = at(deal.createdAt, 2 + next() * 30);
      events.push({ buyer, dealId: deal.id, kind: "SENT", occurredAt: sent });
      if (next() > 0.3 + e * 0.7) continue;
      const viewed = at(sent, 0.5 + next() * 12);
      events.push({ buyer, dealId: deal.id, kind: "VIEWED", occurredAt: viewed });
      if (next() < 0.15 + e * 0.7) {
        const responded = at(viewed, 0.2 + next() * 6);
        events.push({ buyer, dealId: deal.id, kind: "RESPONDED", occurredAt: responded });
        if (next() < 0.2 + e * 0.6) {
          const offered = at(responded, 1 + next() * 24);
          events.push({ buyer, dealId: deal.id, kind: "OFFERED", occurredAt: offered });
          offerers.push(buyer);
          offeredAt.set(buyer, offered);
        }
      } else if (next() < 0.4) {
        events.push({ buyer, dealId: deal.id, kind: "PASSED", occurredAt: at(viewed, 0.5 + next() * 24) });
      }
    }
    if (deal.soldAt && offerers.length > 0) {
      // The most engaged offerer wins the deal.
      const winner = offerers.reduce((best, b) => (buyers[b].engagement > buyers[best].engagement ? b : best), offerers[0]);
      const afterOffer = offeredAt.get(winner)!.getTime() + HOUR_MS;
      events.push({ buyer: winner, dealId: deal.id, kind: "BOUGHT", occurredAt: new Date(Math.min(now.getTime() - 60_000, Math.max(deal.soldAt.getTime(), afterOffer))) });
    }
  }
  return events;
}
