/**
 * What the bid-fit score reads and answers. Shared by the sync (which stores the score),
 * the opportunity pages (which show the reasons), the CLI and the API.
 */
import type { SamNotice } from "@/lib/providers/samgov/types";

/**
 * A SAM.gov v2 notice, plus its description text once fetched (the notice only links it) and
 * the contract value when the team has entered one (else the award amount, if any, is used).
 */
export type FitNotice = SamNotice & { descriptionText?: string | null; valueDollars?: number | null };

export interface FitReason {
  /** Stable code of the rule that gave the points, e.g. "naics-prefix". */
  code: string;
  /** A sentence that ends with the points: "NAICS 236220 matches your 2362 prefix: +30". */
  text: string;
  points: number;
}

export interface BidFit {
  /** 0-100, or null for award notices (the contract is already awarded). */
  score: number | null;
  reasons: FitReason[];
}
