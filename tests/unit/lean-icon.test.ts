import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Bell, Check, Trash2 } from "@/components/ui/icons";

// The shell and the listing pages draw their icons without lucide's per-<svg> attributes and
// outside a client component (issue: light pages); the look comes from `.ui-icon`.
describe("lean icons", () => {
  it("draws lucide's paths with only a viewBox and a class", () => {
    const html = renderToString(createElement(Trash2, { className: "size-4" }));
    expect(html).toMatch(/^<svg viewBox="0 0 24 24" class="ui-icon size-4" aria-hidden="true"><path d="[^"]+"><\/path>/);
    expect(html).not.toMatch(/stroke|fill|width|xmlns/);
    expect(html.match(/<path /g)!.length).toBeGreaterThanOrEqual(4);
  });

  it("stays hidden from assistive technology unless it is given a name", () => {
    expect(renderToString(createElement(Bell))).toContain('aria-hidden="true"');
    const named = renderToString(createElement(Check, { "aria-label": "Current" }));
    expect(named).toContain('aria-label="Current"');
    expect(named).not.toContain("aria-hidden");
  });
});
