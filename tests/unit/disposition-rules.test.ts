import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEAL_STATUSES } from "@/lib/deals/rules";
import {
  assignmentFeeOf,
  canMoveDisposition,
  DISPOSITION_STAGES,
  dispositionMoveProblem,
  nextDispositionStep,
  type DispositionFrom,
  type DispositionStage,
} from "@/lib/dispositions/rules";

const FROM: DispositionFrom[] = [null, ...DISPOSITION_STAGES];

/** The whole table, written out: from -> the stages it may reach. */
const ALLOWED: [DispositionFrom, DispositionStage[]][] = [
  [null, ["MARKETED", "OFFER_ACCEPTED"]],
  ["MARKETED", ["OFFER_ACCEPTED"]],
  ["OFFER_ACCEPTED", ["MARKETED", "ASSIGNED"]],
  ["ASSIGNED", ["MARKETED", "CLOSED"]],
  ["CLOSED", []],
];

describe("disposition transitions", () => {
  it.each(FROM.flatMap((from) => DISPOSITION_STAGES.map((to) => [from, to] as const)))("%s -> %s follows the table", (from, to) => {
    const allowed = ALLOWED.find(([f]) => f === from)![1].includes(to);
    expect(canMoveDisposition(from, to)).toBe(allowed);
    // With every precondition met, only the table decides.
    const problem = dispositionMoveProblem(from, to, { dealStatus: "UNDER_CONTRACT", viaOffer: to === "OFFER_ACCEPTED", assignedBuyerId: "b1" });
    expect(problem === null).toBe(allowed);
  });

  it("the next step button walks forward to CLOSED and stops there; OFFER_ACCEPTED comes only from an offer", () => {
    expect(FROM.map(nextDispositionStep)).toEqual(["MARKETED", null, "ASSIGNED", "CLOSED", null]);
    expect(dispositionMoveProblem("MARKETED", "OFFER_ACCEPTED", { dealStatus: "NEGOTIATING" })?.message).toMatch(/Accept one of the buyers' offers/);
    expect(dispositionMoveProblem("MARKETED", "OFFER_ACCEPTED", { dealStatus: "NEGOTIATING", viaOffer: true })).toBeNull();
  });

  it.each(DEAL_STATUSES)("deal status %s: what it allows of assigning and closing", (dealStatus) => {
    const assign = dispositionMoveProblem("OFFER_ACCEPTED", "ASSIGNED", { dealStatus, assignedBuyerId: "b1" });
    const close = dispositionMoveProblem("ASSIGNED", "CLOSED", { dealStatus, assignedBuyerId: "b1" });
    expect(assign === null).toBe(dealStatus === "UNDER_CONTRACT");
    expect(close === null).toBe(dealStatus === "UNDER_CONTRACT" || dealStatus === "CLOSED");
    if (dealStatus === "DEAD") expect(dispositionMoveProblem(null, "MARKETED", { dealStatus })?.message).toMatch(/dead deal/);
  });

  it("assigning needs the accepted offer's buyer; a move to the same stage is refused", () => {
    expect(dispositionMoveProblem("OFFER_ACCEPTED", "ASSIGNED", { dealStatus: "UNDER_CONTRACT", assignedBuyerId: null })?.message).toMatch(/Accept a buyer's offer/);
    for (const stage of DISPOSITION_STAGES) expect(dispositionMoveProblem(stage, stage, { dealStatus: "UNDER_CONTRACT" })?.message).toMatch(/already/);
    expect(dispositionMoveProblem(null, "MARKETED", { dealStatus: "CLOSED" })?.message).toMatch(/closed deal/);
  });

  it("never allows leaving CLOSED, whatever the context", () => {
    fc.assert(
      fc.property(fc.constantFrom(...DISPOSITION_STAGES), fc.constantFrom(...DEAL_STATUSES), fc.boolean(), fc.option(fc.string()), (to, dealStatus, viaOffer, assignedBuyerId) => {
        expect(dispositionMoveProblem("CLOSED", to, { dealStatus, viaOffer, assignedBuyerId })).not.toBeNull();
      }),
    );
  });
});

describe("assignment fee", () => {
  it.each([
    [105_000, 90_000, 15_000],
    [90_000, 90_000, 0],
    [250_000, null, null],
  ])("offer %i over contract %s leaves %s", (offer, contract, fee) => {
    expect(assignmentFeeOf(offer, contract)).toEqual({ fee });
  });

  it("refuses an offer below the contract price, saying by how much", () => {
    expect(assignmentFeeOf(85_000, 90_000)).toEqual({ refusal: { field: "offerId", message: "This offer is $5,000 below the contract price of $90,000." } });
  });

  it("is offer minus contract price whenever it is not negative", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000 }), fc.integer({ min: 0, max: 100_000_000 }), (offer, contract) => {
        const result = assignmentFeeOf(offer, contract);
        if (offer >= contract) expect(result).toEqual({ fee: offer - contract });
        else expect("refusal" in result).toBe(true);
      }),
    );
  });
});
