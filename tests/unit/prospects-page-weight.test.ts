import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

// The table reads and writes the URL through Next's router; outside Next a fixed URL stands in.
vi.mock("next/navigation", () => ({
  useRouter: () => ({ push: vi.fn(), replace: vi.fn() }),
  usePathname: () => "/deals",
  useSearchParams: () => new URLSearchParams(""),
}));

const { ProspectsTable } = await import("@/components/prospects/prospects-table");
const { toProspectTableRow } = await import("@/components/prospects/prospect-columns");
const { ProspectQuery } = await import("@/lib/prospects/query");

/** A deal row as listProspects returns it, with every field the database gives. */
function dealRow(i: number) {
  return {
    id: `3f6f9344-710c-416a-b12c-037b1bc0d9${String(i).padStart(2, "0")}`, status: "NEGOTIATING", source: "CSV", street: `${1600 + i} Washington Blvd`, unit: null,
    city: "Springfield", region: "IL", postalCode: "62704", country: "US", market: "Springfield", askingPrice: 150_000, arv: 260_000, repairs: 20_000, mao: 160_000,
    spread: -10_000, spreadRatio: -0.0385, strategy: "FLIP", score: 71, beds: 3, baths: 2, sqft: 1400, propertyType: "SFR", createdAt: new Date("2026-03-01T12:00:00Z"),
    underwrittenAt: null, ownerId: "u1", contactPhone: "+15125550142",
  } as never;
}

function renderPage() {
  const rows = Array.from({ length: 25 }, (_, i) => toProspectTableRow(dealRow(i), "Mar 1, 2026", "Olivia Owner"));
  return renderToString(
    createElement(ProspectsTable, {
      rows, total: 10_000, totalIsExact: false, pageCount: 401, query: ProspectQuery.parse({}), hiddenColumns: [], zoneLabel: "EST",
      views: [{ id: "v1", name: "Losers", query: "sort=spread&dir=asc" }], currentViewId: null,
      owners: [{ userId: "u1", name: "Olivia Owner" }, { userId: "u2", name: "Adam Admin" }],
      bulkActions: { assignOwner: async () => ({ ok: true as const, data: { changed: [], refused: [] } }) },
    }),
  );
}

// /deals must stay under 80 KB of HTML with 25 rows (issue: light pages); the table is most of it.
describe("the Prospects table's weight", () => {
  it("renders each of the 25 rows once, for phones and desktops alike", () => {
    const html = renderPage();
    expect(html.match(/data-testid="prospect-row"/g)).toHaveLength(25);
    for (let i = 0; i < 25; i++) expect(html.split(`href="/deals/3f6f9344-710c-416a-b12c-037b1bc0d9${String(i).padStart(2, "0")}"`)).toHaveLength(2);
  });

  it("keeps a row under 1.2 KB and the whole table, filters and pager under 45 KB", () => {
    const html = renderPage();
    const row = /<tr data-testid="prospect-row"[\s\S]*?<\/tr>/.exec(html)![0];
    expect(Buffer.byteLength(row), row).toBeLessThanOrEqual(1_200);
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(45_000);
  });

  it("hands the browser only the fields the table shows", () => {
    const row = toProspectTableRow(dealRow(0), "Mar 1, 2026", null);
    expect(Object.keys(row)).not.toContain("beds");
    expect(Object.keys(row)).not.toContain("createdAt");
    expect(Object.keys(row)).not.toContain("ownerId");
    expect(row).toMatchObject({ street: "1600 Washington Blvd", spread: -10_000, intake: "Mar 1, 2026", ownerName: null });
    expect(Buffer.byteLength(JSON.stringify(row))).toBeLessThanOrEqual(450);
  });
});
