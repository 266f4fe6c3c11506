/** Public API of lib/quality: the data-quality checks and the market baselines they judge by. */
export { checkDealQuality, regionOfPostalCode, type QualityInput } from "./checks";
export { loadQualityBaselines } from "./baselines";
export { QUALITY_CODES, type QualityCode, type QualityIssue, type MarketBaseline } from "./types";
