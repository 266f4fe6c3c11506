import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { StatusBadge, StrategyBadge } from "@/components/prospects/deal-badges";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Table, TableBody, TableCell, TableRow } from "@/components/ui/table";

// A table page repeats its row markup 25 to 200 times (and again in the page's RSC payload),
// so the primitives a row is made of carry one short class each, not their utility lists.
function rowMarkup() {
  return renderToStaticMarkup(
    h(Table, null, h(TableBody, null,
      h(TableRow, null,
        h(TableCell, null, h(Checkbox, { "aria-label": "Select 12 Elm St" })),
        h(TableCell, null, h(StatusBadge, { status: "NEGOTIATING" })),
        h(TableCell, null, h(StrategyBadge, { strategy: "FLIP" })),
        h(TableCell, { className: "text-right" }, "$150,000"),
        h(TableCell, null, h(Button, { size: "sm", variant: "outline" }, "Reply")),
      ))),
  );
}

describe("row markup", () => {
  it("keeps each repeated primitive to a short class", () => {
    const html = rowMarkup();
    const classes = [...html.matchAll(/class="([^"]*)"/g)].map((m) => m[1]);
    const longest = classes.reduce((a, b) => (b.length > a.length ? b : a), "");
    expect(longest.length, longest).toBeLessThanOrEqual(200);
    expect(html).toContain('class="ui-table-cell text-right"');
    expect(html).toMatch(/class="ui-badge [^"]*"/);
    expect(html).toMatch(/class="peer ui-checkbox"/);
  });

  it("stays under 2 KB for a five-cell row with a checkbox, two badges and a button", () => {
    const row = /<tr[\s\S]*<\/tr>/.exec(rowMarkup())![0];
    expect(Buffer.byteLength(row)).toBeLessThanOrEqual(2_048);
  });
});
