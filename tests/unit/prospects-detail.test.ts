import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Deal } from "@/generated/prisma/client";
import { GOOD_SPREAD, formatMoney, formatPercent, spreadTone } from "@/components/prospects/format";
import { PIPELINE_STATUSES, SPREAD_BUCKETS } from "@/lib/prospects/analytics";
import { dealFieldGroups, readProvenance, sortTimeline, type TimelineEntry } from "@/lib/prospects/detail";
import { DEAL_STATUSES } from "@/lib/intake/schema";

describe("readProvenance", () => {
  it("reads a parser's record and clamps the confidence", () => {
    expect(readProvenance({ street: { confidence: 0.95, source: "Address: 1 Elm" } }, "street")).toEqual({ confidence: 0.95, source: "Address: 1 Elm" });
    expect(readProvenance({ arv: { confidence: 7, source: "ARV 250k" } }, "arv")).toEqual({ confidence: 1, source: "ARV 250k" });
    expect(readProvenance({ arv: { source: "ARV 250k" } }, "arv")).toEqual({ confidence: null, source: "ARV 250k" });
  });

  it("never throws on whatever JSON a deal holds", () => {
    fc.assert(fc.property(fc.jsonValue(), fc.string(), (json, field) => {
      const result = readProvenance(json, field);
      return result === null || (typeof result.source === "string" && (result.confidence === null || (result.confidence >= 0 && result.confidence <= 1)));
    }));
  });
});

describe("dealFieldGroups", () => {
  const deal = {
    source: "CSV", street: "1 Elm", city: "Tampa", market: "Tampa", spread: 12_000, askingPrice: null,
    provenance: { street: { confidence: 0.9, source: "1 Elm" }, spread: { confidence: 1, source: "forged" } },
  } as unknown as Deal;

  it("falls back to the deal's source, and never takes provenance for computed fields", () => {
    const fields = Object.fromEntries(dealFieldGroups(deal).flatMap((g) => g.fields).map((f) => [f.name, f]));
    expect(fields.street.provenance?.confidence).toBe(0.9);
    expect(fields.city).toMatchObject({ provenance: null, origin: "CSV import" });
    expect(fields.market.origin).toBe("Derived from the address");
    expect(fields.spread).toMatchObject({ value: 12_000, provenance: null, origin: "Underwriting" });
    expect(fields.askingPrice.value).toBeNull();
  });
});

describe("sortTimeline", () => {
  const entry = (id: string, at: number, kind: TimelineEntry["kind"]): TimelineEntry => ({ id, at: new Date(at), kind, title: id, detail: null });

  it("orders by time, then intake before underwriting before events before changes", () => {
    const sorted = sortTimeline([entry("a", 5, "audit"), entry("k", 1, "kpi"), entry("u", 1, "underwriting"), entry("i", 1, "intake"), entry("z", 0, "audit")]);
    expect(sorted.map((e) => e.id)).toEqual(["z", "i", "u", "k", "a"]);
  });

  it("is a stable total order whatever the input order", () => {
    const entries = fc.array(
      fc.record({ id: fc.uuid(), at: fc.integer({ min: 0, max: 5 }), kind: fc.constantFrom("intake", "underwriting", "kpi", "audit" as const) }),
      { maxLength: 30 },
    );
    fc.assert(fc.property(entries, (raw) => {
      const list = raw.map((r) => entry(r.id, r.at, r.kind));
      const once = sortTimeline(list).map((e) => e.id);
      expect(sortTimeline([...list].reverse()).map((e) => e.id)).toEqual(once);
    }));
  });
});

describe("analytics buckets", () => {
  it("puts every spread in exactly one bucket", () => {
    fc.assert(fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (spread) =>
      SPREAD_BUCKETS.filter((b) => (b.min === null || spread >= b.min) && (b.max === null || spread < b.max)).length === 1));
  });

  it("covers every status in the pipeline except DEAD", () => {
    expect([...PIPELINE_STATUSES, "DEAD"].sort()).toEqual([...DEAL_STATUSES].sort());
  });
});

describe("deal number formats", () => {
  it("shows whole dollars, fractions as percent, and colors spreads", () => {
    expect(formatMoney(-12_500)).toBe("-$12,500");
    expect(formatMoney(null)).toBe("—");
    expect(formatPercent(0.1234)).toBe("12.3%");
    expect(spreadTone(-1)).toBe("text-destructive");
    expect(spreadTone(GOOD_SPREAD)).toBe("text-success");
    expect(spreadTone(GOOD_SPREAD - 1)).toBe("");
    expect(spreadTone(null)).toBe("text-muted-foreground");
  });
});
