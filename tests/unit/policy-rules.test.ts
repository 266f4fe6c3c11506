import { describe, expect, it } from "vitest";
import { regionTimeZones } from "@/lib/geo/regions";
import {
  DEFAULT_RULES,
  isContactAllowed,
  nextAllowedInstant,
  resolveEffectivePolicy,
  type ContactQuestion,
  type MarketPolicyRules,
  type PolicyRecord,
} from "@/lib/policy";

const NY = ["America/New_York"];

function policy(overrides: Partial<PolicyRecord> = {}, rules: Partial<MarketPolicyRules> = {}): PolicyRecord {
  return { region: "NY", market: "ALL", enabled: true, ...overrides, rules: { ...DEFAULT_RULES, ...rules } };
}

function check(iso: string, timeZones: readonly string[] = NY, extra: Partial<ContactQuestion> = {}) {
  return isContactAllowed({ policy: policy(), timeZones, at: new Date(iso), channel: "SMS", score: 80, ...extra });
}

describe("isContactAllowed: every reason", () => {
  // Monday 2026-03-09 09:30 EDT.
  const MONDAY_0930 = "2026-03-09T13:30:00Z";

  it.each<[string, Partial<ContactQuestion>, string]>([
    ["within_window", {}, "allowed"],
    ["no_policy", { policy: null }, "no policy"],
    ["policy_disabled", { policy: policy({ enabled: false }) }, "disabled"],
    ["policy_disabled", { policy: { ...policy(), rules: { contactWindows: "x" } as unknown as MarketPolicyRules } }, "malformed rules"],
    ["unknown_time_zone", { timeZones: [] }, "no zone"],
    ["unknown_time_zone", { timeZones: [""] }, "empty zone"],
    ["unknown_time_zone", { timeZones: ["Mars/Olympus_Mons"] }, "invalid zone"],
    ["unknown_time_zone", { timeZones: ["America/New_York", "Not/AZone"] }, "one invalid zone among valid ones"],
    ["channel_not_allowed", { channel: "FAX" }, "unknown channel"],
    ["channel_not_allowed", { policy: policy({}, { channelsAllowed: ["EMAIL"] }) }, "channel not in the list"],
    ["score_missing", { score: null }, "null score"],
    ["score_missing", { score: undefined }, "undefined score"],
    ["score_missing", { score: Number.NaN }, "NaN score"],
    ["score_below_minimum", { score: 64.9 }, "just below 65"],
    ["score_below_minimum", { score: 0.9 }, "a 0-1 scale score"],
    ["outside_window", { at: new Date("2026-03-09T12:59:00Z") }, "08:59 local"],
    ["closed_today", { at: new Date("2026-03-08T13:30:00Z") }, "Sunday"],
  ])("%s (%s)", (reason, extra) => {
    const decision = isContactAllowed({ policy: policy(), timeZones: NY, at: new Date(MONDAY_0930), channel: "SMS", score: 80, ...extra });
    expect(decision.reason).toBe(reason);
    expect(decision.ok).toBe(reason === "within_window");
    if (!decision.ok) expect(decision.detail).toBeTruthy();
  });

  it("reports the local time of the zone it decided on", () => {
    expect(check(MONDAY_0930)).toEqual({
      ok: true,
      reason: "within_window",
      timeZone: "America/New_York",
      localTime: "2026-03-09T09:30:00-04:00",
    });
    expect(check("2026-03-08T13:30:00Z")).toMatchObject({ timeZone: "America/New_York", localTime: "2026-03-08T09:30:00-04:00" });
  });

  it("accepts a score equal to the minimum and a lower-case channel", () => {
    expect(check(MONDAY_0930, NY, { score: 65 }).ok).toBe(true);
    expect(check(MONDAY_0930, NY, { channel: "sms" }).ok).toBe(true);
  });

  it("refuses in a fixed order: policy, zone, channel, score, then time", () => {
    const everythingWrong: Partial<ContactQuestion> = { timeZones: ["Bad/Zone"], channel: "FAX", score: null, at: new Date("2026-03-08T15:00:00Z") };
    expect(check(MONDAY_0930, NY, { ...everythingWrong, policy: null }).reason).toBe("no_policy");
    expect(check(MONDAY_0930, NY, { ...everythingWrong, policy: policy({ enabled: false }) }).reason).toBe("policy_disabled");
    expect(check(MONDAY_0930, NY, everythingWrong).reason).toBe("unknown_time_zone");
    expect(check(MONDAY_0930, NY, { ...everythingWrong, timeZones: NY }).reason).toBe("channel_not_allowed");
    expect(check(MONDAY_0930, NY, { ...everythingWrong, timeZones: NY, channel: "CALL" }).reason).toBe("score_missing");
    expect(check(MONDAY_0930, NY, { ...everythingWrong, timeZones: NY, channel: "CALL", score: 10 }).reason).toBe("score_below_minimum");
    expect(check(MONDAY_0930, NY, { ...everythingWrong, timeZones: NY, channel: "CALL", score: 99 }).reason).toBe("closed_today");
  });

  it("refuses an invalid instant", () => {
    expect(check("not a date").ok).toBe(false);
  });
});

describe("isContactAllowed: window boundaries (start inclusive, end exclusive)", () => {
  // January: New York is on EST (UTC-5). Monday 2026-01-05, Saturday 01-10, Sunday 01-11.
  it.each([
    ["2026-01-05T14:00:00Z", "Monday 09:00", true],
    ["2026-01-05T13:59:00Z", "Monday 08:59", false],
    ["2026-01-05T13:59:59.999Z", "Monday 08:59:59.999", false],
    ["2026-01-06T00:59:00Z", "Monday 19:59", true],
    ["2026-01-06T00:59:59.999Z", "Monday 19:59:59.999", true],
    ["2026-01-06T01:00:00Z", "Monday 20:00", false],
    ["2026-01-09T14:00:00Z", "Friday 09:00", true],
    ["2026-01-10T15:00:00Z", "Saturday 10:00", true],
    ["2026-01-10T14:59:00Z", "Saturday 09:59", false],
    ["2026-01-10T14:00:00Z", "Saturday 09:00", false],
    ["2026-01-10T22:59:00Z", "Saturday 17:59", true],
    ["2026-01-10T23:00:00Z", "Saturday 18:00", false],
    ["2026-01-11T17:00:00Z", "Sunday 12:00", false],
  ])("%s (%s) -> %s", (iso, _label, ok) => {
    expect(check(iso).ok).toBe(ok);
  });

  it("calls a day without windows closed and a day with windows outside", () => {
    expect(check("2026-01-11T17:00:00Z").reason).toBe("closed_today");
    expect(check("2026-01-10T14:00:00Z").reason).toBe("outside_window");
    expect(check("2026-01-06T01:00:00Z")).toMatchObject({ reason: "outside_window", localTime: "2026-01-05T20:00:00-05:00" });
  });
});

describe("isContactAllowed: daylight saving time", () => {
  it.each([
    // US and Canada spring forward on Sunday 2026-03-08 and fall back on Sunday 2026-11-01.
    ["America/New_York", "2026-03-06T14:30:00Z", true, "2026-03-06T09:30:00-05:00"], // Friday before, EST
    ["America/New_York", "2026-03-07T14:30:00Z", false, "2026-03-07T09:30:00-05:00"], // Saturday 09:30: before 10:00
    ["America/New_York", "2026-03-08T13:30:00Z", false, "2026-03-08T09:30:00-04:00"], // spring-forward Sunday: closed
    ["America/New_York", "2026-03-09T13:30:00Z", true, "2026-03-09T09:30:00-04:00"], // Monday after, EDT
    ["America/New_York", "2026-03-09T13:00:00Z", true, "2026-03-09T09:00:00-04:00"], // a fixed EST offset would say 08:00
    ["America/New_York", "2026-03-09T12:59:00Z", false, "2026-03-09T08:59:00-04:00"],
    ["America/New_York", "2026-10-31T14:30:00Z", true, "2026-10-31T10:30:00-04:00"], // Saturday before fall-back
    ["America/New_York", "2026-11-01T14:30:00Z", false, "2026-11-01T09:30:00-05:00"], // fall-back Sunday: closed
    ["America/New_York", "2026-11-02T14:30:00Z", true, "2026-11-02T09:30:00-05:00"], // Monday after, EST
    ["America/New_York", "2026-11-02T13:30:00Z", false, "2026-11-02T08:30:00-05:00"], // a fixed EDT offset would say 09:30
    ["America/Toronto", "2026-03-09T13:30:00Z", true, "2026-03-09T09:30:00-04:00"],
    ["America/Toronto", "2026-11-02T13:30:00Z", false, "2026-11-02T08:30:00-05:00"],
    ["America/Halifax", "2026-03-09T12:30:00Z", true, "2026-03-09T09:30:00-03:00"],
    ["America/Halifax", "2026-11-02T13:30:00Z", true, "2026-11-02T09:30:00-04:00"],
    ["America/Winnipeg", "2026-03-09T14:30:00Z", true, "2026-03-09T09:30:00-05:00"],
    ["America/Vancouver", "2026-11-02T17:30:00Z", true, "2026-11-02T09:30:00-08:00"],
    ["America/Vancouver", "2026-11-02T16:30:00Z", false, "2026-11-02T08:30:00-08:00"],
  ])("%s at %s -> %s (%s)", (zone, iso, ok, localTime) => {
    const decision = check(iso, [zone]);
    expect(decision.ok).toBe(ok);
    expect(decision.localTime).toBe(localTime);
  });

  it("reads the repeated hour of a fall-back night twice", () => {
    const sundayNight = policy({}, { contactWindows: [{ days: [6], start: "01:00", end: "01:30" }] });
    const at = (iso: string) => isContactAllowed({ policy: sundayNight, timeZones: NY, at: new Date(iso), channel: "SMS", score: 80 });
    expect(at("2026-11-01T05:00:00Z")).toMatchObject({ ok: true, localTime: "2026-11-01T01:00:00-04:00" });
    expect(at("2026-11-01T05:30:00Z")).toMatchObject({ ok: false, localTime: "2026-11-01T01:30:00-04:00" });
    expect(at("2026-11-01T06:00:00Z")).toMatchObject({ ok: true, localTime: "2026-11-01T01:00:00-05:00" });
    expect(at("2026-11-01T06:29:00Z").ok).toBe(true);
    expect(at("2026-11-01T06:30:00Z").ok).toBe(false);
  });

  it("opens a window that starts inside a spring-forward gap at the first valid instant", () => {
    const gapWindow = policy({}, { contactWindows: [{ days: [6], start: "02:30", end: "05:00" }] });
    const at = (iso: string) => isContactAllowed({ policy: gapWindow, timeZones: NY, at: new Date(iso), channel: "SMS", score: 80 });
    expect(at("2026-03-08T06:59:59Z")).toMatchObject({ ok: false, localTime: "2026-03-08T01:59:59-05:00" });
    expect(at("2026-03-08T07:00:00Z")).toMatchObject({ ok: true, localTime: "2026-03-08T03:00:00-04:00" });
    expect(nextAllowedInstant(gapWindow, NY, new Date("2026-03-08T05:00:00Z"), "SMS")?.toISOString()).toBe("2026-03-08T07:00:00.000Z");
  });
});

describe("isContactAllowed: zones without DST or with odd offsets", () => {
  it("St. John's is UTC-3:30 in winter: 09:00 local is 12:30 UTC", () => {
    expect(check("2026-01-05T12:30:00Z", ["America/St_Johns"])).toMatchObject({ ok: true, localTime: "2026-01-05T09:00:00-03:30" });
    expect(check("2026-01-05T12:29:00Z", ["America/St_Johns"]).ok).toBe(false);
    // Summer: UTC-2:30.
    expect(check("2026-07-06T11:30:00Z", ["America/St_Johns"])).toMatchObject({ ok: true, localTime: "2026-07-06T09:00:00-02:30" });
    expect(check("2026-07-06T11:29:00Z", ["America/St_Johns"]).ok).toBe(false);
    // St. John's changes at 02:00 local (05:30 UTC) on 2026-03-08.
    expect(check("2026-03-09T11:30:00Z", ["America/St_Johns"])).toMatchObject({ ok: true, localTime: "2026-03-09T09:00:00-02:30" });
  });

  it("Regina keeps CST (UTC-6) all year", () => {
    for (const day of ["2026-01-05", "2026-07-06", "2026-03-09", "2026-11-02"]) {
      expect(check(`${day}T15:00:00Z`, ["America/Regina"])).toMatchObject({ ok: true, localTime: `${day}T09:00:00-06:00` });
      expect(check(`${day}T14:59:00Z`, ["America/Regina"]).ok).toBe(false);
    }
  });

  it("Whitehorse is UTC-7 all year", () => {
    for (const day of ["2026-01-05", "2026-07-06", "2026-03-09", "2026-11-02"]) {
      expect(check(`${day}T16:00:00Z`, ["America/Whitehorse"])).toMatchObject({ ok: true, localTime: `${day}T09:00:00-07:00` });
      expect(check(`${day}T15:59:00Z`, ["America/Whitehorse"]).ok).toBe(false);
    }
  });

  it("Phoenix has no DST and Honolulu is UTC-10", () => {
    expect(check("2026-07-06T16:00:00Z", ["America/Phoenix"]).localTime).toBe("2026-07-06T09:00:00-07:00");
    expect(check("2026-07-06T19:00:00Z", ["Pacific/Honolulu"])).toMatchObject({ ok: true, localTime: "2026-07-06T09:00:00-10:00" });
  });
});

describe("isContactAllowed: regions with several zones", () => {
  it("Florida (New York + Chicago): 08:30 Chicago = 09:30 New York is refused; 09:00 Chicago is allowed", () => {
    const FL = regionTimeZones("FL");
    expect(FL).toEqual(["America/New_York", "America/Chicago"]);
    expect(check("2026-03-09T13:30:00Z", FL)).toMatchObject({
      ok: false,
      reason: "outside_window",
      timeZone: "America/Chicago",
      localTime: "2026-03-09T08:30:00-05:00",
    });
    expect(check("2026-03-09T14:00:00Z", FL)).toMatchObject({ ok: true, timeZone: "America/New_York", localTime: "2026-03-09T10:00:00-04:00" });
    // 19:59 in New York is allowed; 20:00 is not (New York fails first).
    expect(check("2026-03-09T23:59:00Z", FL).ok).toBe(true);
    expect(check("2026-03-10T00:00:00Z", FL)).toMatchObject({ ok: false, timeZone: "America/New_York" });
  });

  it("Texas (Chicago + Denver): 09:00 Chicago is 08:00 Denver", () => {
    const TX = regionTimeZones("TX");
    expect(check("2026-03-09T14:00:00Z", TX)).toMatchObject({ ok: false, timeZone: "America/Denver", localTime: "2026-03-09T08:00:00-06:00" });
    expect(check("2026-03-09T15:00:00Z", TX).ok).toBe(true);
    expect(check("2026-03-10T00:59:00Z", TX).ok).toBe(true); // 19:59 Chicago
    expect(check("2026-03-10T01:00:00Z", TX)).toMatchObject({ ok: false, timeZone: "America/Chicago" });
  });

  it("Nunavut (Eastern, Central and Mountain): allowed only when all three are open", () => {
    const NU = regionTimeZones("NU");
    expect(NU).toHaveLength(3);
    expect(check("2026-03-09T14:59:00Z", NU)).toMatchObject({ ok: false, timeZone: "America/Cambridge_Bay" });
    expect(check("2026-03-09T15:00:00Z", NU)).toMatchObject({ ok: true, timeZone: "America/Iqaluit", localTime: "2026-03-09T11:00:00-04:00" });
    expect(check("2026-03-09T23:59:00Z", NU).ok).toBe(true);
    expect(check("2026-03-10T00:00:00Z", NU)).toMatchObject({ ok: false, timeZone: "America/Iqaluit" });
  });

  it("reports the first zone that fails when all fail", () => {
    expect(check("2026-03-09T05:00:00Z", regionTimeZones("NU")).timeZone).toBe("America/Iqaluit");
  });
});

describe("resolveEffectivePolicy", () => {
  const onAll = policy({ region: "ON", market: "ALL", id: "on-all" });
  const toronto = policy({ region: "ON", market: "TORONTO", id: "on-toronto" });
  const qcAll = policy({ region: "QC", market: "ALL", id: "qc-all" });

  it("prefers the market, then the region's ALL, then nothing", () => {
    expect(resolveEffectivePolicy([onAll, toronto, qcAll], "ON", "TORONTO")?.id).toBe("on-toronto");
    expect(resolveEffectivePolicy([toronto, onAll, qcAll], "ON", "OTTAWA")?.id).toBe("on-all");
    expect(resolveEffectivePolicy([toronto, onAll], "ON")?.id).toBe("on-all");
    expect(resolveEffectivePolicy([toronto, onAll], "ON", null)?.id).toBe("on-all");
    expect(resolveEffectivePolicy([toronto], "ON", "OTTAWA")).toBeNull();
    expect(resolveEffectivePolicy([onAll, toronto], "QC", "MONTREAL")).toBeNull();
    expect(resolveEffectivePolicy([], "ON", "TORONTO")).toBeNull();
  });

  it("matches codes and markets regardless of case and spaces", () => {
    expect(resolveEffectivePolicy([onAll, toronto], " on ", " toronto ")?.id).toBe("on-toronto");
  });

  it("returns a disabled market policy instead of falling back to the region's ALL", () => {
    const disabledToronto = { ...toronto, enabled: false };
    const effective = resolveEffectivePolicy([onAll, disabledToronto], "ON", "TORONTO");
    expect(effective?.id).toBe("on-toronto");
    const decision = isContactAllowed({ policy: effective, timeZones: ["America/Toronto"], at: new Date("2026-03-09T14:00:00Z"), channel: "SMS", score: 90 });
    expect(decision).toMatchObject({ ok: false, reason: "policy_disabled" });
  });

  it("returns a disabled region policy too", () => {
    expect(resolveEffectivePolicy([{ ...onAll, enabled: false }], "ON", "OTTAWA")?.enabled).toBe(false);
  });
});

describe("nextAllowedInstant", () => {
  const p = policy();

  it("returns `from` itself when contact is allowed already", () => {
    const from = new Date("2026-03-09T14:00:30.123Z");
    expect(nextAllowedInstant(p, NY, from, "SMS")?.getTime()).toBe(from.getTime());
  });

  it("moves a Saturday evening to Monday 09:00 across the spring-forward weekend", () => {
    // Saturday 2026-03-07 18:00 EST; Monday 09:00 EDT is 13:00 UTC.
    expect(nextAllowedInstant(p, NY, new Date("2026-03-07T23:00:00Z"), "SMS")?.toISOString()).toBe("2026-03-09T13:00:00.000Z");
  });

  it("moves an early weekday to 09:00 and a Friday night to Saturday 10:00", () => {
    expect(nextAllowedInstant(p, NY, new Date("2026-01-05T11:00:00Z"), "CALL")?.toISOString()).toBe("2026-01-05T14:00:00.000Z");
    expect(nextAllowedInstant(p, NY, new Date("2026-01-10T01:00:00Z"), "CALL")?.toISOString()).toBe("2026-01-10T15:00:00.000Z");
  });

  it("waits for every zone of a multi-zone region", () => {
    // Monday 2026-03-09 08:00 New York: Chicago opens at 09:00 CDT = 14:00 UTC.
    expect(nextAllowedInstant(p, regionTimeZones("FL"), new Date("2026-03-09T12:00:00Z"), "SMS")?.toISOString()).toBe("2026-03-09T14:00:00.000Z");
    expect(nextAllowedInstant(p, regionTimeZones("NU"), new Date("2026-03-09T12:00:00Z"), "SMS")?.toISOString()).toBe("2026-03-09T15:00:00.000Z");
  });

  it("handles half-hour zones and the fall-back night", () => {
    expect(nextAllowedInstant(p, ["America/St_Johns"], new Date("2026-01-05T03:00:00Z"), "SMS")?.toISOString()).toBe("2026-01-05T12:30:00.000Z");
    const sundayNight = policy({}, { contactWindows: [{ days: [6], start: "01:30", end: "03:00" }] });
    expect(nextAllowedInstant(sundayNight, NY, new Date("2026-11-01T04:00:00Z"), "SMS")?.toISOString()).toBe("2026-11-01T05:30:00.000Z");
    // After the first 01:30-02:00 EDT, local time falls back to 01:00 EST and re-enters at 01:30 EST.
    expect(nextAllowedInstant(sundayNight, NY, new Date("2026-11-01T06:00:00Z"), "SMS")?.toISOString()).toBe("2026-11-01T06:30:00.000Z");
  });

  it("returns null when the gate refuses regardless of time", () => {
    const from = new Date("2026-03-09T12:00:00Z");
    expect(nextAllowedInstant(null, NY, from, "SMS")).toBeNull();
    expect(nextAllowedInstant(policy({ enabled: false }), NY, from, "SMS")).toBeNull();
    expect(nextAllowedInstant(p, [], from, "SMS")).toBeNull();
    expect(nextAllowedInstant(p, ["Bad/Zone"], from, "SMS")).toBeNull();
    expect(nextAllowedInstant(p, NY, from, "FAX")).toBeNull();
    expect(nextAllowedInstant(policy({}, { contactWindows: [] }), NY, from, "SMS")).toBeNull();
  });

  it("returns null when the zones' windows never overlap", () => {
    const oneHour = policy({}, { contactWindows: [{ days: [0, 1, 2, 3, 4, 5, 6], start: "09:00", end: "10:00" }] });
    expect(nextAllowedInstant(oneHour, ["Pacific/Honolulu", "America/St_Johns"], new Date("2026-03-09T12:00:00Z"), "SMS")).toBeNull();
  });
});
