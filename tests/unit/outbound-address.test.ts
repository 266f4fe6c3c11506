import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCanadianNumber, normalizeAnyAddress, normalizeEmail, normalizePhone } from "@/lib/contact/address";
import { advanceStatus, sendgridStatus, twilioStatus } from "@/lib/outbound/lifecycle";
import { startOfLocalDay } from "@/lib/outbound/service";
import { signUnsubscribeToken, verifyUnsubscribeToken } from "@/lib/outbound/unsubscribe";

describe("normalizePhone (E.164)", () => {
  it.each([
    ["(416) 555-0100", "+14165550100"],
    ["416.555.0100", "+14165550100"],
    ["1-416-555-0100", "+14165550100"],
    ["+1 416 555 0100", "+14165550100"],
    ["0014165550100", "+14165550100"],
    ["+44 20 7946 0958", "+442079460958"],
    ["  +1 (212) 555-0199  ", "+12125550199"],
  ])("%s → %s", (input, expected) => expect(normalizePhone(input)).toBe(expected));

  it.each(["", "555-0100", "123-456-7890", "+1 123 456 7890", "call me", "+12", "+1234567890123456", "416-555-01000", null, undefined])("rejects %s", (input) => {
    expect(normalizePhone(input as string)).toBeNull();
  });

  it("property: every way of writing a North American number gives the same E.164", () => {
    const digits = fc.tuple(fc.integer({ min: 2, max: 9 }), fc.stringMatching(/^\d{9}$/)).map(([a, rest]) => `${a}${rest}`);
    const format = fc.constantFrom(
      (d: string) => d,
      (d: string) => `1${d}`,
      (d: string) => `+1${d}`,
      (d: string) => `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
      (d: string) => `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`,
      (d: string) => `+1 ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`,
    );
    fc.assert(
      fc.property(digits, format, (d, f) => {
        expect(normalizePhone(f(d))).toBe(`+1${d}`);
      }),
    );
  });

  it("tells Canadian numbers apart", () => {
    expect(isCanadianNumber("+14165550100")).toBe(true);
    expect(isCanadianNumber("+15145550100")).toBe(true);
    expect(isCanadianNumber("+12125550100")).toBe(false);
    expect(isCanadianNumber("+442079460958")).toBe(false);
  });
});

describe("normalizeEmail", () => {
  it("trims and lower-cases; rejects what is not an address", () => {
    expect(normalizeEmail("  Jane.Doe@Example.COM ")).toBe("jane.doe@example.com");
    for (const bad of ["jane", "jane@", "@x.com", "a b@x.com", "jane@localhost", ""]) expect(normalizeEmail(bad), bad).toBeNull();
    expect(normalizeAnyAddress("Jane@X.com")).toBe("jane@x.com");
    expect(normalizeAnyAddress("416 555 0100")).toBe("+14165550100");
  });
});

describe("message lifecycle", () => {
  it("moves forward only", () => {
    expect(advanceStatus("QUEUED", "SENT")).toBe("SENT");
    expect(advanceStatus("SENT", "DELIVERED")).toBe("DELIVERED");
    expect(advanceStatus("QUEUED", "DELIVERED")).toBe("DELIVERED");
    expect(advanceStatus("DELIVERED", "SENT")).toBeNull();
    expect(advanceStatus("DELIVERED", "FAILED")).toBeNull();
    expect(advanceStatus("SENT", "QUEUED")).toBeNull();
    expect(advanceStatus("BLOCKED", "DELIVERED")).toBeNull();
    expect(advanceStatus("RECEIVED", "SENT")).toBeNull();
    expect(advanceStatus("SENT", "RECEIVED")).toBeNull();
  });

  it("property: applying any sequence of callbacks never lowers the status", () => {
    const rank = { QUEUED: 0, SENT: 1, DELIVERED: 2, FAILED: 2, UNDELIVERED: 2 } as const;
    const status = fc.constantFrom("QUEUED", "SENT", "DELIVERED", "FAILED", "UNDELIVERED" as const);
    fc.assert(
      fc.property(fc.array(status, { maxLength: 12 }), (reports) => {
        let current: keyof typeof rank = "QUEUED";
        for (const reported of reports) {
          const next = advanceStatus(current, reported);
          if (next) {
            expect(rank[next as keyof typeof rank]).toBeGreaterThan(rank[current]);
            current = next as keyof typeof rank;
          }
        }
      }),
    );
  });

  it("maps provider statuses", () => {
    expect(twilioStatus("delivered")).toBe("DELIVERED");
    expect(twilioStatus("Undelivered")).toBe("UNDELIVERED");
    expect(twilioStatus("sending")).toBe("QUEUED");
    expect(twilioStatus("something-new")).toBeNull();
    expect(sendgridStatus("bounce")).toBe("UNDELIVERED");
    expect(sendgridStatus("dropped")).toBe("FAILED");
    expect(sendgridStatus("open")).toBeNull();
  });
});

describe("startOfLocalDay", () => {
  it("is local midnight, also on DST change days", () => {
    expect(startOfLocalDay(new Date("2026-03-10T19:00:00Z"), "America/New_York").toISOString()).toBe("2026-03-10T04:00:00.000Z");
    // 2026-03-08: clocks go forward at 02:00; midnight was still EST (UTC-5).
    expect(startOfLocalDay(new Date("2026-03-08T20:00:00Z"), "America/New_York").toISOString()).toBe("2026-03-08T05:00:00.000Z");
    // 2026-11-01: clocks go back at 02:00; midnight was EDT (UTC-4).
    expect(startOfLocalDay(new Date("2026-11-01T20:00:00Z"), "America/New_York").toISOString()).toBe("2026-11-01T04:00:00.000Z");
    // 00:30 in St. John's (UTC-2:30 in summer): the day began half an hour ago.
    expect(startOfLocalDay(new Date("2026-07-01T03:00:00Z"), "America/St_Johns").toISOString()).toBe("2026-07-01T02:30:00.000Z");
    expect(startOfLocalDay(new Date("2026-07-01T03:00:00Z"), "Not/AZone").toISOString()).toBe("2026-07-01T00:00:00.000Z");
  });
});

describe("unsubscribe tokens", () => {
  const secret = "s3cret-s3cret-s3cret";
  it("round-trips and refuses tampering or another secret", () => {
    const token = signUnsubscribeToken({ tenantId: "t1", address: "a@b.co" }, secret);
    expect(verifyUnsubscribeToken(token, secret)).toEqual({ tenantId: "t1", address: "a@b.co" });
    expect(verifyUnsubscribeToken(token, "another-secret")).toBeNull();
    expect(verifyUnsubscribeToken(token, null)).toBeNull();
    const [payload, mac] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ t: "t1", a: "victim@b.co" })).toString("base64url");
    expect(verifyUnsubscribeToken(`${forged}.${mac}`, secret)).toBeNull();
    expect(verifyUnsubscribeToken(`${payload}.${mac}x`, secret)).toBeNull();
    expect(verifyUnsubscribeToken(payload, secret)).toBeNull();
  });
});
