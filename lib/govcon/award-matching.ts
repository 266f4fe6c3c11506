/**
 * Pure steps of the incumbent lookup: USAspending's name for a SAM.gov department, the
 * searches an opportunity needs, and which returned contract is the incumbent.
 */
import type { AwardSearch, AwardSummary } from "@/lib/providers/usaspending/client";

const SMALL_WORDS = new Set(["and", "of", "the", "for", "on", "in"]);

function titleCase(text: string): string {
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((word, i) => (i > 0 && SMALL_WORDS.has(word) ? word : word[0].toUpperCase() + word.slice(1)))
    .join(" ");
}

/**
 * USAspending's toptier agency name for SAM.gov's department ("VETERANS AFFAIRS, DEPARTMENT
 * OF" is "Department of Veterans Affairs", "DEPT OF DEFENSE" is "Department of Defense").
 */
export function toptierAgencyName(samDepartment: string | null | undefined): string | null {
  const department = samDepartment?.split(".")[0]?.trim();
  if (!department) return null;
  const inverted = /^(.*),\s*DEPARTMENT OF( THE)?$/i.exec(department);
  if (inverted) return `Department of ${inverted[2] ? "the " : ""}${titleCase(inverted[1])}`;
  const abbreviated = /^DEPT\.? OF (THE )?(.*)$/i.exec(department);
  if (abbreviated) return `Department of ${abbreviated[1] ? "the " : ""}${titleCase(abbreviated[2])}`;
  return titleCase(department);
}

export interface OpportunityForAwards {
  solicitationNumber: string | null;
  /** The award number of an award notice (its raw award.number). */
  awardNumber: string | null;
  naicsCode: string | null;
  pscCode: string | null;
  agency: string | null;
}

export const SIMILAR_YEARS = 5;
export const SIMILAR_SHOWN = 5;

function isoDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** The keyword search for the incumbent: the solicitation number and, on an award notice, its PIID. Null when there is nothing to match. */
export function incumbentSearch(opportunity: OpportunityForAwards): AwardSearch | null {
  const keywords = [opportunity.solicitationNumber, opportunity.awardNumber].map((value) => value?.trim()).filter((value): value is string => !!value && value.length >= 3);
  return keywords.length ? { keywords: [...new Set(keywords)], limit: 10 } : null;
}

/** The largest contracts of the same NAICS code (else PSC) and awarding agency over the last five years. */
export function similarSearch(opportunity: OpportunityForAwards, now: Date): AwardSearch | null {
  if (!opportunity.naicsCode && !opportunity.pscCode) return null;
  const start = new Date(Date.UTC(now.getUTCFullYear() - SIMILAR_YEARS, now.getUTCMonth(), now.getUTCDate()));
  return {
    ...(opportunity.naicsCode ? { naicsCodes: [opportunity.naicsCode] } : { pscCodes: [opportunity.pscCode!] }),
    awardingAgency: toptierAgencyName(opportunity.agency),
    timePeriod: { startDate: isoDay(start), endDate: isoDay(now) },
    // One more than shown, in case the incumbent is among them.
    limit: SIMILAR_SHOWN + 1,
  };
}

function normalized(id: string): string {
  return id.replace(/[^a-z0-9]/gi, "").toUpperCase();
}

/**
 * The incumbent among a keyword search's contracts: the one whose award ID is the notice's
 * solicitation or award number, else the first (largest) the search matched on them.
 */
export function pickIncumbent(awards: AwardSummary[], opportunity: OpportunityForAwards): AwardSummary | null {
  const ids = [opportunity.solicitationNumber, opportunity.awardNumber].filter((value): value is string => !!value).map(normalized);
  return awards.find((award) => ids.includes(normalized(award.awardId))) ?? awards[0] ?? null;
}

/** Similar contracts without the incumbent, largest first, at most SIMILAR_SHOWN. */
export function similarWithout(awards: AwardSummary[], incumbent: AwardSummary | null): AwardSummary[] {
  return awards
    .filter((award) => award.awardId !== incumbent?.awardId)
    .sort((a, b) => (b.amountDollars ?? 0) - (a.amountDollars ?? 0))
    .slice(0, SIMILAR_SHOWN);
}
