import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDelayText, parseDelay } from "@/lib/ladder/delay";
import { DEFAULT_LADDER_STEPS, LadderStep, LadderSteps, MAX_DELAY_MINUTES } from "@/lib/ladder/schema";

describe("ladder delays as text", () => {
  it.each([
    ["30m", 30],
    ["3h", 180],
    ["1d", 1440],
    ["1d 12h", 2160],
    ["2h30m", 150],
    ["1 day 2 hours 5 minutes", 1565],
    [" 7D ", 10_080],
    ["45", 45],
    ["0m", 0],
  ])("reads %j as %d minutes", (text, minutes) => {
    expect(parseDelay(text)).toBe(minutes);
  });

  it.each(["", "soon", "3x", "h", "-5m", "1.5h", "3h later", "30m,"])("refuses %j", (text) => {
    expect(parseDelay(text)).toBeNull();
  });

  it("writes the default ladder's delays the way people type them", () => {
    expect(DEFAULT_LADDER_STEPS.map((s) => formatDelayText(s.delayMinutes))).toEqual(["0m", "30m", "3h", "1d", "3d", "7d"]);
    expect(formatDelayText(2190)).toBe("1d 12h 30m");
  });

  it("round-trips every delay up to 30 days: parse(format(m)) = m", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_DELAY_MINUTES }), (minutes) => {
        expect(parseDelay(formatDelayText(minutes))).toBe(minutes);
      }),
      { numRuns: 1000 },
    );
  });

  it("round-trips text: format(parse(t)) is canonical and reads back the same", () => {
    const textArb = fc
      .tuple(fc.nat(30), fc.nat(23), fc.nat(59), fc.constantFrom(" ", ""))
      .filter(([d, h, m]) => d + h + m > 0)
      .map(([d, h, m, sep]) => [d && `${d}d`, h && `${h}h`, m && `${m}m`].filter(Boolean).join(sep));
    fc.assert(
      fc.property(textArb, (text) => {
        const minutes = parseDelay(text);
        expect(minutes).not.toBeNull();
        // The canonical form separates the parts with a space.
        expect(formatDelayText(minutes!)).toBe(text.replace(/(?<=[dhm])(?=\d)/g, " "));
        expect(parseDelay(formatDelayText(minutes!))).toBe(minutes);
      }),
      { numRuns: 500 },
    );
  });

  it("the step schema takes the text and keeps minutes, refusing what is not a delay on its field", () => {
    expect(LadderStep.parse({ channel: "CALL", delayMinutes: "3h" }).delayMinutes).toBe(180);
    expect(LadderStep.parse({ channel: "CALL", delayMinutes: 90 }).delayMinutes).toBe(90);
    const bad = LadderStep.safeParse({ channel: "CALL", delayMinutes: "tomorrow" });
    expect(bad.error?.issues[0]).toMatchObject({ path: ["delayMinutes"], message: "Use a delay like 30m, 3h, 1d or 1d 12h" });
    expect(LadderStep.safeParse({ channel: "CALL", delayMinutes: "31d" }).error?.issues[0].message).toBe("Use at most 30d");
    const order = LadderSteps.safeParse([
      { channel: "CALL", delayMinutes: "1d" },
      { channel: "CALL", delayMinutes: "3h" },
    ]);
    expect(order.error?.issues[0].message).toBe("Step 2 cannot come before step 1 (1d)");
  });
});
