import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "@/lib/http/content-security-policy";
import { PEER_ADDRESS_HEADER } from "@/lib/http/peer-address";
import { HSTS_VALUE, isServedOverHttps, strictTransportSecurity } from "@/lib/http/transport-security";

const env = (values: Record<string, string> = {}) => values as NodeJS.ProcessEnv;
const headers = (values: Record<string, string>) => new Headers(values);

describe("isServedOverHttps", () => {
  it("is true when the public URL is https, whatever the request says", () => {
    expect(isServedOverHttps(headers({}), env({ NEXTAUTH_URL: "https://deals.example.com" }))).toBe(true);
  });

  it("believes X-Forwarded-Proto only from a trusted proxy", () => {
    const forwarded = { [PEER_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-proto": "https" };
    expect(isServedOverHttps(headers(forwarded), env({ TRUSTED_PROXIES: "10.0.0.0/8" }))).toBe(true);
    expect(isServedOverHttps(headers(forwarded), env())).toBe(false);
    expect(isServedOverHttps(headers({ ...forwarded, [PEER_ADDRESS_HEADER]: "203.0.113.5" }), env({ TRUSTED_PROXIES: "10.0.0.0/8" }))).toBe(false);
    expect(isServedOverHttps(headers({ ...forwarded, "x-forwarded-proto": "http, https" }), env({ TRUSTED_PROXIES: "10.0.0.0/8" }))).toBe(false);
  });

  it("gives the HSTS value only over HTTPS", () => {
    expect(strictTransportSecurity(headers({}), env({ NEXTAUTH_URL: "https://a.example" }))).toBe(HSTS_VALUE);
    expect(strictTransportSecurity(headers({}), env({ NEXTAUTH_URL: "http://localhost:3000" }))).toBeNull();
  });
});

describe("contentSecurityPolicy", () => {
  it("allows scripts by nonce only, forbids framing and plugins", () => {
    const policy = contentSecurityPolicy({ nonce: "abc123", https: false, development: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain("upgrade-insecure-requests");
  });

  it("adds eval for the development server and upgrades requests over HTTPS", () => {
    expect(contentSecurityPolicy({ nonce: "n", https: false, development: true })).toContain("'strict-dynamic' 'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: "n", https: true, development: false })).toMatch(/upgrade-insecure-requests$/);
  });
});
