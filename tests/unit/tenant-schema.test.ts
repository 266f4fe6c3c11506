import { describe, expect, it } from "vitest";
import { ROLES } from "@/lib/auth/permissions";
import { AcceptInvitationInput, ChangeRoleInput, InviteMemberInput, isValidTimeZone, PasswordSchema, TenantProfileInput } from "@/lib/tenants/schema";

const profile = (overrides: Record<string, unknown> = {}) => ({ name: "Acme Homes", timeZone: "America/Toronto", country: "CA", ...overrides });

describe("isValidTimeZone", () => {
  it.each(["America/St_Johns", "America/Regina", "America/New_York", "America/Toronto", "UTC", "Etc/UTC"])("accepts %s", (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });

  it.each([
    ["an unknown zone", "Mars/Olympus"],
    ["a POSIX-style zone without a region", "EST5EDT"],
    ["an abbreviation", "EST"],
    ["empty", ""],
    ["garbage", "not a zone"],
  ])("rejects %s (%s)", (_label, zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
});

describe("TenantProfileInput", () => {
  it("accepts a valid profile and trims it", () => {
    expect(TenantProfileInput.parse(profile({ name: "  Acme Homes ", timeZone: " America/Regina " }))).toEqual({
      name: "Acme Homes",
      timeZone: "America/Regina",
      country: "CA",
    });
  });

  it.each(["America/St_Johns", "America/Regina", "UTC"])("accepts time zone %s", (timeZone) => {
    expect(TenantProfileInput.safeParse(profile({ timeZone })).success).toBe(true);
  });

  it.each(["Mars/Olympus", "EST5EDT", ""])("rejects time zone %j with a message on timeZone", (timeZone) => {
    const result = TenantProfileInput.safeParse(profile({ timeZone }));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toContain("timeZone");
  });

  it.each(["", "A", "  B  "])("rejects a name too short: %j", (name) => {
    const result = TenantProfileInput.safeParse(profile({ name }));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(["name"]);
  });

  it("rejects a name over 100 characters, accepts 100", () => {
    expect(TenantProfileInput.safeParse(profile({ name: "x".repeat(101) })).success).toBe(false);
    expect(TenantProfileInput.safeParse(profile({ name: "x".repeat(100) })).success).toBe(true);
  });

  it("only accepts the US and Canada", () => {
    expect(TenantProfileInput.safeParse(profile({ country: "US" })).success).toBe(true);
    expect(TenantProfileInput.safeParse(profile({ country: "MX" })).success).toBe(false);
    expect(TenantProfileInput.safeParse(profile({ country: "ca" })).success).toBe(false);
  });
});

describe("InviteMemberInput", () => {
  it("trims and lowercases the email", () => {
    expect(InviteMemberInput.parse({ email: "  Jane.Doe@Example.COM ", role: "va" })).toEqual({ email: "jane.doe@example.com", role: "va" });
  });

  it.each(ROLES)("accepts role %s", (role) => {
    expect(InviteMemberInput.safeParse({ email: "a@example.com", role }).success).toBe(true);
  });

  it.each(["superadmin", "Owner", "", "root"])("rejects role %j", (role) => {
    const result = InviteMemberInput.safeParse({ email: "a@example.com", role });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(["role"]);
  });

  it.each(["not-an-email", "", "a@", "@example.com"])("rejects email %j", (email) => {
    const result = InviteMemberInput.safeParse({ email, role: "va" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(["email"]);
  });
});

describe("ChangeRoleInput and AcceptInvitationInput", () => {
  it("requires a membership and a known role", () => {
    expect(ChangeRoleInput.safeParse({ membershipId: "", role: "va" }).success).toBe(false);
    expect(ChangeRoleInput.safeParse({ membershipId: "m1", role: "boss" }).success).toBe(false);
    expect(ChangeRoleInput.safeParse({ membershipId: "m1", role: "admin" }).success).toBe(true);
  });

  it("rejects a truncated invitation token", () => {
    expect(AcceptInvitationInput.safeParse({ token: "short", password: "x" }).success).toBe(false);
    expect(AcceptInvitationInput.safeParse({ token: "x".repeat(20), password: "x" }).success).toBe(true);
  });
});

describe("PasswordSchema", () => {
  it.each([
    ["too short", "abcdefghi", false],
    ["ten varied characters", "abcdefghij", true],
    ["too repetitive", "aaaaaaaaaaaa", false],
    ["four distinct characters", "abcdabcdabcd", false],
    ["five distinct characters", "abcdeabcde", true],
    ["too long", "abcde".repeat(41), false],
    ["200 characters", "abcde".repeat(40), true],
  ] as const)("%s", (_label, password, ok) => {
    expect(PasswordSchema.safeParse(password).success).toBe(ok);
  });
});
