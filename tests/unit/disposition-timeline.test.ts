import { describe, expect, it } from "vitest";
import { describeDealAudit } from "@/lib/prospects/timeline-text";

const nameOf = () => "someone";

describe("disposition lines on the deal timeline", () => {
  it("names the stages, the fee and a buyer falling through, never ids", () => {
    expect(describeDealAudit({ action: "deal.disposition_changed", before: { stage: "MARKETED" }, after: { stage: "OFFER_ACCEPTED", assignedBuyerId: "b1", assignmentFee: 15_000, offerAmount: 105_000 } }, nameOf)).toEqual({
      title: "Disposition: Marketed → Offer accepted",
      detail: "assignment fee $15,000 · offer $105,000",
    });
    expect(describeDealAudit({ action: "deal.disposition_changed", before: { stage: null }, after: { stage: "MARKETED", blastId: "x" } }, nameOf)).toEqual({ title: "Disposition: Not marketed → Marketed", detail: null });
    expect(describeDealAudit({ action: "deal.disposition_changed", before: { stage: "ASSIGNED" }, after: { stage: "MARKETED", withdrawnBuyerId: "b1" } }, nameOf).detail).toBe("the buyer fell through");
  });
});
