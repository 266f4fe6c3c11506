/**
 * Bid fit (E3): how well a SAM.gov notice suits the business, 0-100, with the points each
 * rule gave as sentences. Pure: the sync stores it, the pages show it, the CLI prints it.
 * Two rules disqualify outright (a set-aside the business does not hold, a deadline already
 * passed): their reason takes away whatever the others gave, so the score is always the
 * clamped sum of the reasons' points.
 */
import { parseSamDate } from "./dates";
import type { BidFit, FitNotice, FitReason } from "./fit-types";
import { resolveFitWeights, type FitWeights } from "./fit-weights";
import type { GovConProfileView } from "./profile-schema";
import { qualifyingProgrammes, setAsideLabel, setAsideProgramme } from "./set-aside-eligibility";

export type { BidFit, FitNotice, FitReason } from "./fit-types";

const DAY_MS = 86_400_000;

/** "…: +30", "…: -10", "…: +0". */
function reason(code: string, sentence: string, points: number): FitReason {
  const rounded = Math.round(points) || 0;
  return { code, text: `${sentence}: ${rounded >= 0 ? "+" : ""}${rounded}`, points: rounded };
}

/** A disqualifying reason: its points are set once the others are known. */
function disqualifier(code: string, sentence: string): FitReason {
  return { code, text: `${sentence}: scores 0`, points: 0 };
}

/** Lower case words separated by single spaces, padded, so " roof" finds "roofing" but not "proof". */
function wordsOf(text: string): string {
  return ` ${text.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim()} `;
}

function containsWord(words: string, phrase: string): boolean {
  const needle = wordsOf(phrase).trimEnd();
  return needle.length > 1 && words.includes(needle);
}

function naicsReason(notice: FitNotice, profile: GovConProfileView, weights: FitWeights): FitReason | null {
  if (profile.naicsCodes.length === 0) return null;
  const noticeCodes = [...new Set([notice.naicsCode, ...(notice.naicsCodes ?? [])].map((c) => c?.trim() ?? "").filter(Boolean))];
  if (noticeCodes.length === 0) return reason("naics-missing", "The notice gives no NAICS code", 0);
  let best: { code: string; prefix: string } | null = null;
  for (const code of noticeCodes) {
    for (const prefix of profile.naicsCodes) {
      if (!code.startsWith(prefix)) continue;
      if (!best || prefix.length > best.prefix.length) best = { code, prefix };
    }
  }
  if (!best) return reason("naics-none", `NAICS ${noticeCodes.join(", ")} is outside your codes`, weights.naicsNone);
  if (best.code === best.prefix) return reason("naics-exact", `NAICS ${best.code} is one of your codes`, weights.naicsExact);
  return reason("naics-prefix", `NAICS ${best.code} matches your ${best.prefix} prefix`, weights.naicsPrefix);
}

/** The set-aside reason, and whether it disqualifies. */
function setAsideReason(notice: FitNotice, profile: GovConProfileView, weights: FitWeights): { reason: FitReason; blocks: boolean } {
  const code = notice.typeOfSetAside?.trim() ?? "";
  const programme = setAsideProgramme(code);
  if (!programme) return { reason: reason("set-aside-open", "Open to all businesses, no set-aside", weights.setAsideOpen), blocks: false };
  const label = `${setAsideLabel(code, notice.typeOfSetAsideDescription)} (${code})`;
  if (qualifyingProgrammes(profile.setAsides).has(programme)) {
    return { reason: reason("set-aside-eligible", `Set aside for ${label}, which you qualify for`, weights.setAsideEligible), blocks: false };
  }
  return { reason: disqualifier("set-aside-ineligible", `Set aside for ${label}, which your profile does not hold`), blocks: true };
}

/** Keywords that differ once case and punctuation are set aside, each in its first spelling. */
function distinct(keywords: string[]): string[] {
  const seen = new Map<string, string>();
  for (const keyword of keywords) if (!seen.has(wordsOf(keyword))) seen.set(wordsOf(keyword), keyword.trim());
  return [...seen.values()];
}

function keywordReasons(notice: FitNotice, profile: GovConProfileView, weights: FitWeights): FitReason[] {
  const words = wordsOf(`${notice.title ?? ""} ${notice.descriptionText ?? ""}`);
  const hits = distinct(profile.keywords).filter((k) => containsWord(words, k));
  const excluded = distinct(profile.excludedKeywords).filter((k) => containsWord(words, k));
  const reasons: FitReason[] = [];
  if (hits.length > 0) {
    const points = Math.min(weights.keywordCap, hits.length * weights.keywordHit);
    const capped = hits.length * weights.keywordHit > weights.keywordCap ? ` (at most ${weights.keywordCap})` : "";
    const quoted = hits.map((k) => `"${k}"`).join(", ");
    reasons.push(reason("keywords", `${hits.length === 1 ? "Keyword" : "Keywords"} ${quoted} found in the notice${capped}`, points));
  }
  for (const keyword of excluded) {
    reasons.push(reason("excluded-keyword", `Excluded keyword "${keyword}" found in the notice`, weights.excludedKeyword));
  }
  return reasons;
}

function placeReason(notice: FitNotice, profile: GovConProfileView, weights: FitWeights): FitReason {
  const place = notice.placeOfPerformance;
  const state = place?.state?.code?.trim().toUpperCase().replace(/^US-/, "") || null;
  const country = place?.country?.code?.trim().toUpperCase() || null;
  const abroad = !state && country !== null && country !== "USA" && country !== "US";
  if (!state && !abroad) return reason("place-unknown", "No place of performance given", 0);
  const where = state ?? `outside the United States (${country})`;
  if (profile.states.length === 0) return reason("place-anywhere", `Performed in ${where}; you work anywhere`, weights.placeMatch);
  if (state && profile.states.includes(state)) return reason("place-match", `Performed in ${state}, one of your states`, weights.placeMatch);
  return reason("place-outside", `Performed in ${where}, outside your states`, weights.placeOutside);
}

function pscReason(notice: FitNotice, profile: GovConProfileView, weights: FitWeights): FitReason | null {
  if (profile.pscCodes.length === 0) return null;
  const psc = notice.classificationCode?.trim().toUpperCase();
  if (!psc) return reason("psc-missing", "The notice gives no product or service code", 0);
  const prefix = profile.pscCodes.filter((p) => psc.startsWith(p.toUpperCase())).sort((a, b) => b.length - a.length)[0];
  if (prefix) return reason("psc-match", prefix.toUpperCase() === psc ? `PSC ${psc} is one of your codes` : `PSC ${psc} is under your ${prefix.toUpperCase()}`, weights.pscMatch);
  return reason("psc-miss", `PSC ${psc} is outside your codes`, weights.pscMiss);
}

type NoticeKind = "award" | "solicitation" | "presolicitation" | "sources-sought" | "special" | "other";

const KIND_OF_TYPE: Record<string, NoticeKind> = {
  "award notice": "award",
  solicitation: "solicitation",
  "combined synopsis/solicitation": "solicitation",
  presolicitation: "presolicitation",
  "sources sought": "sources-sought",
  "special notice": "special",
};

function noticeKind(notice: FitNotice): NoticeKind {
  return KIND_OF_TYPE[notice.type?.trim().toLowerCase() ?? ""] ?? KIND_OF_TYPE[notice.baseType?.trim().toLowerCase() ?? ""] ?? "other";
}

function typeReason(notice: FitNotice, kind: NoticeKind, weights: FitWeights): FitReason {
  const type = notice.type?.trim() || notice.baseType?.trim() || "notice of unknown type";
  switch (kind) {
    case "solicitation":
      return reason("type-solicitation", `A ${type}: proposals are being taken`, weights.typeSolicitation);
    case "presolicitation":
      return reason("type-presolicitation", "A presolicitation: a solicitation is coming", weights.typePresolicitation);
    case "sources-sought":
      return reason("type-sources-sought", "A sources sought notice: market research before a solicitation", weights.typeSourcesSought);
    case "special":
      return reason("type-special-notice", "A special notice: information, no proposals asked", weights.typeSpecialNotice);
    default:
      return reason("type-other", `A ${type} does not ask for proposals`, 0);
  }
}

/** The runway reason, and whether the deadline has passed (which disqualifies). */
function runwayReason(notice: FitNotice, profile: GovConProfileView, weights: FitWeights, now: Date): { reason: FitReason; blocks: boolean } {
  const raw = notice.responseDeadLine?.trim();
  if (!raw) return { reason: reason("deadline-none", "No response deadline given", 0), blocks: false };
  const deadline = parseSamDate(raw).at;
  if (!deadline) return { reason: reason("deadline-unreadable", `The response deadline "${raw}" could not be read`, 0), blocks: false };
  const msLeft = deadline.getTime() - now.getTime();
  if (msLeft <= 0) {
    return { reason: disqualifier("deadline-passed", `The response deadline passed on ${deadline.toISOString().slice(0, 10)}`), blocks: true };
  }
  const days = Math.floor(msLeft / DAY_MS);
  const left = `${days} ${days === 1 ? "day" : "days"} to the response deadline`;
  const prep = `your proposals take ${profile.prepDays}`;
  if (days >= profile.prepDays) return { reason: reason("runway-ample", `${left}, ${prep}`, weights.runwayAmple), blocks: false };
  if (days * 2 >= profile.prepDays) return { reason: reason("runway-tight", `Only ${left}, ${prep}`, weights.runwayTight), blocks: false };
  return { reason: reason("runway-short", `Only ${left}, less than half the ${profile.prepDays} your proposals take`, weights.runwayShort), blocks: false };
}

/** The contract value when known: the team's estimate, else the award amount ("$1,250,000.00" or a number). */
export function noticeValueDollars(notice: FitNotice): number | null {
  if (typeof notice.valueDollars === "number" && Number.isFinite(notice.valueDollars) && notice.valueDollars > 0) return notice.valueDollars;
  const amount = notice.award?.amount;
  if (amount === null || amount === undefined || amount === "") return null;
  const value = typeof amount === "number" ? amount : Number(String(amount).replace(/[$,\s]/g, ""));
  return Number.isFinite(value) && value > 0 ? value : null;
}

function valueReason(notice: FitNotice, profile: GovConProfileView, weights: FitWeights): FitReason | null {
  const { valueMinDollars: min, valueMaxDollars: max } = profile;
  const value = noticeValueDollars(notice);
  if (value === null || (min === null && max === null)) return null;
  const dollars = `$${Math.round(value).toLocaleString("en-US")}`;
  const range = `${min === null ? "any" : `$${min.toLocaleString("en-US")}`} to ${max === null ? "any" : `$${max.toLocaleString("en-US")}`}`;
  if ((min === null || value >= min) && (max === null || value <= max)) {
    return reason("value-in-range", `Value ${dollars} is within your ${range} range`, weights.valueInRange);
  }
  return reason("value-outside", `Value ${dollars} is outside your ${range} range`, weights.valueOutside);
}

export function scoreBidFit(notice: FitNotice, profile: GovConProfileView, now: Date): BidFit {
  const kind = noticeKind(notice);
  if (kind === "award") {
    return { score: null, reasons: [{ code: "award-notice", text: "Award notices are not scored: the contract has been awarded", points: 0 }] };
  }
  const weights = resolveFitWeights(profile.fitWeights);
  const setAside = setAsideReason(notice, profile, weights);
  const runway = runwayReason(notice, profile, weights, now);
  const scored = [
    naicsReason(notice, profile, weights),
    setAside.blocks ? null : setAside.reason,
    ...keywordReasons(notice, profile, weights),
    placeReason(notice, profile, weights),
    pscReason(notice, profile, weights),
    typeReason(notice, kind, weights),
    runway.blocks ? null : runway.reason,
    valueReason(notice, profile, weights),
  ].filter((r): r is FitReason => r !== null);
  const blockers = [setAside, runway].filter((r) => r.blocks).map((r) => r.reason);
  const earned = scored.reduce((sum, r) => sum + r.points, 0);
  if (blockers.length > 0) {
    // The first disqualifier takes back what the others gave, so the sum clamps to 0.
    blockers[0] = { ...blockers[0], points: -Math.max(0, earned) || 0 };
    return { score: 0, reasons: [...blockers, ...scored] };
  }
  return { score: Math.max(0, Math.min(100, earned)), reasons: scored };
}
