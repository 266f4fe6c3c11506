import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { advanceRecipientState, campaignRates, FINAL_STATES, isWithinDedupeWindow, RECIPIENT_STATES, startRefusal, stateRank, variantIndexFor, type RecipientState } from "@/lib/campaigns/rules";
import { addTracking, signTrackingToken, verifyTrackingToken } from "@/lib/campaigns/tracking";
import { mergeCampaignTemplate, textToHtml } from "@/lib/campaigns/templates";
import { CampaignInput } from "@/lib/campaigns/schema";
import { timeZoneLabel, wallTimeToInstant } from "@/lib/campaigns/schedule";

const state = fc.constantFrom(...RECIPIENT_STATES);

describe("recipient state transitions", () => {
  it.each<[RecipientState, RecipientState, RecipientState | null]>([
    ["SENT", "DELIVERED", "DELIVERED"],
    ["OPENED", "DELIVERED", null],
    ["CLICKED", "OPENED", null],
    ["SENT", "CLICKED", "CLICKED"],
    ["OPENED", "BOUNCED", null],
    ["DELIVERED", "BOUNCED", "BOUNCED"],
    ["CLICKED", "UNSUBSCRIBED", "UNSUBSCRIBED"],
    ["PENDING", "OPENED", null],
    ["PENDING", "BLOCKED", "BLOCKED"],
    ["SENT", "BLOCKED", null],
    ["UNSUBSCRIBED", "CLICKED", null],
  ])("%s then %s gives %s", (from, event, expected) => {
    expect(advanceRecipientState(from, event)).toBe(expected);
  });

  it("only ever moves forward, and never out of a final state", () => {
    fc.assert(
      fc.property(state, fc.array(state, { maxLength: 12 }), (start, events) => {
        let current = start;
        for (const event of events) {
          const next = advanceRecipientState(current, event);
          if (next === null) continue;
          expect(FINAL_STATES.has(current)).toBe(false);
          expect(stateRank(next)).toBeGreaterThan(stateRank(current));
          current = next;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("rates and dedupe", () => {
  it("has no rate before anything was sent, and rates within 0..1 after", () => {
    expect(campaignRates({ sent: 0, delivered: 0, opened: 0, clicked: 0, bounced: 0, spam: 0, unsubscribed: 0 }).open).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (sent, opened) => {
        const rates = campaignRates({ sent, delivered: sent, opened: Math.min(opened, sent), clicked: 0, bounced: 0, spam: 0, unsubscribed: 0 });
        expect(rates.open).toBeGreaterThanOrEqual(0);
        expect(rates.open).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });

  it("keeps an address for 30 days, not a moment longer", () => {
    const now = new Date("2030-06-30T12:00:00Z");
    expect(isWithinDedupeWindow(new Date("2030-06-01T12:00:01Z"), now)).toBe(true);
    expect(isWithinDedupeWindow(new Date("2030-05-31T12:00:00Z"), now)).toBe(false);
    expect(isWithinDedupeWindow(null, now)).toBe(false);
  });

  it("gives each recipient one stable variant, within range", () => {
    fc.assert(
      fc.property(fc.string(), fc.emailAddress(), fc.integer({ min: 1, max: 5 }), (campaign, address, count) => {
        const index = variantIndexFor(campaign, address, count);
        expect(index).toBe(variantIndexFor(campaign, address, count));
        expect(index).toBeGreaterThanOrEqual(0);
        expect(index).toBeLessThan(count);
      }),
      { numRuns: 200 },
    );
  });

  it("refuses to start without a postal address or an unsubscribe link, naming the field", () => {
    const ok = { status: "DRAFT", channel: "EMAIL", variants: 1, postalAddress: "1 King St W, Toronto", canLinkUnsubscribe: true };
    expect(startRefusal(ok)).toBeNull();
    expect(startRefusal({ ...ok, postalAddress: " " })?.field).toBe("postalAddress");
    expect(startRefusal({ ...ok, canLinkUnsubscribe: false })?.field).toBe("unsubscribe");
    expect(startRefusal({ ...ok, status: "FINISHED" })?.field).toBe("status");
  });
});

describe("tracking links", () => {
  const claim = { tenantId: "t1", recipientId: "r1" };
  it("verifies its own tokens and refuses any change of token, URL, kind or secret", () => {
    fc.assert(
      fc.property(fc.webUrl(), fc.webUrl(), (url, other) => {
        const token = signTrackingToken("click", claim, "s3cret", url);
        expect(verifyTrackingToken("click", token, "s3cret", url)).toEqual(claim);
        if (other !== url) expect(verifyTrackingToken("click", token, "s3cret", other)).toBeNull();
        expect(verifyTrackingToken("open", token, "s3cret", url)).toBeNull();
        expect(verifyTrackingToken("click", token, "other", url)).toBeNull();
        expect(verifyTrackingToken("click", `${token}A`, "s3cret", url)).toBeNull();
      }),
      { numRuns: 100 },
    );
  });

  it("rewrites web links through the click redirect, leaves the app's and mailto links, and adds one pixel", () => {
    const html = textToHtml("See https://homes.example.com/a?b=1&c=2. Mail me: mailto:x@example.com\n\n{{unsubscribe_link}}");
    const tracked = addTracking(html, { baseUrl: "https://app.test", secret: "s", claim });
    expect(tracked).not.toContain('href="https://homes.example.com');
    expect(tracked).toContain('href="https://app.test/api/t/c/');
    expect(tracked).toContain(encodeURIComponent("https://homes.example.com/a?b=1&c=2"));
    expect(tracked).toContain('href="{{unsubscribe_link}}"');
    expect(tracked.match(/\/api\/t\/o\//g)).toHaveLength(1);
  });

  it("merges lead fields and leaves the footer fields for the outbound core", () => {
    expect(mergeCampaignTemplate("Hi {{first_name}} at {{address}}, {{city}} {{unsubscribe_link}}", { first_name: "Ann", address: "1 Main St", city: "Albany" })).toBe("Hi Ann at 1 Main St, Albany {{unsubscribe_link}}");
  });

  it("takes the form's repeated variant fields as the API's list", () => {
    const parsed = CampaignInput.safeParse({ name: "N", savedViewId: "v1", variantSubject: ["S1", "S2", ""], variantBody: ["B1", "B2", ""] });
    expect(parsed.success && parsed.data.variants).toEqual([{ subject: "S1", body: "B1" }, { subject: "S2", body: "B2" }]);
    const missing = CampaignInput.safeParse({ name: "N", savedViewId: "v1", variantSubject: "", variantBody: "Body {{nope}}" });
    expect(missing.success ? [] : missing.error.issues.map((i) => i.path.join("."))).toEqual(["variants.0.subject", "variants.0.body"]);
  });
});

describe("the start time, read in the workspace's zone", () => {
  it.each<[string, string, string | null]>([
    ["2026-03-08T09:30", "America/New_York", "2026-03-08T13:30:00.000Z"],
    ["2026-07-01T09:30", "America/New_York", "2026-07-01T13:30:00.000Z"],
    ["2026-07-01T09:30", "America/Los_Angeles", "2026-07-01T16:30:00.000Z"],
    ["2026-07-01T12:00", "America/St_Johns", "2026-07-01T14:30:00.000Z"],
    ["2026-07-01T12:00", "America/Regina", "2026-07-01T18:00:00.000Z"],
    // Skipped by spring forward: an hour later, as the clocks read it.
    ["2026-03-08T02:30", "America/New_York", "2026-03-08T07:30:00.000Z"],
    // Repeated by fall back: the first 1:30, still daylight time.
    ["2026-11-01T01:30", "America/New_York", "2026-11-01T05:30:00.000Z"],
    ["2026-02-30T12:00", "America/New_York", null],
    ["2026-07-01 12:00", "America/New_York", null],
    ["2026-07-01T12:00", "Mars/Olympus", null],
  ])("%s in %s is %s", (reading, zone, instant) => {
    expect(wallTimeToInstant(reading, zone)?.toISOString() ?? null).toBe(instant);
  });

  it("gives back the reading it was given, in the zone, for every reading that exists there", () => {
    const zones = fc.constantFrom("America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles", "America/Halifax", "America/St_Johns", "Pacific/Honolulu");
    const reading = fc.date({ min: new Date("2026-01-01T00:00:00Z"), max: new Date("2027-12-31T23:59:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 16));
    fc.assert(
      fc.property(reading, zones, (text, zone) => {
        const instant = wallTimeToInstant(text, zone);
        expect(instant).not.toBeNull();
        const shown = new Intl.DateTimeFormat("sv-SE", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant!).replace(" ", "T");
        // Only a reading skipped by spring forward shows otherwise: one hour later.
        const skipped = (new Date(`${shown}:00Z`).getTime() - new Date(`${text}:00Z`).getTime()) === 3_600_000;
        expect(shown === text || skipped).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("names the zone as people read it", () => {
    expect(timeZoneLabel("America/Chicago")).toBe("Central Time");
    expect(timeZoneLabel("America/St_Johns")).toBe("Newfoundland Time");
    expect(timeZoneLabel("Not/AZone")).toBe("Not/AZone");
  });
});
