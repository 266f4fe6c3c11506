/**
 * One contract of the shipped USAspending feed (fixtures/usaspending/awards.json): the
 * fields spending_by_award answers, plus what the local transport filters on but USAspending
 * keeps in the award's detail (its type code and the solicitation it came from).
 */
export interface FixtureAward {
  internal_id: number;
  "Award ID": string;
  "Recipient Name": string;
  "Award Amount": number;
  "Start Date": string;
  "End Date": string;
  "Awarding Agency": string;
  "Awarding Sub Agency": string;
  "Contract Award Type": string;
  Description: string;
  NAICS: { code: string; description: string };
  PSC: { code: string; description: string };
  generated_internal_id: string;
  agency_slug: string;
  award_type_code: string;
  solicitation_identifier: string | null;
}

export interface FixtureAwardsFile {
  anchorDay: string;
  cycleDays: number;
  awards: FixtureAward[];
}
