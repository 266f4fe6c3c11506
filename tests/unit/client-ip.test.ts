import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clientIpOf, isTrustedProxy, parseTrustedProxies, resolveClientIp } from "@/lib/http/client-ip";
import { PEER_ADDRESS_HEADER } from "@/lib/http/peer-address";

const env = (values: Record<string, string> = {}) => values as NodeJS.ProcessEnv;
const request = (peer: string, forwardedFor?: string) =>
  new Headers({ [PEER_ADDRESS_HEADER]: peer, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) });

describe("clientIpOf", () => {
  it("ignores a spoofed X-Forwarded-For when no proxy is trusted", () => {
    expect(clientIpOf(request("203.0.113.7", "198.51.100.1"), env())).toBe("203.0.113.7");
    expect(clientIpOf(request("::ffff:203.0.113.7", "10.0.0.1, 198.51.100.1"), env())).toBe("203.0.113.7");
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(clientIpOf(request("203.0.113.7", "198.51.100.1"), env({ TRUSTED_PROXIES: "10.0.0.5" }))).toBe("203.0.113.7");
  });

  it("reads the forwarded client behind a trusted proxy", () => {
    expect(clientIpOf(request("10.0.0.5", "198.51.100.1"), env({ TRUSTED_PROXIES: "10.0.0.5" }))).toBe("198.51.100.1");
  });

  it("takes the right-most untrusted hop of a chain: entries the client wrote are skipped", () => {
    const proxies = env({ TRUSTED_PROXIES: "10.0.0.0/8, 127.0.0.1" });
    // The client claimed 1.2.3.4; the edge proxy appended the real address, then an inner proxy its own.
    expect(clientIpOf(request("127.0.0.1", "1.2.3.4, 198.51.100.1, 10.1.2.3"), proxies)).toBe("198.51.100.1");
  });

  it("falls back to the left-most entry when every hop is trusted, and to the peer without a header", () => {
    const proxies = env({ TRUSTED_PROXIES: "10.0.0.0/8" });
    expect(clientIpOf(request("10.0.0.1", "10.9.9.9, 10.0.0.2"), proxies)).toBe("10.9.9.9");
    expect(clientIpOf(request("10.0.0.1"), proxies)).toBe("10.0.0.1");
    expect(clientIpOf(request("10.0.0.1", "not-an-address"), proxies)).toBe("10.0.0.1");
  });

  it("reads plain header records (NextAuth's request) and says unknown without a peer", () => {
    expect(clientIpOf({ [PEER_ADDRESS_HEADER]: "203.0.113.9", "x-forwarded-for": "1.1.1.1" }, env())).toBe("203.0.113.9");
    expect(clientIpOf(undefined, env())).toBe("unknown");
    expect(clientIpOf({ "x-forwarded-for": "1.1.1.1" }, env({ TRUSTED_PROXIES: "0.0.0.0/0" }))).toBe("unknown");
  });
});

describe("trusted proxy rules", () => {
  it("matches IPv4 CIDR blocks at their edges", () => {
    const rules = parseTrustedProxies("192.168.4.0/22");
    expect(isTrustedProxy("192.168.4.0", rules)).toBe(true);
    expect(isTrustedProxy("192.168.7.255", rules)).toBe(true);
    expect(isTrustedProxy("192.168.8.0", rules)).toBe(false);
    expect(isTrustedProxy("192.168.3.255", rules)).toBe(false);
    expect(isTrustedProxy("::ffff:192.168.5.1", rules)).toBe(true);
  });

  it("matches exact IPv6 addresses and ignores malformed rules", () => {
    expect(isTrustedProxy("::1", parseTrustedProxies("::1"))).toBe(true);
    expect(isTrustedProxy("10.0.0.1", parseTrustedProxies("10.0.0.0/33, 10.0.0.0/x, ,"))).toBe(false);
    expect(parseTrustedProxies(undefined)).toEqual([]);
  });

  it("property: without trusted proxies the forwarded header never changes the answer", () => {
    const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((parts) => parts.join("."));
    fc.assert(
      fc.property(ipv4, fc.array(ipv4, { maxLength: 5 }), (peer, chain) => {
        expect(resolveClientIp(peer, chain.join(", "), [])).toBe(peer);
      }),
      { numRuns: 300 },
    );
  });

  it("property: a /n block holds exactly the addresses sharing its first n bits", () => {
    const toAddress = (value: number) => [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join(".");
    fc.assert(
      fc.property(fc.nat(0xffffffff), fc.nat(0xffffffff), fc.integer({ min: 0, max: 32 }), (network, candidate, bits) => {
        const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
        const inside = ((network & mask) >>> 0) === ((candidate & mask) >>> 0);
        expect(isTrustedProxy(toAddress(candidate), [`${toAddress(network)}/${bits}`])).toBe(inside);
      }),
      { numRuns: 500 },
    );
  });
});
