import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { confidenceWord, formatAgo, formatConfidence, formatPoints } from "@/components/signals/format";

const NOW = new Date("2026-12-06T12:00:00Z");
const before = (ms: number) => new Date(NOW.getTime() - ms);

describe("intent wordings", () => {
  it.each([
    [0, "just now"],
    [59_000, "just now"],
    [60_000, "1 min ago"],
    [59 * 60_000, "59 min ago"],
    [6 * 3_600_000, "6 h ago"],
    [47 * 3_600_000 + 59 * 60_000, "47 h ago"],
    [48 * 3_600_000, "2 d ago"],
    [-5 * 60_000, "just now"],
  ])("says %i ms ago as %s", (ms, text) => {
    expect(formatAgo(before(ms), NOW)).toBe(text);
  });

  it.each([
    [28.4, "+28"],
    [1, "+1"],
    [0.44, "+0.4"],
    [0, "+0"],
  ])("shows %f points as %s", (points, text) => {
    expect(formatPoints(points)).toBe(text);
  });

  it.each([
    [0.95, "95% (high confidence)"],
    [0.8, "80% (high confidence)"],
    [0.79, "79% (fair confidence)"],
    [0.5, "50% (fair confidence)"],
    [0.2, "20% (low confidence)"],
  ])("reads confidence %f as %s", (confidence, text) => {
    expect(formatConfidence(confidence)).toBe(text);
  });

  it("never lowers the word as confidence rises", () => {
    const rank = { low: 0, fair: 1, high: 2 } as const;
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return rank[confidenceWord(lo)] <= rank[confidenceWord(hi)];
      }),
    );
  });
});
