/**
 * An experiment's run side by side with production, pure: who each configuration would have
 * drafted to, their overlap, how the scores spread, and how each would have fared against the
 * decisions people actually made on drafts in the same window. Client-safe.
 */

export type PersonKind = "lead" | "buyer";

export interface LabPerson {
  /** "lead:<dealId>" or "buyer:<buyerId>". */
  key: string;
  kind: PersonKind;
  id: string;
  name: string;
}

/** One person a run considered (a LabDraft row with the person's name). */
export interface ConsideredPerson extends LabPerson {
  labScore: number;
  productionScore: number;
  labWouldDraft: boolean;
  prodWouldDraft: boolean;
}

/** One draft a person decided on in the window: sent (approved) or rejected. */
export interface PastDecision extends LabPerson {
  decision: "approved" | "rejected";
}

/** A person and how many of their drafts fall in a list (a person may have had several). */
export interface PersonDrafts extends LabPerson {
  drafts: number;
}

export interface SideOutcome {
  /** People the configuration would have drafted to. */
  proposed: number;
  /** Approved drafts it would not have proposed, and to whom. */
  approvedMissed: PersonDrafts[];
  approvedMissedCount: number;
  /** Rejected drafts it would have proposed anyway, and to whom. */
  rejectedProposed: PersonDrafts[];
  rejectedProposedCount: number;
}

export interface ScoreBucket {
  /** "0-9" ... "90-100". */
  label: string;
  min: number;
  max: number;
  lab: number;
  production: number;
}

export interface Comparison {
  considered: number;
  lab: SideOutcome;
  production: SideOutcome;
  overlap: { both: LabPerson[]; labOnly: LabPerson[]; productionOnly: LabPerson[] };
  distribution: ScoreBucket[];
  decisions: { approved: number; rejected: number };
}

/** Ten buckets of ten points; the last holds 90 to 100, so a full score has a bucket. */
export const SCORE_BUCKETS: readonly { label: string; min: number; max: number }[] = Array.from({ length: 10 }, (_, i) => ({
  label: i === 9 ? "90-100" : `${i * 10}-${i * 10 + 9}`,
  min: i * 10,
  max: i === 9 ? 100 : i * 10 + 9,
}));

export function bucketIndex(score: number): number {
  return Math.min(9, Math.max(0, Math.floor(score / 10)));
}

function person({ key, kind, id, name }: LabPerson): LabPerson {
  return { key, kind, id, name };
}

const byName = (a: LabPerson, b: LabPerson) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key);

/** Groups decisions by person, counting drafts, for the people `keep` selects. */
function tally(decisions: readonly PastDecision[], keep: (d: PastDecision) => boolean): { people: PersonDrafts[]; count: number } {
  const byKey = new Map<string, PersonDrafts>();
  for (const d of decisions) {
    if (!keep(d)) continue;
    const seen = byKey.get(d.key);
    if (seen) seen.drafts += 1;
    else byKey.set(d.key, { ...person(d), drafts: 1 });
  }
  const people = [...byKey.values()].sort(byName);
  return { people, count: people.reduce((sum, p) => sum + p.drafts, 0) };
}

function outcome(drafted: ReadonlySet<string>, decisions: readonly PastDecision[]): SideOutcome {
  const missed = tally(decisions, (d) => d.decision === "approved" && !drafted.has(d.key));
  const proposed = tally(decisions, (d) => d.decision === "rejected" && drafted.has(d.key));
  return {
    proposed: drafted.size,
    approvedMissed: missed.people,
    approvedMissedCount: missed.count,
    rejectedProposed: proposed.people,
    rejectedProposedCount: proposed.count,
  };
}

/**
 * People who had a decided draft but no signal in the window were not considered by the run:
 * neither configuration would have drafted to them, so an approved draft of theirs counts as
 * missed by both.
 */
export function compareRun(considered: readonly ConsideredPerson[], decisions: readonly PastDecision[]): Comparison {
  const labDrafted = new Set(considered.filter((p) => p.labWouldDraft).map((p) => p.key));
  const prodDrafted = new Set(considered.filter((p) => p.prodWouldDraft).map((p) => p.key));
  const both: LabPerson[] = [];
  const labOnly: LabPerson[] = [];
  const productionOnly: LabPerson[] = [];
  for (const p of considered) {
    if (p.labWouldDraft && p.prodWouldDraft) both.push(person(p));
    else if (p.labWouldDraft) labOnly.push(person(p));
    else if (p.prodWouldDraft) productionOnly.push(person(p));
  }
  const distribution: ScoreBucket[] = SCORE_BUCKETS.map((b) => ({ ...b, lab: 0, production: 0 }));
  for (const p of considered) {
    distribution[bucketIndex(p.labScore)]!.lab += 1;
    distribution[bucketIndex(p.productionScore)]!.production += 1;
  }
  return {
    considered: considered.length,
    lab: outcome(labDrafted, decisions),
    production: outcome(prodDrafted, decisions),
    overlap: { both: both.sort(byName), labOnly: labOnly.sort(byName), productionOnly: productionOnly.sort(byName) },
    distribution,
    decisions: {
      approved: decisions.filter((d) => d.decision === "approved").length,
      rejected: decisions.filter((d) => d.decision === "rejected").length,
    },
  };
}
