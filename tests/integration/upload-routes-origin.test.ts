import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";

// No one is signed in: a request the guard lets through is answered 401 by the session check.
vi.mock("next-auth", async (original) => ({ ...(await original<typeof import("next-auth")>()), getServerSession: async () => null }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }), headers: async () => new Headers() }));

const imports = await import("@/app/api/imports/route");
const registries = await import("@/app/api/dnc/registries/route");

const ORIGIN = "http://localhost:3000";
const MULTIPART = "multipart/form-data; boundary=----dealflow";
const routes = [
  { path: "/api/imports", post: imports.POST },
  { path: "/api/dnc/registries", post: registries.POST },
];

function upload(path: string, headers: Record<string, string>) {
  return new NextRequest(`${ORIGIN}${path}`, {
    method: "POST",
    headers: { cookie: "next-auth.session-token=stolen", host: "localhost:3000", ...headers },
    body: "------dealflow--\r\n",
  });
}

describe.each(routes)("cookie-authenticated uploads to $path", ({ path, post }) => {
  const send = async (headers: Record<string, string>) => {
    const response = await post(upload(path, headers), { params: Promise.resolve({}) });
    return { status: response.status, body: (await response.json()) as { error: string } };
  };

  it("refuses a multipart body another site sends with the cookie", async () => {
    const byOrigin = await send({ origin: "https://evil.example", "content-type": MULTIPART });
    expect(byOrigin).toEqual({ status: 403, body: { error: expect.stringMatching(/^Cross-site request refused/) } });
    expect((await send({ "sec-fetch-site": "cross-site", "content-type": MULTIPART })).status).toBe(403);
  });

  it("refuses a body that is not multipart, even from the app's own origin", async () => {
    expect(await send({ origin: ORIGIN, "content-type": "text/plain" })).toEqual({
      status: 415,
      body: { error: "Send the body as multipart/form-data (Content-Type: multipart/form-data)" },
    });
  });

  it("lets the app's own multipart upload through to the session check", async () => {
    expect((await send({ origin: ORIGIN, "sec-fetch-site": "same-origin", "content-type": MULTIPART })).status).toBe(401);
  });
});
