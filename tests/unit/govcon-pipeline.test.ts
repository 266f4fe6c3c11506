import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PURSUIT_STAGES, type PursuitStageName } from "@/lib/govcon/codes";
import {
  DEFAULT_STAGE_PROBABILITIES,
  deadlineRunway,
  describeRunway,
  pipelineTotals,
  resolveStageProbabilities,
  StageProbabilitiesInput,
  stageProbabilityEdits,
  weightedValueCents,
  type WeighablePursuit,
} from "@/lib/govcon/pipeline";
import { CreatePursuitInput, PatchPursuitInput, UpdatePursuitInput } from "@/lib/govcon/pursuit-schema";

const pursuit = (stage: PursuitStageName, valueDollars: number | null, pWin: number | null = null, pGo: number | null = null): WeighablePursuit => ({
  stage,
  valueDollars,
  pWin,
  pGo,
});

describe("weighted value", () => {
  it.each<[string, WeighablePursuit, number]>([
    ["Identified at the defaults: $1,000,000 x 0.1 x 0.5", pursuit("IDENTIFIED", 1_000_000), 50_000_00],
    ["Proposal at the defaults: $250,000 x 0.4 x 0.9", pursuit("PROPOSAL", 250_000), 90_000_00],
    ["Submitted: p(go) is 1", pursuit("SUBMITTED", 80_000), 40_000_00],
    ["Won counts in full", pursuit("WON", 123_456.78), 123_456_78],
    ["Lost counts for nothing", pursuit("LOST", 500_000), 0],
    ["No bid counts for nothing", pursuit("NO_BID", 500_000), 0],
    ["an own p(win) wins over the stage's", pursuit("IDENTIFIED", 1_000_000, 0.6), 300_000_00],
    ["an own p(go) wins over the stage's", pursuit("CAPTURE", 1_000_000, null, 0.25), 75_000_00],
    ["an own p(win) of 0 zeroes it", pursuit("WON", 1_000_000, 0), 0],
    ["no value weighs nothing", pursuit("CAPTURE", null), 0],
    ["cents are rounded once", pursuit("IDENTIFIED", 0.33), 2],
  ])("%s", (_name, input, cents) => {
    expect(weightedValueCents(input, DEFAULT_STAGE_PROBABILITIES)).toBe(cents);
  });

  it("uses the workspace's edited stage probabilities", () => {
    const edited = resolveStageProbabilities({ CAPTURE: { pWin: 0.5 } });
    expect(weightedValueCents(pursuit("CAPTURE", 100_000), edited)).toBe(40_000_00); // 0.5 x 0.8 (p(go) kept)
  });

  const stage = fc.constantFrom(...PURSUIT_STAGES);
  const probability = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null });
  const value = fc.option(fc.double({ min: 0, max: 1e10, noNaN: true }), { nil: null });
  const anyPursuit = fc.record({ stage, valueDollars: value, pWin: probability, pGo: probability });

  it("never exceeds the pursuit's value, and is never negative", () => {
    fc.assert(
      fc.property(anyPursuit, (p) => {
        const weighted = weightedValueCents(p, DEFAULT_STAGE_PROBABILITIES);
        expect(weighted).toBeGreaterThanOrEqual(0);
        expect(weighted).toBeLessThanOrEqual(Math.round((p.valueDollars ?? 0) * 100));
      }),
      { numRuns: 300 },
    );
  });

  it("an override of 0 zeroes it whatever the stage", () => {
    fc.assert(
      fc.property(anyPursuit, fc.boolean(), (p, onWin) => {
        expect(weightedValueCents({ ...p, ...(onWin ? { pWin: 0 } : { pGo: 0 }) }, DEFAULT_STAGE_PROBABILITIES)).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it("the total equals the sum of the stages, and each stage the sum of its cards", () => {
    fc.assert(
      fc.property(fc.array(anyPursuit, { maxLength: 40 }), (pursuits) => {
        const totals = pipelineTotals(pursuits, DEFAULT_STAGE_PROBABILITIES);
        expect(totals.stages.map((s) => s.stage)).toEqual([...PURSUIT_STAGES]);
        expect(totals.weightedCents).toBe(totals.stages.reduce((sum, s) => sum + s.weightedCents, 0));
        expect(totals.count).toBe(pursuits.length);
        for (const total of totals.stages) {
          const cards = pursuits.filter((p) => p.stage === total.stage);
          expect(total.weightedCents).toBe(cards.reduce((sum, p) => sum + weightedValueCents(p, DEFAULT_STAGE_PROBABILITIES), 0));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("stage probabilities", () => {
  const flatForm = (overrides: Record<string, string> = {}) => ({
    ...Object.fromEntries(PURSUIT_STAGES.flatMap((s) => [[`${s}.pWin`, String(DEFAULT_STAGE_PROBABILITIES[s].pWin)], [`${s}.pGo`, String(DEFAULT_STAGE_PROBABILITIES[s].pGo)]])),
    ...overrides,
  });

  it("reads the form's flat fields into stages", () => {
    const parsed = StageProbabilitiesInput.parse(flatForm({ "CAPTURE.pWin": "0.35" }));
    expect(parsed.CAPTURE).toEqual({ pWin: 0.35, pGo: 0.8 });
  });

  it.each([
    ["CAPTURE.pWin", "1.5", "at most 1"],
    ["PROPOSAL.pGo", "-0.1", "at least 0"],
    ["WON.pGo", "lots", "number from 0 to 1"],
  ])("names the stage and field of a bad %s", (field, bad, message) => {
    const result = StageProbabilitiesInput.safeParse(flatForm({ [field]: bad }));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual([field]);
    expect(result.error?.issues[0].message).toContain(message);
  });

  it("stores only what differs from the defaults and reads back what was saved", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PURSUIT_STAGES), fc.double({ min: 0, max: 1, noNaN: true }), (stage, pWin) => {
        const saved = { ...DEFAULT_STAGE_PROBABILITIES, [stage]: { ...DEFAULT_STAGE_PROBABILITIES[stage], pWin } };
        const edits = stageProbabilityEdits(saved);
        expect(Object.keys(edits)).toEqual(pWin === DEFAULT_STAGE_PROBABILITIES[stage].pWin ? [] : [stage]);
        expect(resolveStageProbabilities(edits)).toEqual(saved);
      }),
      { numRuns: 100 },
    );
  });

  it("ignores stored values it cannot read", () => {
    expect(resolveStageProbabilities({ CAPTURE: { pWin: 7 }, BOGUS: 1 })).toEqual(DEFAULT_STAGE_PROBABILITIES);
    expect(resolveStageProbabilities(null)).toEqual(DEFAULT_STAGE_PROBABILITIES);
  });
});

describe("days to deadline", () => {
  const now = new Date("2026-12-07T12:00:00Z");
  it.each<[string | null, string]>([
    [null, "No deadline"],
    ["2026-12-17T12:00:00Z", "10 days to deadline"],
    ["2026-12-08T13:00:00Z", "1 day to deadline"],
    ["2026-12-07T20:00:00Z", "Due within a day"],
    ["2026-12-07T08:00:00Z", "Deadline passed today"],
    ["2026-12-04T11:00:00Z", "Deadline passed 3 days ago"],
  ])("%s reads %s", (deadline, text) => {
    const runway = deadlineRunway(deadline ? new Date(deadline) : null, now);
    expect(describeRunway(runway)).toBe(text);
    if (runway) expect(runway.overdue).toBe(new Date(deadline!).getTime() < now.getTime());
  });
});

describe("pursuit inputs", () => {
  it("a manual pursuit needs a title", () => {
    const result = CreatePursuitInput.safeParse({ valueDollars: "100000" });
    expect(result.error?.issues[0].path).toEqual(["title"]);
    expect(CreatePursuitInput.parse({ opportunityId: "opp_1" }).opportunityId).toBe("opp_1");
  });

  it("a blank override goes back to the stage's, a blank value clears it", () => {
    expect(UpdatePursuitInput.parse({ pursuitId: "p1", pWin: "", valueDollars: "$1,250,000", ownerId: "" })).toMatchObject({ pWin: null, valueDollars: 1_250_000, ownerId: null });
  });

  it.each([
    [{ id: "p1", stage: "WINNING" }, "stage"],
    [{ id: "p1", pWin: 1.5 }, "pWin"],
    [{ id: "p1", pGo: -1 }, "pGo"],
    [{ id: "p1", valueDollars: -5 }, "valueDollars"],
  ])("PATCH %j is refused naming %s", (body, field) => {
    const result = PatchPursuitInput.safeParse(body);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual([field]);
  });
});
