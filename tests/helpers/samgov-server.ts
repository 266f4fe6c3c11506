import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { SamNotice } from "@/lib/providers/samgov/types";

/**
 * A local HTTP server that plays SAM.gov's Get Opportunities v2: it counts every request,
 * pages `notices` by `pageSize` (a stand-in for limit=1000), answers 429 with SAM.gov's
 * 900804 body once `throttleAfter` requests were served, or a fixed failure when set.
 */
export interface FakeSamGov {
  baseUrl: string;
  notices: SamNotice[];
  searches: URL[];
  descriptions: URL[];
  pageSize: number;
  throttleAfter: number | null;
  failWith: { status: number; body: string } | null;
  /** Requests answered 200 so far; `throttleAfter` counts these. */
  answered: number;
  readonly requests: number;
  close(): Promise<void>;
}

export async function startFakeSamGov(): Promise<FakeSamGov> {
  const fake = {
    baseUrl: "",
    notices: [] as SamNotice[],
    searches: [] as URL[],
    descriptions: [] as URL[],
    pageSize: 1000,
    throttleAfter: null as number | null,
    failWith: null as { status: number; body: string } | null,
    answered: 0,
    get requests() {
      return fake.searches.length + fake.descriptions.length;
    },
    close: async () => {},
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const send = (status: number, body: string) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(body);
    };
    if (url.pathname === "/opportunities/v2/search") fake.searches.push(url);
    else fake.descriptions.push(url);
    if (fake.throttleAfter !== null && fake.answered >= fake.throttleAfter) {
      return send(429, JSON.stringify({ code: "900804", message: "Message throttled out", description: "You have exceeded your quota .You can access API after 2026-Mar-11 00:00:00+0000 UTC", nextAccessTime: "2026-Mar-11 00:00:00+0000 UTC" }));
    }
    if (fake.failWith) return send(fake.failWith.status, fake.failWith.body);
    fake.answered++;
    if (url.pathname === "/opportunities/v2/search") {
      const offset = Number(url.searchParams.get("offset") ?? 0);
      const page = fake.notices.slice(offset, offset + fake.pageSize);
      return send(200, JSON.stringify({ totalRecords: fake.notices.length, limit: Number(url.searchParams.get("limit")), offset, opportunitiesData: page }));
    }
    return send(200, JSON.stringify({ description: `Scope of work for ${url.searchParams.get("noticeid")}: paving and striping.` }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return fake as FakeSamGov;
}
