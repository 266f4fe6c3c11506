/**
 * Comparable sales and the ARV they support (Pack J), pure. A candidate is a comp when:
 *
 *   distance      <= 5 km from the subject (its own coordinates, else its postal area's centre)
 *   recency       sold within 12 months, or 24 when fewer than 3 comps sold within 12
 *   type          the subject's property type (any, when the subject's is unknown)
 *   size          sqft within 20 % of the subject's (the comp must give its sqft: it prices by it)
 *   beds          within 1 of the subject's (when both are known)
 *
 * The nearest 6 (then the most recent) are kept. ARV = the median price per sqft of the comps
 * x the subject's sqft; each comp's adjustment is what its price per sqft makes of the
 * subject's size (adjustedPrice = pricePerSqft x subject sqft). The range is the lowest and
 * highest adjusted price; the confidence is high with 4+ comps whose range is within 15 % of
 * the ARV, medium with 3+ within 30 %, and low otherwise.
 */
import { areaCentroid, areaCodeOf } from "@/lib/geo/area";
import { distanceKm } from "@/lib/geo/us-metros";
import type { CompCandidate, CompConfidence, CompEvidence, CompsEstimate, CompSubject, SelectedComp } from "./types";

export const COMP_RULES = {
  maxComps: 6,
  maxDistanceKm: 5,
  recentMonths: 12,
  widenedMonths: 24,
  /** Fewer comps than this within 12 months widens the window to 24. */
  minRecentComps: 3,
  sqftTolerance: 0.2,
  bedsTolerance: 1,
  highConfidence: { minComps: 4, maxSpread: 0.15 },
  mediumConfidence: { minComps: 3, maxSpread: 0.3 },
} as const;

/** Why a candidate is not a comp; the estimate counts each. */
export const EXCLUSION_REASONS = ["no_price", "no_location", "too_far", "other_type", "no_sqft", "other_size", "other_beds", "not_sold_yet", "too_old"] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** Each reason in words, for "Left out: 3 too far, 2 of another type". */
export const EXCLUSION_LABELS: Record<ExclusionReason, string> = {
  no_price: "without a price",
  no_location: "without a location",
  too_far: "too far",
  other_type: "of another property type",
  no_sqft: "without square feet",
  other_size: "of another size",
  other_beds: "with other bedrooms",
  not_sold_yet: "dated in the future",
  too_old: "sold too long ago",
};

const DAYS_PER_MONTH = 365.25 / 12;
const DAY_MS = 86_400_000;

interface Point {
  latitude: number;
  longitude: number;
}

/** A property's position: its own coordinates, else its postal area's centre from the shipped data. */
export function positionOf(place: { latitude: number | null; longitude: number | null; postalCode: string | null }): Point | null {
  if (isFiniteNumber(place.latitude) && isFiniteNumber(place.longitude)) return { latitude: place.latitude, longitude: place.longitude };
  const area = areaCodeOf(place.postalCode);
  const centroid = area ? areaCentroid(area) : null;
  return centroid && { latitude: centroid.latitude, longitude: centroid.longitude };
}

function isFiniteNumber(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/** The middle value (the mean of the two middle values for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** High with 4+ comps spread within 15 % of the ARV, medium with 3+ within 30 %, else low. */
export function compsConfidence(count: number, arv: number | null, low: number | null, high: number | null): CompConfidence {
  if (arv === null || low === null || high === null || arv <= 0) return "low";
  const spread = (high - low) / arv;
  const { highConfidence: h, mediumConfidence: m } = COMP_RULES;
  if (count >= h.minComps && spread <= h.maxSpread) return "high";
  if (count >= m.minComps && spread <= m.maxSpread) return "medium";
  return "low";
}

type Fit = { ok: true; distanceKm: number; monthsAgo: number } | { ok: false; reason: ExclusionReason };

/** Whether a candidate fits the subject on everything but recency within the window. */
function fitOf(subject: CompSubject, at: Point | null, candidate: CompCandidate, now: Date): Fit {
  if (!(candidate.soldPrice > 0)) return { ok: false, reason: "no_price" };
  const where = positionOf(candidate);
  if (!at || !where) return { ok: false, reason: "no_location" };
  const km = distanceKm(at.latitude, at.longitude, where.latitude, where.longitude);
  if (km > COMP_RULES.maxDistanceKm) return { ok: false, reason: "too_far" };
  if (subject.propertyType && candidate.propertyType !== subject.propertyType) return { ok: false, reason: "other_type" };
  if (!candidate.sqft || candidate.sqft <= 0) return { ok: false, reason: "no_sqft" };
  if (subject.sqft && Math.abs(candidate.sqft - subject.sqft) > subject.sqft * COMP_RULES.sqftTolerance) return { ok: false, reason: "other_size" };
  if (isFiniteNumber(subject.beds) && isFiniteNumber(candidate.beds) && Math.abs(candidate.beds - subject.beds) > COMP_RULES.bedsTolerance) return { ok: false, reason: "other_beds" };
  const soldAt = Date.parse(candidate.soldAt);
  if (!Number.isFinite(soldAt) || soldAt > now.getTime()) return { ok: false, reason: "not_sold_yet" };
  const monthsAgo = (now.getTime() - soldAt) / DAY_MS / DAYS_PER_MONTH;
  if (monthsAgo > COMP_RULES.widenedMonths) return { ok: false, reason: "too_old" };
  return { ok: true, distanceKm: km, monthsAgo };
}

/** Picks the comps of a subject among candidates and estimates its ARV from them. */
export function selectComps(subject: CompSubject, candidates: readonly CompCandidate[], now: Date): CompsEstimate {
  const at = positionOf(subject);
  const excluded: Record<string, number> = {};
  const exclude = (reason: ExclusionReason) => (excluded[reason] = (excluded[reason] ?? 0) + 1);
  const fitting: { candidate: CompCandidate; distanceKm: number; monthsAgo: number }[] = [];
  for (const candidate of candidates) {
    const fit = fitOf(subject, at, candidate, now);
    if (fit.ok) fitting.push({ candidate, distanceKm: fit.distanceKm, monthsAgo: fit.monthsAgo });
    else exclude(fit.reason);
  }
  const recent = fitting.filter((f) => f.monthsAgo <= COMP_RULES.recentMonths);
  const windowMonths = recent.length >= COMP_RULES.minRecentComps ? COMP_RULES.recentMonths : COMP_RULES.widenedMonths;
  const inWindow = windowMonths === COMP_RULES.recentMonths ? recent : fitting;
  for (let i = inWindow.length; i < fitting.length; i += 1) exclude("too_old");
  const chosen = [...inWindow]
    .sort((a, b) => a.distanceKm - b.distanceKm || a.monthsAgo - b.monthsAgo || a.candidate.id.localeCompare(b.candidate.id))
    .slice(0, COMP_RULES.maxComps);
  const subjectSqft = subject.sqft && subject.sqft > 0 ? subject.sqft : null;
  const comps: SelectedComp[] = chosen.map(({ candidate, distanceKm: km, monthsAgo }) => {
    const pricePerSqft = candidate.soldPrice / candidate.sqft!;
    const adjustedPrice = subjectSqft ? Math.round(pricePerSqft * subjectSqft) : candidate.soldPrice;
    return { ...candidate, distanceKm: round(km, 2), monthsAgo: round(monthsAgo, 1), pricePerSqft: round(pricePerSqft, 2), adjustment: adjustedPrice - candidate.soldPrice, adjustedPrice };
  });
  const medianPerSqft = median(chosen.map(({ candidate }) => candidate.soldPrice / candidate.sqft!));
  const arv = subjectSqft && medianPerSqft !== null ? Math.round(medianPerSqft * subjectSqft) : null;
  const low = arv === null ? null : Math.min(...comps.map((c) => c.adjustedPrice));
  const high = arv === null ? null : Math.max(...comps.map((c) => c.adjustedPrice));
  return { comps, arv, low, high, confidence: compsConfidence(comps.length, arv, low, high), windowMonths, excluded };
}

/** What an evidence row keeps of an estimate that priced the ARV; null when it gave none. */
export function compEvidenceOf(estimate: CompsEstimate): CompEvidence | null {
  if (estimate.arv === null || estimate.low === null || estimate.high === null) return null;
  return { arv: estimate.arv, low: estimate.low, high: estimate.high, confidence: estimate.confidence, windowMonths: estimate.windowMonths, comps: estimate.comps };
}
