/**
 * The profile as PUT /api/v1/govcon/profile and `dealflow bid-fit` take it: the settings
 * form's fields plus, optionally, the fit weights that differ from the defaults.
 */
import { z } from "zod";
import { FitWeightOverrides } from "./fit-weights";
import { GovConProfileInput, type GovConProfileView } from "./profile-schema";

export const GovConProfileDocument = GovConProfileInput.safeExtend({
  /** Weights that differ from the defaults; on PUT the weights not named return to their default. */
  fitWeights: FitWeightOverrides.optional(),
});
export type GovConProfileDocument = z.infer<typeof GovConProfileDocument>;

/** The view the fit score reads, from parsed input (absent bounds are no bounds). */
export function profileViewOf(input: GovConProfileInput, fitWeights: Record<string, number> = {}): GovConProfileView {
  return {
    naicsCodes: input.naicsCodes,
    pscCodes: input.pscCodes,
    setAsides: input.setAsides,
    keywords: input.keywords,
    excludedKeywords: input.excludedKeywords,
    states: input.states,
    valueMinDollars: input.valueMinDollars ?? null,
    valueMaxDollars: input.valueMaxDollars ?? null,
    capabilityStatement: input.capabilityStatement,
    prepDays: input.prepDays,
    descriptionMinFit: input.descriptionMinFit,
    fitWeights,
  };
}
