/**
 * The enrichment budget: skip-trace spend is capped per person per calendar month (UTC).
 * A lookup is made only when its price fits in what is left: a call that would take the
 * month past the cap is not made, one that lands exactly on the cap is.
 */

/** The spend month of a moment, "2026-12" (UTC: the same call counts in the same month everywhere). */
export function spendMonth(at: Date): string {
  return at.toISOString().slice(0, 7);
}

export interface BudgetCheck {
  allowed: boolean;
  /** What the month has left before this call, never negative. */
  remainingCents: number;
}

export function checkBudget(monthSpentCents: number, costCents: number, capCents: number): BudgetCheck {
  const remainingCents = Math.max(0, capCents - monthSpentCents);
  return { allowed: monthSpentCents + costCents <= capCents, remainingCents };
}
