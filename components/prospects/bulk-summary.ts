import type { BulkKind } from "./bulk-action-dialog";

/** What a bulk action did: the deals it changed, and the ones it left alone with the reason. */
export interface BulkOutcome {
  changed: string[];
  refused: { dealId: string; reason: string }[];
}

const VERBS: Record<BulkKind, string> = {
  status: "Status changed",
  owner: "Owner assigned",
  tags: "Tags updated",
  ladder: "Ladder started",
  doNotContact: "Added to do-not-contact",
};

const deals = (n: number) => `${n} deal${n === 1 ? "" : "s"}`;

/** "Owner assigned for 3 deals; 1 refused", then one line per refused deal, by address. */
export function bulkSummary(kind: BulkKind, outcome: BulkOutcome, labelOf: (dealId: string) => string): { title: string; lines: string[] } {
  const refused = outcome.refused.length;
  const title = `${VERBS[kind]} for ${deals(outcome.changed.length)}${refused ? `; ${refused} refused` : ""}.`;
  return { title, lines: outcome.refused.map((r) => `${labelOf(r.dealId)}: ${r.reason}`) };
}
