import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hashInvitationToken, invitationStatus } from "@/lib/tenants/invitations";

const now = new Date("2026-05-01T12:00:00.000Z");
const past = new Date(now.getTime() - 60_000);
const future = new Date(now.getTime() + 60_000);

describe("invitationStatus", () => {
  const cases: { accepted: boolean; revoked: boolean; expired: boolean; expected: string }[] = [];
  for (const accepted of [false, true])
    for (const revoked of [false, true])
      for (const expired of [false, true])
        cases.push({
          accepted,
          revoked,
          expired,
          expected: accepted ? "accepted" : revoked ? "revoked" : expired ? "expired" : "pending",
        });

  it.each(cases)("accepted=$accepted revoked=$revoked expired=$expired -> $expected", ({ accepted, revoked, expired, expected }) => {
    const status = invitationStatus(
      { acceptedAt: accepted ? past : null, revokedAt: revoked ? past : null, expiresAt: expired ? past : future },
      now,
    );
    expect(status).toBe(expected);
  });

  it("is expired exactly at expiresAt, pending one millisecond before", () => {
    const base = { acceptedAt: null, revokedAt: null };
    expect(invitationStatus({ ...base, expiresAt: now }, now)).toBe("expired");
    expect(invitationStatus({ ...base, expiresAt: new Date(now.getTime() + 1) }, now)).toBe("pending");
    expect(invitationStatus({ ...base, expiresAt: new Date(now.getTime() - 1) }, now)).toBe("expired");
  });

  it("property: pending iff neither accepted nor revoked and expiry is in the future", () => {
    fc.assert(
      fc.property(
        fc.option(fc.date({ noInvalidDate: true }), { nil: null }),
        fc.option(fc.date({ noInvalidDate: true }), { nil: null }),
        fc.integer({ min: -1e9, max: 1e9 }),
        (acceptedAt, revokedAt, offset) => {
          const expiresAt = new Date(now.getTime() + offset);
          const status = invitationStatus({ acceptedAt, revokedAt, expiresAt }, now);
          expect(status === "pending").toBe(!acceptedAt && !revokedAt && offset > 0);
          if (acceptedAt) expect(status).toBe("accepted");
        },
      ),
    );
  });
});

describe("hashInvitationToken", () => {
  it("is a stable sha256 hex digest that differs from the token", () => {
    const h = hashInvitationToken("token-abc");
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h).toBe(hashInvitationToken("token-abc"));
    expect(h).not.toBe(hashInvitationToken("token-abd"));
  });
});
