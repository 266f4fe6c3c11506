/**
 * The investor memo's data (D6): everything the PDF shows, gathered from the database by
 * ./service and drawn by ./render without touching the database. Money is whole dollars.
 */
import type { CompEvidence } from "@/lib/comps/types";
import type { QualityIssue } from "@/lib/quality/types";
import type { ScoreContribution } from "@/lib/scoring/types";

export interface MemoPhoto {
  fileName: string;
  contentType: "image/jpeg" | "image/png";
  bytes: Uint8Array;
}

export interface MemoPoint {
  latitude: number;
  longitude: number;
  label: string;
}

export interface InvestorMemoData {
  workspaceName: string;
  /** ISO 8601. */
  generatedAt: string;
  /** The workspace's time zone, for the dates the memo prints. */
  timeZone: string;
  version: number;
  property: {
    /** "123 Main St, Unit 4, Dallas, TX 75201". */
    address: string;
    propertyType: string | null;
    beds: number | null;
    baths: number | null;
    sqft: number | null;
    yearBuilt: number | null;
    status: string;
  };
  /** JPEG and PNG photos only (what PDF embeds); at most a few. */
  photos: MemoPhoto[];
  /** Where the property is, with the comps around it; null when it was never placed. */
  position: { subject: MemoPoint; source: string | null; areaCode: string | null; comps: MemoPoint[] } | null;
  numbers: {
    askingPrice: number | null;
    arv: number | null;
    /** "entered" by a person or from "comps". */
    arvSource: "entered" | "comps" | null;
    repairs: number | null;
    mao: number | null;
    recommendedOffer: number | null;
    spread: number | null;
    spreadRatio: number | null;
  };
  strategy: { name: string | null; why: string | null };
  score: {
    score: number | null;
    sourceScore: number | null;
    /** "points table" or "learned from your 312 outcomes, AUC 0.74". */
    modelLabel: string | null;
    confidence: string | null;
    contributions: ScoreContribution[];
  };
  market: { areaCode: string; rank: string; reasons: string[] } | null;
  quality: QualityIssue[];
  comps: CompEvidence | null;
  terms: {
    assignmentFee: number | null;
    targetClosingDate: string | null;
    buyerTerms: string | null;
    /** The policy MAO was computed under: "70% of ARV, less repairs and a $2,500 fees buffer". */
    policy: string | null;
    negotiationMargin: number | null;
  };
}
