/**
 * Pure: the memo's data from what the database holds about a deal. Every JSON column is read
 * defensively (a deal scored before scoring existed, evidence without comps, issues from an
 * older release): a part that is missing or malformed is left empty, never invented.
 */
import type { CompEvidence, SelectedComp } from "@/lib/comps/types";
import { QUALITY_CODES, type QualityIssue } from "@/lib/quality/types";
import { SCORE_FEATURES, type ScoreContribution } from "@/lib/scoring/types";
import type { InvestorMemoData, MemoPhoto, MemoPoint } from "./types";

export interface MemoDeal {
  status: string;
  street: string | null;
  unit: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  latitude: number | null;
  longitude: number | null;
  locationSource: string | null;
  areaCode: string | null;
  askingPrice: number | null;
  arv: number | null;
  arvSource: string | null;
  repairs: number | null;
  mao: number | null;
  recommendedOffer: number | null;
  spread: number | null;
  spreadRatio: number | null;
  strategy: string | null;
  beds: number | null;
  baths: number | null;
  sqft: number | null;
  yearBuilt: number | null;
  propertyType: string | null;
  score: number | null;
  sourceScore: number | null;
  scoreModel: string | null;
  scoreConfidence: string | null;
  scoreContributions: unknown;
  qualityIssues: unknown;
  assignmentFee: number | null;
  buyerTerms: string | null;
  targetClosingDate: Date | null;
}

/** The latest offer evidence of the deal, as stored. */
export interface MemoEvidence {
  inputs: unknown;
  outputs: unknown;
  comps: unknown;
  assumptions: unknown;
  recommendedOffer: number | null;
}

export interface MemoSource {
  workspace: { name: string; timeZone: string };
  deal: MemoDeal;
  evidence: MemoEvidence | null;
  area: { areaCode: string; rank: string; reasons: string[] } | null;
  /** The learned model the score came from, when it came from one. */
  learnedModel: { outcomes: number; auc: number } | null;
  photos: MemoPhoto[];
  version: number;
  now: Date;
}

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json => (value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {});
const num = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);
const str = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value : null);

/** "123 Main St, Unit 4, Dallas, TX 75201"; "Address not given" when nothing is known. */
export function memoAddress(deal: Pick<MemoDeal, "street" | "unit" | "city" | "region" | "postalCode">): string {
  const regionPostal = [deal.region, deal.postalCode].filter(Boolean).join(" ");
  const parts = [deal.street, deal.unit ? `Unit ${deal.unit}` : null, deal.city, regionPostal || null].filter(Boolean);
  return parts.length ? parts.join(", ") : "Address not given";
}

const FEATURES = new Set<string>([...SCORE_FEATURES, "base"]);

/** The stored contributions that have the shape of one; others are dropped. */
export function readContributions(value: unknown): ScoreContribution[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): ScoreContribution[] => {
    const c = asObject(item);
    const points = num(c.points);
    if (points === null || typeof c.feature !== "string" || !FEATURES.has(c.feature)) return [];
    return [{ feature: c.feature as ScoreContribution["feature"], label: str(c.label) ?? c.feature, detail: typeof c.detail === "string" ? c.detail : "", points }];
  });
}

const CODES = new Set<string>(QUALITY_CODES);

export function readQualityIssues(value: unknown): QualityIssue[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): QualityIssue[] => {
    const q = asObject(item);
    if (typeof q.code !== "string" || !CODES.has(q.code) || !str(q.reason)) return [];
    return [{ code: q.code as QualityIssue["code"], field: typeof q.field === "string" ? q.field : "", reason: String(q.reason) }];
  });
}

function readComp(value: unknown): SelectedComp | null {
  const c = asObject(value);
  const soldPrice = num(c.soldPrice);
  if (soldPrice === null || typeof c.soldAt !== "string") return null;
  return {
    id: typeof c.id === "string" ? c.id : "",
    street: str(c.street),
    city: str(c.city),
    postalCode: str(c.postalCode),
    latitude: num(c.latitude),
    longitude: num(c.longitude),
    soldPrice,
    soldAt: c.soldAt,
    beds: num(c.beds),
    baths: num(c.baths),
    sqft: num(c.sqft),
    yearBuilt: num(c.yearBuilt),
    propertyType: (str(c.propertyType) as SelectedComp["propertyType"]) ?? null,
    source: typeof c.source === "string" ? c.source : "",
    distanceKm: num(c.distanceKm) ?? 0,
    monthsAgo: num(c.monthsAgo) ?? 0,
    pricePerSqft: num(c.pricePerSqft) ?? 0,
    adjustment: num(c.adjustment) ?? 0,
    adjustedPrice: num(c.adjustedPrice) ?? soldPrice,
  };
}

/** The comps an evidence row carries (CompEvidence), or null when it was not priced from comps. */
export function readCompEvidence(value: unknown): CompEvidence | null {
  const e = asObject(value);
  const arv = num(e.arv);
  if (arv === null || !Array.isArray(e.comps)) return null;
  const confidence = e.confidence === "high" || e.confidence === "medium" || e.confidence === "low" ? e.confidence : "low";
  return {
    arv,
    low: num(e.low) ?? arv,
    high: num(e.high) ?? arv,
    confidence,
    windowMonths: num(e.windowMonths) ?? 12,
    comps: e.comps.map(readComp).filter((c): c is SelectedComp => c !== null),
  };
}

const money = (n: number) => `$${Math.round(n).toLocaleString("en-US")}`;

/** "70% of ARV, less repairs and a $2,500 fees buffer", from the evidence's terms. */
function policyLine(evidence: MemoEvidence | null): string | null {
  const terms = asObject(asObject(evidence?.inputs).terms);
  const multiplier = num(terms.maxArvMultiplier);
  const buffer = num(terms.feesBuffer);
  if (multiplier === null) return null;
  const pct = `${Math.round(multiplier * 1000) / 10}% of ARV`;
  return buffer !== null ? `MAO = ${pct}, less repairs and a ${money(buffer)} fees buffer` : `MAO = ${pct}, less repairs`;
}

/** "points table", "learned from your 312 outcomes, AUC 0.74", or null when the deal is unscored. */
export function modelLabel(scoreModel: string | null, learned: { outcomes: number; auc: number } | null): string | null {
  if (!scoreModel) return null;
  if (scoreModel.startsWith("learned-")) {
    return learned ? `learned from your ${learned.outcomes.toLocaleString("en-US")} outcomes, AUC ${learned.auc.toFixed(2)}` : `learned model ${scoreModel.slice("learned-".length)}`;
  }
  return "points table";
}

function point(latitude: number | null, longitude: number | null, label: string): MemoPoint | null {
  return latitude !== null && longitude !== null ? { latitude, longitude, label } : null;
}

/** Pure: the memo's data for one deal. */
export function buildMemoData(source: MemoSource): InvestorMemoData {
  const { deal, evidence } = source;
  const outputs = asObject(evidence?.outputs);
  const assumptions = asObject(evidence?.assumptions);
  const comps = readCompEvidence(evidence?.comps);
  const subject = point(deal.latitude, deal.longitude, "Property");
  const arvSource = deal.arvSource === "comps" || deal.arvSource === "entered" ? deal.arvSource : deal.arv !== null ? "entered" : null;
  return {
    workspaceName: source.workspace.name,
    generatedAt: source.now.toISOString(),
    timeZone: source.workspace.timeZone,
    version: source.version,
    property: {
      address: memoAddress(deal),
      propertyType: deal.propertyType,
      beds: deal.beds,
      baths: deal.baths,
      sqft: deal.sqft,
      yearBuilt: deal.yearBuilt,
      status: deal.status,
    },
    photos: source.photos,
    position: subject
      ? {
          subject,
          source: deal.locationSource,
          areaCode: deal.areaCode,
          comps: (comps?.comps ?? []).map((c, i) => point(c.latitude, c.longitude, `Comp ${i + 1}`)).filter((p): p is MemoPoint => p !== null),
        }
      : null,
    numbers: {
      askingPrice: deal.askingPrice,
      arv: deal.arv,
      arvSource,
      repairs: deal.repairs,
      mao: deal.mao ?? num(outputs.mao),
      recommendedOffer: deal.recommendedOffer ?? evidence?.recommendedOffer ?? num(outputs.recommendedOffer),
      spread: deal.spread ?? num(outputs.spread),
      spreadRatio: deal.spreadRatio ?? num(outputs.spreadRatio),
    },
    strategy: { name: deal.strategy ?? str(outputs.strategy), why: str(outputs.reason) },
    score: {
      score: deal.score,
      sourceScore: deal.sourceScore,
      modelLabel: modelLabel(deal.scoreModel, source.learnedModel),
      confidence: deal.scoreConfidence,
      contributions: readContributions(deal.scoreContributions),
    },
    market: source.area,
    quality: readQualityIssues(deal.qualityIssues),
    comps,
    terms: {
      assignmentFee: deal.assignmentFee ?? num(asObject(asObject(evidence?.inputs).terms).assignmentFee),
      targetClosingDate: deal.targetClosingDate ? deal.targetClosingDate.toISOString() : null,
      buyerTerms: str(deal.buyerTerms),
      policy: policyLine(evidence),
      negotiationMargin: num(assumptions.negotiationMargin) ?? num(assumptions.margin),
    },
  };
}
