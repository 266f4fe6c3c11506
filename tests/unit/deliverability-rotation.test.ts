import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pickVariant, variantsOf } from "@/lib/deliverability/rotation";
import { chooseSender, senderAllowance, type SenderCandidate } from "@/lib/deliverability/sender-rules";

describe("pickVariant", () => {
  it("goes round the wordings in order", () => {
    const variants = variantsOf("blast:b1", ["A", "B", "C"]);
    expect(pickVariant(variants, { lastBody: null, lastVariantKey: null }).key).toBe("blast:b1:0");
    expect(pickVariant(variants, { lastBody: "A", lastVariantKey: "blast:b1:0" }).key).toBe("blast:b1:1");
    expect(pickVariant(variants, { lastBody: "C", lastVariantKey: "blast:b1:2" }).key).toBe("blast:b1:0");
  });

  it("skips a wording equal to the stream's last text, even from another template", () => {
    const variants = variantsOf("ladder:3", ["Same", "Other"]);
    expect(pickVariant(variants, { lastBody: "Same", lastVariantKey: null }).body).toBe("Other");
  });

  it("never sends two identical texts in a row when two wordings differ (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("A", "B", "C", "D"), { minLength: 2, maxLength: 5 }), fc.integer({ min: 2, max: 40 }), fc.array(fc.constantFrom("A", "X"), { maxLength: 40 }), (bodies, sends, interleaved) => {
        fc.pre(new Set(bodies).size >= 2);
        const variants = variantsOf("ladder:1", bodies);
        let lastBody: string | null = null;
        let lastVariantKey: string | null = null;
        for (let i = 0; i < sends; i++) {
          // Other templates' texts leave from the same number in between.
          if (interleaved[i] === "X") lastBody = "A";
          const picked: { key: string; body: string } = pickVariant(variants, { lastBody, lastVariantKey });
          expect(picked.body).not.toBe(lastBody);
          lastBody = picked.body;
          lastVariantKey = picked.key;
        }
      }),
      { numRuns: 300 },
    );
  });
});

const sender = (address: string, patch: Partial<SenderCandidate> = {}): SenderCandidate => ({ id: address, address, status: "ACTIVE", rate: 1, statusReason: null, lastUsedAt: null, usedToday: 0, ...patch });

describe("chooseSender", () => {
  it("keeps today's behaviour with no senders", () => {
    expect(chooseSender("SMS", [], 100)).toEqual({ kind: "default" });
  });

  it("refuses when every sender is paused, saying why", () => {
    const choice = chooseSender("SMS", [sender("+15550100001", { status: "PAUSED", rate: 0, statusReason: "Opt-outs at 6 %" })], 100);
    expect(choice).toEqual({ kind: "refused", reason: "sender_paused", detail: "Every sending number is paused by deliverability control: Opt-outs at 6 %" });
  });

  it("never picks a paused sender, and picks the one with the most room left", () => {
    const choice = chooseSender("SMS", [sender("+1", { status: "PAUSED", rate: 0 }), sender("+2", { usedToday: 30 }), sender("+3", { usedToday: 10 })], 100);
    expect(choice).toMatchObject({ kind: "chosen", sender: { address: "+3" }, allowance: 50 });
  });

  it("a slowed sender's allowance is its rate times its share (property: never above the cap, paused gets none)", () => {
    expect(senderAllowance({ status: "SLOWED", rate: 0.5 }, 300, 2)).toBe(75);
    fc.assert(
      fc.property(fc.array(fc.record({ status: fc.constantFrom("ACTIVE", "SLOWED", "PAUSED" as const), rate: fc.double({ min: 0, max: 1, noNaN: true }) }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 1000 }), (senders, cap) => {
        const usable = senders.filter((s) => s.status !== "PAUSED" && s.rate > 0);
        const total = usable.reduce((sum, s) => sum + senderAllowance(s, cap, usable.length), 0);
        expect(total).toBeLessThanOrEqual(Math.max(cap, usable.length));
        for (const s of senders.filter((s) => s.status === "PAUSED")) expect(senderAllowance(s, cap, usable.length)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
