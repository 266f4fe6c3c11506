/**
 * The bid-fit weights: points each rule gives (FIT_WEIGHT_DOCS says what each one rewards).
 * A tenant may change any of them within its bounds; the profile stores only those that
 * differ from the defaults. The defaults are set so that a notice matching on every count
 * scores 100: NAICS 35, set-aside 10, keywords 15, place 10, PSC 5, notice type 10, runway 10,
 * value 5. Penalties are 0 or less, rewards 0 or more, so a weight never flips its meaning.
 */
import { z } from "zod";

/** Points as a number or a form's text; empty text is "enter points", not 0. */
const points = (bounds: (n: z.ZodNumber) => z.ZodNumber) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v),
    bounds(z.number({ error: "Enter whole points" }).int("Use whole points")),
  );
const gain = (max: number) => points((n) => n.min(0, "At least 0").max(max, `At most ${max}`));
const loss = (min: number) => points((n) => n.min(min, `At least ${min}`).max(0, "At most 0"));

export const FitWeights = z.object({
  naicsExact: gain(100),
  naicsPrefix: gain(100),
  naicsNone: loss(-100),
  setAsideEligible: gain(100),
  setAsideOpen: gain(100),
  keywordHit: gain(50),
  keywordCap: gain(100),
  excludedKeyword: loss(-100),
  placeMatch: gain(100),
  placeOutside: loss(-100),
  pscMatch: gain(100),
  pscMiss: loss(-100),
  typeSolicitation: gain(100),
  typePresolicitation: gain(100),
  typeSourcesSought: gain(100),
  typeSpecialNotice: gain(100),
  runwayAmple: gain(100),
  runwayTight: gain(100),
  runwayShort: loss(-100),
  valueInRange: gain(100),
  valueOutside: loss(-100),
});
export type FitWeights = z.infer<typeof FitWeights>;
export type FitWeightName = keyof FitWeights;

export const DEFAULT_FIT_WEIGHTS: FitWeights = {
  naicsExact: 35, // the strongest signal: the work is exactly what you do
  naicsPrefix: 30, // your trade, a neighbouring line of it
  naicsNone: 0, // its absence (35 points missing) already ranks it low
  setAsideEligible: 10, // fewer competitors
  setAsideOpen: 5, // anyone may bid
  keywordHit: 5, // per distinct keyword
  keywordCap: 15, // three keywords make the case; more add nothing
  excludedKeyword: -20, // one excluded word outweighs every keyword
  placeMatch: 10, // crews and suppliers within reach
  placeOutside: -10, // travel and per diem eat the margin
  pscMatch: 5, // PSC confirms NAICS, so it weighs less
  pscMiss: -5,
  typeSolicitation: 10, // proposals are due now
  typePresolicitation: 7, // time to prepare before it opens
  typeSourcesSought: 4, // worth answering to shape the solicitation
  typeSpecialNotice: 1, // rarely leads straight to work
  runwayAmple: 10, // time for a proper proposal
  runwayTight: 3, // possible with a push
  runwayShort: -10, // a rushed proposal rarely wins
  valueInRange: 5, // the size you can bond and staff
  valueOutside: -10, // too small to pay or too large to bond
};

export const FIT_WEIGHT_NAMES = Object.keys(DEFAULT_FIT_WEIGHTS) as FitWeightName[];

/** What each weight rewards or penalises: the documentation, shown beside each field on the settings form. */
export const FIT_WEIGHT_DOCS: Record<FitWeightName, { label: string; meaning: string }> = {
  naicsExact: { label: "NAICS code matches exactly", meaning: "The notice's NAICS code is one of your six-digit codes." },
  naicsPrefix: { label: "NAICS code under one of your prefixes", meaning: "The notice's NAICS code falls under a shorter code of yours (238220 under 2382)." },
  naicsNone: { label: "NAICS code outside your codes", meaning: "The notice's NAICS code is outside your codes: 0 or a penalty." },
  setAsideEligible: { label: "Set aside for a programme you hold", meaning: "The notice is set aside for a programme you qualify for (a set-aside you lack scores 0 whatever the weights)." },
  setAsideOpen: { label: "Open to all businesses", meaning: "Full and open competition: anyone may bid, so more competitors." },
  keywordHit: { label: "Each keyword found", meaning: "Added once per distinct keyword found in the title or description." },
  keywordCap: { label: "Most points from keywords", meaning: "The most that keyword hits together may add." },
  excludedKeyword: { label: "Each excluded keyword found", meaning: "Taken away per distinct excluded keyword found." },
  placeMatch: { label: "Performed in one of your states", meaning: "The place of performance is in your states (any state when you list none)." },
  placeOutside: { label: "Performed outside your states", meaning: "The place of performance is elsewhere: 0 or a penalty." },
  pscMatch: { label: "PSC matches one of yours", meaning: "The product and service code starts with one of yours; scored only when you list PSC codes." },
  pscMiss: { label: "PSC outside yours", meaning: "You list PSC codes and the notice's is not among them: 0 or a penalty." },
  typeSolicitation: { label: "Solicitation or combined synopsis", meaning: "Proposals are being taken now." },
  typePresolicitation: { label: "Presolicitation", meaning: "A solicitation is announced and coming." },
  typeSourcesSought: { label: "Sources sought", meaning: "Market research; no award comes from it directly." },
  typeSpecialNotice: { label: "Special notice", meaning: "Industry days, events and information." },
  runwayAmple: { label: "Deadline leaves your preparation days", meaning: "At least your preparation days are left before the response deadline (a past deadline scores 0)." },
  runwayTight: { label: "Deadline leaves half of them", meaning: "At least half of your preparation days are left." },
  runwayShort: { label: "Deadline leaves less than half", meaning: "Less than half of your preparation days are left: 0 or a penalty." },
  valueInRange: { label: "Contract value within your range", meaning: "The contract value, when known (your estimate or the award amount), is within your range." },
  valueOutside: { label: "Contract value outside your range", meaning: "The known value is outside your range: 0 or a penalty." },
};

/**
 * Overrides as the profile stores them, from a form or the API: every weight optional, each
 * within its bounds. Unknown names are refused so a typo is not silently ignored.
 */
export const FitWeightOverrides = FitWeights.partial().strict();
export type FitWeightOverrides = z.infer<typeof FitWeightOverrides>;

const resolved = new WeakMap<object, FitWeights>();

/**
 * The weights in force: defaults with the stored overrides that are still valid (a weight
 * stored out of today's bounds takes its default). Remembered per stored object, since the
 * sync scores a whole feed against one profile.
 */
export function resolveFitWeights(stored: Record<string, unknown> | null | undefined): FitWeights {
  if (!stored || typeof stored !== "object") return { ...DEFAULT_FIT_WEIGHTS };
  const known = resolved.get(stored);
  if (known) return known;
  const weights = { ...DEFAULT_FIT_WEIGHTS };
  for (const name of FIT_WEIGHT_NAMES) {
    if (typeof stored[name] !== "number") continue;
    const parsed = FitWeights.shape[name].safeParse(stored[name]);
    if (parsed.success) weights[name] = parsed.data;
  }
  Object.freeze(weights);
  resolved.set(stored, weights);
  return weights;
}

/** Only the weights that differ from the defaults: what GovConProfile.fitWeights keeps. */
export function fitWeightOverrides(weights: Partial<FitWeights>): FitWeightOverrides {
  const overrides: FitWeightOverrides = {};
  for (const name of FIT_WEIGHT_NAMES) {
    const value = weights[name];
    if (value !== undefined && value !== DEFAULT_FIT_WEIGHTS[name]) overrides[name] = value;
  }
  return overrides;
}
