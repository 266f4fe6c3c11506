/** Comparable sales and the ARV they support (Pack J). OfferEvidence.comps stores CompEvidence. */
import type { PropertyType } from "@/generated/prisma/enums";

/** The property being priced. */
export interface CompSubject {
  latitude: number | null;
  longitude: number | null;
  postalCode: string | null;
  country: "US" | "CA" | null;
  sqft: number | null;
  beds: number | null;
  baths: number | null;
  propertyType: PropertyType | null;
  yearBuilt?: number | null;
}

/** What a sale says about the property sold, however it reached us (import, API, a closed deal, a provider). */
export interface SaleFacts {
  city: string | null;
  postalCode: string | null;
  latitude: number | null;
  longitude: number | null;
  soldPrice: number;
  /** ISO 8601. */
  soldAt: string;
  beds: number | null;
  baths: number | null;
  sqft: number | null;
  yearBuilt: number | null;
  propertyType: PropertyType | null;
}

export interface CompCandidate extends SaleFacts {
  id: string;
  street: string | null;
  source: string;
}

/** A chosen comparable with what made it fit and its size-adjusted value for the subject. */
export interface SelectedComp extends CompCandidate {
  distanceKm: number;
  monthsAgo: number;
  pricePerSqft: number;
  /** soldPrice adjusted to the subject's sqft at this comp's price per sqft, minus soldPrice. */
  adjustment: number;
  /** soldPrice + adjustment. */
  adjustedPrice: number;
}

export type CompConfidence = "high" | "medium" | "low";

export interface CompsEstimate {
  comps: SelectedComp[];
  /** Median price per sqft x subject sqft; null when fewer than 1 comp or no subject sqft. */
  arv: number | null;
  low: number | null;
  high: number | null;
  confidence: CompConfidence;
  /** The recency window used: 12, or 24 when fewer than 3 comps sold within 12 months. */
  windowMonths: 12 | 24;
  /** Why candidates were left out, counted: { too_far: 3, other_type: 2 }. */
  excluded: Record<string, number>;
}

/** What an evidence row keeps of the comps behind its ARV. */
export interface CompEvidence {
  arv: number;
  low: number;
  high: number;
  confidence: CompConfidence;
  windowMonths: number;
  comps: SelectedComp[];
}
