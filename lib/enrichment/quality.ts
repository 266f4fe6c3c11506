/**
 * How complete the context behind a draft or a call is, 0 to 1: the share of the weights
 * below whose field is present. Reaching the person counts most (an email or a phone), then
 * knowing who they are and what they own, then whether we may contact them, then the
 * numbers a conversation about a deal needs. Observed as context_quality_score_distribution.
 */
export interface ContextFields {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  /** The property's street (a lead) or the buy box's market (a buyer). */
  address?: string | null;
  /** A consent on record for the channel the draft would use. */
  consent?: boolean | null;
  /** Asking price, ARV or spread for a lead; a price range or a deal in hand for a buyer. */
  dealNumbers?: boolean | null;
  /** The person's recent activity (any intent signal). */
  recentActivity?: boolean | null;
}

export const CONTEXT_QUALITY_WEIGHTS: Record<keyof ContextFields, number> = {
  email: 0.25,
  phone: 0.2,
  name: 0.15,
  address: 0.15,
  consent: 0.1,
  dealNumbers: 0.1,
  recentActivity: 0.05,
};

function present(value: string | boolean | null | undefined): boolean {
  return typeof value === "string" ? value.trim().length > 0 : value === true;
}

export function contextQualityScore(fields: ContextFields): number {
  let score = 0;
  for (const [field, weight] of Object.entries(CONTEXT_QUALITY_WEIGHTS) as [keyof ContextFields, number][]) {
    if (present(fields[field])) score += weight;
  }
  // The weights sum to 1; rounding keeps 0.1 + 0.2 from reading as 0.30000000000000004.
  return Math.round(score * 1000) / 1000;
}
