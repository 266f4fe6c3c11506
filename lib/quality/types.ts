/** Data-quality flags (issue 16 item 4). Deal.qualityFlags holds the codes, Deal.qualityIssues QualityIssue[]. */
export const QUALITY_CODES = [
  "asking_outlier",
  "arv_outlier",
  "asking_out_of_bounds",
  "arv_out_of_bounds",
  "arv_below_asking",
  "repairs_above_arv",
  "sqft_impossible",
  "year_built_impossible",
  "postal_code_region_mismatch",
] as const;
export type QualityCode = (typeof QUALITY_CODES)[number];

export interface QualityIssue {
  code: QualityCode;
  /** The deal field it concerns: "askingPrice", "arv", "repairs", "sqft", "yearBuilt", "postalCode". */
  field: string;
  /** Plain words for the deal page: "Asking $2,400,000 is 6.1 median absolute deviations above this market's deals (median $185,000)". */
  reason: string;
}

/** A market's robust centre and spread of asking prices and ARVs, from the workspace's deals. */
export interface MarketBaseline {
  market: string;
  asking: { median: number; mad: number; count: number } | null;
  arv: { median: number; mad: number; count: number } | null;
}
