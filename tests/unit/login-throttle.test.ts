import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateLoginThrottle, LOGIN_THROTTLE } from "@/lib/auth/throttle";

describe("evaluateLoginThrottle", () => {
  it("has the documented limits", () => {
    expect(LOGIN_THROTTLE).toEqual({ windowMinutes: 15, maxAccountFailures: 5, maxIpFailures: 20 });
  });

  it("allows an account with 4 failures and refuses it at 5", () => {
    expect(evaluateLoginThrottle({ account: 0, ip: 0 })).toEqual({ allowed: true });
    expect(evaluateLoginThrottle({ account: 4, ip: 0 })).toEqual({ allowed: true });
    expect(evaluateLoginThrottle({ account: 5, ip: 0 })).toEqual({ allowed: false, reason: "account", retryAfterMinutes: 15 });
    expect(evaluateLoginThrottle({ account: 6, ip: 0 })).toMatchObject({ allowed: false, reason: "account" });
  });

  it("allows an address with 19 failures and refuses it at 20", () => {
    expect(evaluateLoginThrottle({ account: 0, ip: 19 })).toEqual({ allowed: true });
    expect(evaluateLoginThrottle({ account: 0, ip: 20 })).toEqual({ allowed: false, reason: "ip", retryAfterMinutes: 15 });
    expect(evaluateLoginThrottle({ account: 4, ip: 19 })).toEqual({ allowed: true });
  });

  it("reports the account when both limits are reached", () => {
    expect(evaluateLoginThrottle({ account: 5, ip: 20 })).toMatchObject({ allowed: false, reason: "account" });
  });

  it("property: allowed iff account < max and ip < max (default limits)", () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(100), (account, ip) => {
        const verdict = evaluateLoginThrottle({ account, ip });
        expect(verdict.allowed).toBe(account < 5 && ip < 20);
        if (!verdict.allowed) {
          expect(verdict.reason).toBe(account >= 5 ? "account" : "ip");
          expect(verdict.retryAfterMinutes).toBe(15);
        }
      }),
    );
  });

  it("property: honours custom limits", () => {
    fc.assert(
      fc.property(
        fc.record({ windowMinutes: fc.integer({ min: 1, max: 120 }), maxAccountFailures: fc.integer({ min: 1, max: 30 }), maxIpFailures: fc.integer({ min: 1, max: 200 }) }),
        fc.nat(300),
        fc.nat(300),
        (limits, account, ip) => {
          const verdict = evaluateLoginThrottle({ account, ip }, limits as never);
          expect(verdict.allowed).toBe(account < limits.maxAccountFailures && ip < limits.maxIpFailures);
          if (!verdict.allowed) expect(verdict.retryAfterMinutes).toBe(limits.windowMinutes);
        },
      ),
    );
  });
});
