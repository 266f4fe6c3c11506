import { describe, expect, it } from "vitest";
import { ALLOWED_TRANSITIONS, canChangeStatus, DEAL_STATUSES, nextStatuses, statusChangeProblem, type DealStatus } from "@/lib/deals/rules";
import { DealEditInput, DealStatusChangeInput, DealTagsInput } from "@/lib/deals/schema";

// The pipeline as the README documents it: every pair below is allowed, every other pair refused.
const DOCUMENTED: Record<DealStatus, DealStatus[]> = {
  NEW: ["UNDERWRITTEN", "CONTACTED", "NEGOTIATING", "DEAD"],
  UNDERWRITTEN: ["CONTACTED", "NEGOTIATING", "DEAD"],
  CONTACTED: ["NEGOTIATING", "UNDER_CONTRACT", "DEAD"],
  NEGOTIATING: ["CONTACTED", "UNDER_CONTRACT", "DEAD"],
  UNDER_CONTRACT: ["NEGOTIATING", "CLOSED", "DEAD"],
  CLOSED: [],
  DEAD: ["NEW", "CONTACTED"],
};

describe("deal pipeline transitions", () => {
  for (const from of DEAL_STATUSES) {
    for (const to of DEAL_STATUSES) {
      const allowed = DOCUMENTED[from].includes(to);
      it(`${from} -> ${to} is ${allowed ? "allowed" : "refused"}`, () => {
        expect(canChangeStatus(from, to)).toBe(allowed);
        const problem = statusChangeProblem(from, to, { reason: "lost to another buyer" });
        if (allowed) expect(problem).toBeNull();
        else expect(problem?.field).toBe("to");
      });
    }
  }

  it("lists the next statuses in pipeline order and never the current one", () => {
    for (const from of DEAL_STATUSES) {
      expect(nextStatuses(from)).toEqual(DEAL_STATUSES.filter((s) => DOCUMENTED[from].includes(s)));
      expect(ALLOWED_TRANSITIONS[from]).not.toContain(from);
    }
  });

  it("asks a reason for DEAD and keeps the assignment fee to contracts and closings", () => {
    expect(statusChangeProblem("NEGOTIATING", "DEAD", {})).toEqual({ field: "reason", message: "Say why the deal is dead." });
    expect(statusChangeProblem("NEGOTIATING", "DEAD", { reason: "   " })?.field).toBe("reason");
    expect(statusChangeProblem("NEGOTIATING", "UNDER_CONTRACT", { assignmentFee: 12_000 })).toBeNull();
    expect(statusChangeProblem("UNDER_CONTRACT", "CLOSED", { assignmentFee: 12_000 })).toBeNull();
    expect(statusChangeProblem("NEW", "CONTACTED", { assignmentFee: 12_000 })?.field).toBe("assignmentFee");
  });
});

describe("deal work inputs", () => {
  it("refuses DEAD without a reason at the schema, naming the field", () => {
    const parsed = DealStatusChangeInput.safeParse({ dealIds: "d1", to: "DEAD", reason: "" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["reason"]);
    expect(DealStatusChangeInput.parse({ dealIds: "d1", to: "UNDER_CONTRACT", assignmentFee: "$12k" })).toMatchObject({ dealIds: ["d1"], assignmentFee: 12_000 });
  });

  it("reads an emptied edit field as clear and a missing one as unchanged", () => {
    const parsed = DealEditInput.parse({ askingPrice: "$150k", repairs: "", contactEmail: "" });
    expect(parsed).toEqual({ askingPrice: 150_000, repairs: null, contactEmail: null });
    expect(DealEditInput.safeParse({ arv: -1 }).error?.issues[0].path).toEqual(["arv"]);
    expect(DealEditInput.safeParse({ street: "" }).success).toBe(false);
  });

  it("reads tags comma-separated, lower case, and needs one to add or remove", () => {
    expect(DealTagsInput.parse({ dealIds: ["d1"], add: " Probate, vacant ," })).toMatchObject({ add: ["probate", "vacant"] });
    expect(DealTagsInput.safeParse({ dealIds: ["d1"] }).success).toBe(false);
  });
});
