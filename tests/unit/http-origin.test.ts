import { describe, expect, it } from "vitest";
import { checkContentType, checkSameOrigin, hasSessionCookie, ownOrigins, refuseCrossSiteWrite } from "@/lib/http/origin";

const APP = "https://deals.example.com";
const post = (headers: Record<string, string>, method = "POST") =>
  new Request(`${APP}/api/tenant/invitations`, { method, headers: { host: "deals.example.com", ...headers } });

describe("checkSameOrigin", () => {
  const own = new Set([APP]);
  const headers = (values: Record<string, string>) => new Headers(values);

  it("lets reads through whatever their origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "get"]) {
      expect(checkSameOrigin(method, headers({ origin: "https://evil.example", "sec-fetch-site": "cross-site" }), own)).toEqual({ ok: true });
    }
  });

  it("refuses a write from another origin, by Origin or by Sec-Fetch-Site", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(checkSameOrigin(method, headers({ origin: "https://evil.example" }), own)).toMatchObject({ ok: false, status: 403 });
      expect(checkSameOrigin(method, headers({ "sec-fetch-site": "cross-site" }), own)).toMatchObject({ ok: false, status: 403 });
      expect(checkSameOrigin(method, headers({ "sec-fetch-site": "same-site", origin: APP }), own)).toMatchObject({ ok: false, status: 403 });
      expect(checkSameOrigin(method, headers({ origin: "null" }), own)).toMatchObject({ ok: false, status: 403 });
      // A look-alike: same host on another scheme or port is another origin.
      expect(checkSameOrigin(method, headers({ origin: "http://deals.example.com:8080" }), own)).toMatchObject({ ok: false, status: 403 });
    }
  });

  it("accepts the app's own origin, and clients that send neither header", () => {
    expect(checkSameOrigin("POST", headers({ origin: APP, "sec-fetch-site": "same-origin" }), own)).toEqual({ ok: true });
    expect(checkSameOrigin("POST", headers({}), own)).toEqual({ ok: true });
  });
});

describe("ownOrigins", () => {
  it("holds the public URL and the host the request was sent to", () => {
    const origins = ownOrigins(new Headers({ host: "10.0.0.4:3000" }), "http://10.0.0.4:3000/api/x", { NEXTAUTH_URL: `${APP}/` } as NodeJS.ProcessEnv);
    expect([...origins].sort()).toEqual(["http://10.0.0.4:3000", "https://10.0.0.4:3000", APP].sort());
    expect(ownOrigins(new Headers(), "not a url", { NEXTAUTH_URL: "also not" } as NodeJS.ProcessEnv).size).toBe(0);
  });
});

describe("checkContentType", () => {
  it("matches the media type, ignoring parameters and case", () => {
    expect(checkContentType(new Headers({ "content-type": "Application/JSON; charset=utf-8" }), "application/json")).toEqual({ ok: true });
    expect(checkContentType(new Headers({ "content-type": "multipart/form-data; boundary=x" }), "multipart/form-data")).toEqual({ ok: true });
  });

  it("refuses text/plain, forms and a missing type with 415", () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data", ""]) {
      const headers = new Headers(type ? { "content-type": type } : {});
      expect(checkContentType(headers, "application/json")).toMatchObject({ ok: false, status: 415 });
    }
  });
});

describe("refuseCrossSiteWrite", () => {
  it("answers 403 for another site's write before looking at its body type", async () => {
    const refused = refuseCrossSiteWrite(post({ origin: "https://evil.example", "content-type": "text/plain" }), "application/json");
    expect(refused?.status).toBe(403);
    expect(await refused?.json()).toEqual({ error: expect.stringContaining("Cross-site request refused") });
  });

  it("answers 415 for a same-origin write of the wrong type, and nothing for a good one", async () => {
    const wrongType = refuseCrossSiteWrite(post({ origin: APP, "content-type": "text/plain" }), "application/json");
    expect(wrongType?.status).toBe(415);
    expect(await wrongType?.json()).toEqual({ error: "Send the body as application/json (Content-Type: application/json)" });
    expect(refuseCrossSiteWrite(post({ origin: APP, "content-type": "application/json" }), "application/json")).toBeNull();
    expect(refuseCrossSiteWrite(post({ origin: APP }, "DELETE"))).toBeNull();
    expect(refuseCrossSiteWrite(post({ origin: "https://evil.example" }, "GET"))).toBeNull();
  });
});

describe("hasSessionCookie", () => {
  it("finds either session cookie name, chunked or not", () => {
    expect(hasSessionCookie(new Headers({ cookie: "a=1; next-auth.session-token=abc" }))).toBe(true);
    expect(hasSessionCookie(new Headers({ cookie: "__Secure-next-auth.session-token.0=abc" }))).toBe(true);
    expect(hasSessionCookie(new Headers({ cookie: "my-next-auth.session-token=abc; other=1" }))).toBe(false);
    expect(hasSessionCookie(new Headers())).toBe(false);
  });
});
