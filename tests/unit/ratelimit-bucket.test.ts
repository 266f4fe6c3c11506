import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { levelAt, takeToken, type BucketState } from "@/lib/ratelimit/bucket";

const policyArb = fc.record({
  capacity: fc.integer({ min: 1, max: 500 }),
  refillPerSecond: fc.constantFrom(0.2, 0.5, 1, 2, 5, 10, 20),
});
/** Gaps between requests in milliseconds, a clock going back now and then included. */
const stepsArb = fc.array(fc.integer({ min: -2_000, max: 20_000 }), { minLength: 1, maxLength: 200 });

function run(policy: { capacity: number; refillPerSecond: number }, gaps: number[], start = 1_800_000_000_000) {
  let state: BucketState | null = null;
  let now = start;
  const results = [];
  for (const gap of gaps) {
    now += gap;
    const result = takeToken(state, policy, now);
    results.push({ now, result, before: state });
    state = result.state;
  }
  return results;
}

describe("token bucket", () => {
  it("never holds more than its capacity nor less than nothing", () => {
    fc.assert(
      fc.property(policyArb, stepsArb, (policy, gaps) => {
        for (const { result } of run(policy, gaps)) {
          expect(result.state.tokens).toBeLessThanOrEqual(policy.capacity);
          expect(result.state.tokens).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("grants at most capacity + elapsed x rate requests over any run", () => {
    fc.assert(
      fc.property(policyArb, stepsArb, (policy, gaps) => {
        const results = run(policy, gaps);
        const forwardMs = gaps.reduce((sum, gap) => sum + Math.max(0, gap), 0);
        const granted = results.filter((r) => r.result.granted).length;
        expect(granted).toBeLessThanOrEqual(policy.capacity + (forwardMs / 1000) * policy.refillPerSecond + 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it("refills at its rate: an empty bucket holds rate x seconds later, up to capacity", () => {
    fc.assert(
      fc.property(policyArb, fc.integer({ min: 0, max: 3_600_000 }), (policy, elapsedMs) => {
        const empty = { tokens: 0, refilledAtMs: 0 };
        expect(levelAt(empty, policy, elapsedMs)).toBeCloseTo(Math.min(policy.capacity, (elapsedMs / 1000) * policy.refillPerSecond), 9);
      }),
      { numRuns: 300 },
    );
  });

  it("serves a full burst of capacity at one instant, then refuses", () => {
    fc.assert(
      fc.property(policyArb, (policy) => {
        const results = run(policy, [0, ...Array.from({ length: policy.capacity }, () => 0)]);
        expect(results.slice(0, policy.capacity).every((r) => r.result.granted)).toBe(true);
        expect(results[policy.capacity].result.granted).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it("gives an exact Retry-After: refused one second earlier, granted then", () => {
    fc.assert(
      fc.property(policyArb, stepsArb, (policy, gaps) => {
        for (const { now, result } of run(policy, gaps)) {
          if (result.granted) {
            expect(result.retryAfterSeconds).toBe(0);
            continue;
          }
          const wait = result.retryAfterSeconds;
          expect(wait).toBeGreaterThanOrEqual(1);
          expect(takeToken(result.state, policy, now + wait * 1000).granted).toBe(true);
          expect(takeToken(result.state, policy, now + (wait - 1) * 1000).granted).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("a refused request takes nothing", () => {
    const policy = { capacity: 2, refillPerSecond: 1 };
    const results = run(policy, [0, 0, 0, 0, 0]);
    expect(results.map((r) => r.result.granted)).toEqual([true, true, false, false, false]);
    expect(results[4].result.state.tokens).toBe(0);
    expect(takeToken(results[4].result.state, policy, results[4].now + 1000).granted).toBe(true);
  });
});
