import type { QualityCode } from "./types";

/** Short names of the data-quality flags, for the Prospects filter and the deal page (client-safe). */
export const QUALITY_LABELS: Record<QualityCode, string> = {
  asking_outlier: "Asking far from the market",
  arv_outlier: "ARV far from the market",
  asking_out_of_bounds: "Asking implausible",
  arv_out_of_bounds: "ARV implausible",
  arv_below_asking: "ARV below asking",
  repairs_above_arv: "Repairs above ARV",
  sqft_impossible: "Impossible size",
  year_built_impossible: "Impossible year built",
  postal_code_region_mismatch: "Postal code not in the state",
};
