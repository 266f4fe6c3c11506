import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deadlineAlertKey, describeChanges, dueDeadlineReminder, isDigestDue, localDayAndHour, searchAlertKey } from "@/lib/govcon/alert-rules";
import { SavedSearchInput } from "@/lib/govcon/search-schema";
import { describeFilters } from "@/lib/govcon/search-words";

const DAY = 86_400_000;
const NOW = new Date("2026-03-10T15:00:00Z");
const inDays = (days: number) => new Date(NOW.getTime() + days * DAY);

describe("dueDeadlineReminder", () => {
  it.each([
    [10, null],
    [7.5, null],
    [7, 7],
    [6, 7],
    [3.5, 7],
    [3, 3],
    [2, 3],
    [1, 1],
    [0.1, 1],
    [0, null],
    [-2, null],
  ])("%s days before the deadline: %s", (days, expected) => {
    expect(dueDeadlineReminder(inDays(days), NOW)).toBe(expected);
  });

  it("is the tightest reminder the time left falls within", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 * 24 * 60 }), (minutes) => {
        const due = dueDeadlineReminder(new Date(NOW.getTime() + minutes * 60_000), NOW);
        const daysLeft = minutes / 1440;
        if (daysLeft > 7) return due === null;
        return due !== null && daysLeft <= due && [7, 3, 1].filter((d) => d < due).every((d) => daysLeft > d);
      }),
      { numRuns: 300 },
    );
  });
});

describe("alert keys", () => {
  it("re-arm a deadline reminder when the deadline moves, and a search alert per version", () => {
    expect(deadlineAlertKey(3, "opp1", inDays(3))).not.toBe(deadlineAlertKey(3, "opp1", inDays(10)));
    expect(deadlineAlertKey(3, "opp1", inDays(3))).toBe("deadline-3:opp1:2026-03-13");
    expect(searchAlertKey("s1", "N-1", 1)).not.toBe(searchAlertKey("s1", "N-1", 2));
  });
});

describe("isDigestDue", () => {
  const zone = "America/New_York";
  it.each([
    ["before 08:00 local", "2026-03-10T11:59:00Z", null, false],
    ["from 08:00 local, never sent", "2026-03-10T12:00:00Z", null, true],
    ["already sent this local day", "2026-03-10T22:00:00Z", "2026-03-10T13:00:00Z", false],
    ["sent the local day before", "2026-03-10T13:00:00Z", "2026-03-09T23:00:00Z", true],
    // 02:00 UTC on the 11th is still the 10th in New York.
    ["late evening local, sent that morning", "2026-03-11T02:00:00Z", "2026-03-10T13:00:00Z", false],
  ])("%s", (_, now, last, expected) => {
    expect(isDigestDue(new Date(now), zone, last ? new Date(last) : null)).toBe(expected);
  });

  it("reads the day in the workspace's zone, across daylight saving", () => {
    expect(localDayAndHour(new Date("2026-03-08T06:30:00Z"), zone)).toEqual({ day: "2026-03-08", hour: 1 });
    expect(localDayAndHour(new Date("2026-03-08T07:30:00Z"), zone)).toEqual({ day: "2026-03-08", hour: 3 });
  });

  it("goes out at most once per local day however often the engine runs", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 * 24 * 60 }), { minLength: 1, maxLength: 60 }), (offsets) => {
        let last: Date | null = null;
        const sentDays: string[] = [];
        for (const minutes of [...offsets].sort((a, b) => a - b)) {
          const at = new Date(Date.UTC(2026, 2, 10) + minutes * 60_000);
          if (isDigestDue(at, zone, last)) {
            last = at;
            sentDays.push(localDayAndHour(at, zone).day);
          }
        }
        return new Set(sentDays).size === sentDays.length;
      }),
      { numRuns: 200 },
    );
  });
});

describe("describeChanges", () => {
  it("names each change with before and after", () => {
    expect(describeChanges([{ field: "Response deadline", before: "2026-03-20", after: "2026-03-27" }, { field: "Set-aside", before: null, after: "SBA" }])).toBe(
      "Response deadline: 2026-03-20 → 2026-03-27; Set-aside: none → SBA",
    );
    expect(describeChanges([])).toBe("The notice was amended.");
    expect(describeChanges("garbage")).toBe("The notice was amended.");
  });
});

describe("SavedSearchInput", () => {
  const base = { name: "Roofing", filters: { naics: ["238160"] }, channels: ["inApp"] };
  it("reads the form's JSON filters and checkbox values like the API's object and list", () => {
    const fromForm = SavedSearchInput.parse({ ...base, filters: JSON.stringify(base.filters), channels: "inApp", minFit: "" });
    expect(fromForm).toEqual(SavedSearchInput.parse(base));
    expect(fromForm).toMatchObject({ minFit: 0, delivery: "IMMEDIATE" });
  });
  it.each([
    ["minFit", { minFit: 101 }],
    ["channels", { channels: [] }],
    ["channels.0", { channels: ["sms"] }],
    ["name", { name: " " }],
    ["filters.naics.0", { filters: { naics: ["23a"] } }],
    ["delivery", { delivery: "WEEKLY" }],
  ])("names %s when it is wrong", (path, patch) => {
    const parsed = SavedSearchInput.safeParse({ ...base, ...patch });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].path.join(".")).toBe(path);
  });
});

describe("describeFilters", () => {
  it("says what a search looks for", () => {
    expect(describeFilters({ naics: ["2381", "561720"], setAside: ["SBA"], state: "OH" }, 60)).toBe("NAICS 2381* or 561720, set-aside SBA, in OH, fit 60+");
    expect(describeFilters({})).toBe("Every opportunity");
    expect(describeFilters({ fitMin: 70, excludeNoBid: true }, 50)).toBe("fit 70+, no-bids left out");
  });
});
