import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { ProspectsTableProps } from "@/components/prospects/prospects-table";

// The table reads and writes the URL through Next's router; outside Next a fixed URL stands in.
vi.mock("next/navigation", () => ({
  useRouter: () => ({ push: vi.fn(), replace: vi.fn() }),
  usePathname: () => "/deals",
  useSearchParams: () => new URLSearchParams("sort=spread&dir=asc&cols=market"),
}));

const { ProspectsTable } = await import("@/components/prospects/prospects-table");
const { ProspectQuery } = await import("@/lib/prospects/query");

const row = {
  id: "d1", status: "NEGOTIATING", source: "CSV", street: "12 Elm St", unit: "4", city: "Tampa", region: "FL", postalCode: "33601",
  country: "US", market: "Tampa", askingPrice: 150_000, arv: 260_000, repairs: 20_000, mao: 160_000, spread: -10_000, spreadRatio: -0.0385,
  strategy: "FLIP", score: 71, beds: 3, baths: 2, sqft: 1400, propertyType: "SFR", createdAt: new Date("2026-03-01T12:00:00Z"),
  underwrittenAt: null, intake: "Mar 1, 2026", ownerId: "u1", ownerName: "Olivia Owner", contactPhone: "+15125550142",
} as const;

/** The table with one row of one page, an exact count and no views, as changed by `props`. */
function renderTable(props: Partial<ProspectsTableProps>) {
  return renderToString(
    createElement(ProspectsTable, {
      rows: [row as never],
      total: 1,
      totalIsExact: true,
      pageCount: 1,
      query: ProspectQuery.parse({}),
      hiddenColumns: [],
      zoneLabel: "EST",
      views: [],
      currentViewId: null,
      owners: [{ userId: "u1", name: "Olivia Owner" }],
      ...props,
    }),
  );
}

describe("ProspectsTable", () => {
  it("renders rows, sort state, hidden columns and the zone label", () => {
    const html = renderTable({
      total: 51,
      pageCount: 3,
      query: ProspectQuery.parse({ sort: "spread", dir: "asc", page: "2" }),
      hiddenColumns: ["market"],
      views: [{ id: "v1", name: "Losers", query: "sort=spread&dir=asc&cols=market" }],
      currentViewId: "v1",
    });
    expect(html).toContain("12 Elm St, Unit 4");
    expect(html).toContain('href="/deals/d1"');
    expect(html).toContain("Intake (EST)");
    expect(html).toContain('aria-sort="ascending"');
    expect(html).toContain("-$10,000");
    expect(html).toMatch(/<td class="spread num loss">-\$10,000</);
    expect(html.match(/<th[ >]/g)).toHaveLength(15); // 16 columns, market hidden (no selection without bulk actions)
    expect(html).toContain("Olivia Owner");
    expect(html).toMatch(/<td class="phone"><a href="tel:\+15125550142">\(512\) 555-0142</);
    expect(html).toContain(">CSV<");
    expect(html).toContain("Losers");
    expect(html).toMatch(/26.*50.*of.*51 deals/);
  });

  it("offers row selection only to a role with bulk actions", () => {
    const reader = renderTable({});
    expect(reader).not.toContain("Select every deal on this page");
    const worker = renderTable({ bulkActions: { assignOwner: async () => ({ ok: true, data: { changed: [], refused: [] } }) } });
    expect(worker).toContain('aria-label="Select every deal on this page"');
    expect(worker).toContain('aria-label="Select 12 Elm St, Unit 4"');
    expect(worker.match(/<th[ >]/g)).toHaveLength(17);
    // The bar appears once something is selected.
    expect(worker).not.toContain("Clear selection");
  });

  it("says a count that stopped at its limit is a lower bound", () => {
    const html = renderTable({ total: 10_000, totalIsExact: false, pageCount: 401 });
    expect(html).toContain("10,000+ deals");
    expect(html).toMatch(/Page <!-- -->1<!-- --> of <!-- -->401<!-- -->\+/);
  });

  it("shows the database's estimate where the count stopped short", () => {
    const html = renderTable({ total: 10_000, totalIsExact: false, estimatedTotal: 1_234_567, pageCount: 401 });
    expect(html).toContain("about 1.2M deals");
    expect(html).not.toContain("10,000+");
  });
});

describe("deal page parts", () => {
  it("shows provenance, evidence and the timeline in the workspace zone", async () => {
    const { DealFieldsCard } = await import("@/components/deals/deal-fields-card");
    const { EvidenceList } = await import("@/components/deals/evidence-list");
    const { DealTimeline } = await import("@/components/deals/deal-timeline");
    const { dealFieldGroups } = await import("@/lib/prospects/detail");
    const deal = { ...row, source: "EMAIL", contactPhone: "+15551234567", timeZone: "America/Argentina/Buenos_Aires", provenance: { street: { confidence: 0.42, source: "12 Elm" } } };
    const fields = renderToString(createElement(DealFieldsCard, { groups: dealFieldGroups(deal as never) }));
    expect(fields).toContain(">42%<");
    expect(fields).toContain('href="tel:+15551234567"');
    expect(fields).toContain("Deal email");
    // A narrow column wraps a zone name after a slash, not mid-word.
    expect(fields).toContain("America/<wbr/>Argentina/<wbr/>Buenos_Aires");
    const evidence = renderToString(createElement(EvidenceList, {
      timeZone: "America/New_York",
      evidence: [{ id: "e1", createdAt: new Date("2026-03-01T17:00:00Z"), correlationId: "corr-1", policyVersion: 3,
        inputs: { arv: 260_000, repairs: 0, repairsAssumedZero: true, askingPrice: 150_000, policyScope: "FL/ALL", terms: { maxArvMultiplier: 0.7, feesBuffer: 2500 } },
        outputs: { mao: 179_500, spread: 29_500, spreadRatio: 0.1135, strategy: "WHOLESALE" } } as never],
    }));
    expect(evidence).toContain("Mar 1, 2026, 12:00 PM");
    expect(evidence).toContain("FL/ALL v3");
    expect(evidence).toContain("Repairs (assumed 0)");
    expect(evidence).toContain("corr-1");
    const timeline = renderToString(createElement(DealTimeline, {
      timeZone: "America/New_York",
      entries: [{ id: "i", at: new Date("2026-03-01T17:00:00Z"), kind: "intake", title: "Received from CSV import", detail: null }],
    }));
    expect(timeline).toContain("Received from CSV import");
    expect(timeline).toContain("Times in America/New_York");
  });
});

describe("analytics charts", () => {
  it("render on the server without data errors", async () => {
    const { FunnelChart } = await import("@/components/analytics/funnel-chart");
    const { IntakeChart } = await import("@/components/analytics/intake-chart");
    const { SpreadHistogram } = await import("@/components/analytics/spread-histogram");
    const { MarketsChart } = await import("@/components/analytics/markets-chart");
    const html = [
      renderToString(createElement(FunnelChart, { data: [{ status: "NEW", count: 3 }] })),
      renderToString(createElement(IntakeChart, { data: [{ day: "2026-03-14", EMAIL: 1, CSV: 0, API: 2, MANUAL: 0, DRIVING: 0, total: 3 }] })),
      renderToString(createElement(SpreadHistogram, { data: [{ label: "< $0", min: null, count: 2 }] })),
      renderToString(createElement(MarketsChart, { data: [{ market: "Tampa", count: 4 }] })),
    ].join("");
    expect(html).toContain("Deals by status: New 3");
    expect(html).toContain("Deals by market: Tampa 4");
  });
});
