import { describe, expect, it } from "vitest";
import { CanContactQuery, ContactWindow, DEFAULT_RULES, MarketPolicyRules, MarketPolicyUpsertInput } from "@/lib/policy";

describe("ContactWindow", () => {
  it("accepts a window that ends after it starts, up to 24:00", () => {
    expect(ContactWindow.safeParse({ days: [0, 6], start: "09:00", end: "20:00" }).success).toBe(true);
    expect(ContactWindow.safeParse({ days: [6], start: "22:00", end: "24:00" }).success).toBe(true);
    expect(ContactWindow.safeParse({ days: [0], start: "00:00", end: "00:01" }).success).toBe(true);
  });

  it.each([
    [{ days: [0], start: "20:00", end: "09:00" }, "ends before it starts"],
    [{ days: [0], start: "09:00", end: "09:00" }, "empty"],
    [{ days: [0], start: "9:00", end: "20:00" }, "no leading zero"],
    [{ days: [0], start: "24:00", end: "24:00" }, "24:00 as a start"],
    [{ days: [0], start: "09:60", end: "20:00" }, "minute 60"],
    [{ days: [0], start: "09:00", end: "25:00" }, "hour 25"],
    [{ days: [7], start: "09:00", end: "20:00" }, "day 7"],
    [{ days: [-1], start: "09:00", end: "20:00" }, "day -1"],
    [{ days: [1.5], start: "09:00", end: "20:00" }, "fractional day"],
    [{ days: [], start: "09:00", end: "20:00" }, "no days"],
  ])("rejects %j (%s)", (window) => {
    expect(ContactWindow.safeParse(window).success).toBe(false);
  });
});

describe("MarketPolicyRules", () => {
  it("accepts the defaults and upper-cases channels", () => {
    expect(MarketPolicyRules.parse(DEFAULT_RULES)).toEqual(DEFAULT_RULES);
    expect(MarketPolicyRules.parse({ ...DEFAULT_RULES, channelsAllowed: ["sms", " call "] }).channelsAllowed).toEqual(["SMS", "CALL"]);
  });

  it.each<[unknown, string]>([
    [{ ...DEFAULT_RULES, minLeadScore: 101 }, "score above 100"],
    [{ ...DEFAULT_RULES, minLeadScore: -1 }, "negative score"],
    [{ ...DEFAULT_RULES, minLeadScore: "65" }, "score as text"],
    [{ ...DEFAULT_RULES, channelsAllowed: ["SMS", "FAX"] }, "unknown channel"],
    [{ ...DEFAULT_RULES, channelsAllowed: ["SMS", "sms"] }, "a channel twice"],
    [{ channelsAllowed: ["SMS"], minLeadScore: 65 }, "no windows"],
  ])("rejects %j (%s)", (rules) => {
    expect(MarketPolicyRules.safeParse(rules).success).toBe(false);
  });
});

describe("MarketPolicyUpsertInput", () => {
  const valid = { region: "on", market: " toronto ", enabled: true, rules: DEFAULT_RULES, reason: "Q1 expansion" };

  it("normalizes region and market; the market defaults to ALL", () => {
    expect(MarketPolicyUpsertInput.parse(valid)).toMatchObject({ region: "ON", market: "TORONTO", reason: "Q1 expansion" });
    expect(MarketPolicyUpsertInput.parse({ ...valid, market: undefined }).market).toBe("ALL");
    expect(MarketPolicyUpsertInput.parse({ ...valid, market: "" }).market).toBe("ALL");
    expect(MarketPolicyUpsertInput.parse({ ...valid, region: "all" }).region).toBe("ALL");
    expect(MarketPolicyUpsertInput.parse({ ...valid, enabled: "false" }).enabled).toBe(false);
  });

  it("requires a reason of at least 3 characters", () => {
    const { reason: _reason, ...withoutReason } = valid;
    for (const input of [withoutReason, { ...valid, reason: "" }, { ...valid, reason: "  ok  " }]) {
      const result = MarketPolicyUpsertInput.safeParse(input);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0].path).toEqual(["reason"]);
    }
  });

  it.each(["ZZ", "USA", "", "CAN"])("rejects the region %j", (region) => {
    expect(MarketPolicyUpsertInput.safeParse({ ...valid, region }).success).toBe(false);
  });
});

describe("CanContactQuery", () => {
  it("coerces a query string", () => {
    expect(
      CanContactQuery.parse({ region: "ny", market: "nyc", at: "2026-03-09T09:30:00-04:00", channel: "sms", score: "72.5", postalCode: "", timeZone: "" }),
    ).toEqual({ region: "NY", market: "NYC", at: new Date("2026-03-09T13:30:00Z"), channel: "SMS", score: 72.5 });
  });

  it("accepts a Date and a time zone", () => {
    const at = new Date("2026-03-09T13:30:00Z");
    expect(CanContactQuery.parse({ region: "FL", at, channel: "CALL", score: 70, timeZone: "America/Chicago", postalCode: "32501" })).toMatchObject({
      at,
      timeZone: "America/Chicago",
      postalCode: "32501",
    });
  });

  it.each([
    [{ score: "" }, "score"],
    [{ score: "abc" }, "score"],
    [{ score: "101" }, "score"],
    [{ score: undefined }, "score"],
    [{ channel: "FAX" }, "channel"],
    [{ region: "ALL" }, "region"],
    [{ region: "ZZ" }, "region"],
    [{ at: "yesterday" }, "at"],
    [{ at: "2026-03-09T09:30:00" }, "at"],
    [{ timeZone: "Mars/Base" }, "timeZone"],
  ])("rejects %j", (override, field) => {
    const result = CanContactQuery.safeParse({ region: "NY", at: "2026-03-09T13:30:00Z", channel: "SMS", score: "70", ...override });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path[0]).toBe(field);
  });
});
