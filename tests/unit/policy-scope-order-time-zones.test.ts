import { describe, expect, it } from "vitest";
import { sortByScope } from "@/lib/policy/scope-order";
import { searchTimeZones, timeZoneOptions } from "@/lib/tenants/time-zones";
import { TenantProfileInput } from "@/lib/tenants/schema";

describe("sortByScope", () => {
  it("puts All regions first, then regions by name, a region's own policy before its markets", () => {
    const rows = ["AR:ALL", "ALL:ALL", "AL:ALL", "AB:ALL", "FL:Tampa", "FL:ALL", "FL:Miami", "AK:ALL"].map((s) => {
      const [region, market] = s.split(":");
      return { region, market };
    });
    expect(sortByScope(rows).map((r) => `${r.region}:${r.market}`)).toEqual([
      "ALL:ALL", "AL:ALL", "AK:ALL", "AB:ALL", "AR:ALL", "FL:ALL", "FL:Miami", "FL:Tampa",
    ]);
  });
});

describe("timeZoneOptions", () => {
  const at = new Date("2026-01-15T12:00:00Z");
  const options = timeZoneOptions(Intl.supportedValuesOf("timeZone"), at);

  it("lists US zones, then Canadian ones, then every other zone once, UTC included", () => {
    const groups = options.map((o) => o.group);
    expect(groups.indexOf("Canada")).toBeGreaterThan(groups.lastIndexOf("United States"));
    expect(groups.indexOf("Other")).toBeGreaterThan(groups.lastIndexOf("Canada"));
    expect(new Set(options.map((o) => o.zone)).size).toBe(options.length);
    expect(options.find((o) => o.zone === "America/New_York")).toEqual({ zone: "America/New_York", label: "UTC−05:00 · Eastern Time", group: "United States" });
    expect(options.find((o) => o.zone === "America/St_Johns")?.group).toBe("Canada");
    expect(options.some((o) => o.zone === "UTC")).toBe(true);
    expect(options.some((o) => o.zone === "Europe/Paris")).toBe(true);
  });

  it("finds zones by city, name or offset, and every option passes the server's schema", () => {
    expect(searchTimeZones(options, "new york").map((o) => o.zone)).toEqual(["America/New_York"]);
    expect(searchTimeZones(options, "newfoundland").map((o) => o.zone)).toContain("America/St_Johns");
    expect(searchTimeZones(options, "-03:30").map((o) => o.zone)).toContain("America/St_Johns");
    for (const { zone } of options) expect(TenantProfileInput.safeParse({ name: "Acme", timeZone: zone, country: "US" }).success, zone).toBe(true);
  });
});
