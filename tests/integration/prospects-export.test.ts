import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/v1/deals/export/route";
import { createApiKey } from "@/lib/apikeys/service";
import { useDatabase, type Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { ProspectExportQuery } from "@/lib/prospects/export-params";
import { startProspectExport } from "@/lib/prospects/filter-export";
import { provisionTenant } from "@/lib/tenants/provision";
import { callRoute } from "../helpers/api";
import { parseCsv } from "../helpers/csv";
import { createTestDatabase } from "../helpers/db";

let database: Database;
let db: TenantDb;
let key: string;
let otherKey: string;
const ctx = { actorId: null, actorEmail: "owner@export-a.test", requestId: "req-export" };
const STATUSES = ["NEW", "CONTACTED", "DEAD"] as const;
const MARKETS = ["Dallas", "Houston"] as const;
/** Enough deals that an export spans many batches. */
const COUNT = 640;

const dealRows = (tenantId: string, prefix: string) =>
  Array.from({ length: COUNT }, (_, i) => ({
    id: `${prefix}-${String(i).padStart(4, "0")}`,
    tenantId,
    source: "CSV" as const,
    addressKey: `${prefix}-key-${i}`,
    raw: {},
    status: STATUSES[i % 3],
    market: MARKETS[i % 2],
    region: "TX",
    city: MARKETS[i % 2],
    street: i === 7 ? "=HYPERLINK(\"http://evil.test\",\"x\")" : `${i} Elm St, Rear`,
    // Every seventh without a spread: those come last whatever the direction.
    spread: i % 7 === 0 ? null : ((i * 7919) % 90_000) - 30_000,
    score: i % 100,
    contactPhone: `+1214555${String(i).padStart(4, "0")}`,
    createdAt: new Date(Date.UTC(2026, 5, 1, 0, i)),
    deletedAt: i % 50 === 1 ? new Date() : null,
  }));

beforeAll(async () => {
  database = await createTestDatabase();
  useDatabase(database);
  const owner = (slug: string) => [{ email: `owner@${slug}.test`, name: "Owner", password: "a-long-password-1", role: "owner" as const }];
  const a = await provisionTenant(database.prisma, { slug: "export-a", name: "A", timeZone: "America/Chicago", country: "US" }, owner("export-a"));
  const b = await provisionTenant(database.prisma, { slug: "export-b", name: "B", timeZone: "America/Chicago", country: "US" }, owner("export-b"));
  db = scopeToTenant(database.prisma, a.id);
  const other = scopeToTenant(database.prisma, b.id);
  // The other workspace holds the same deals, matching every filter: none may leak.
  await database.prisma.deal.createMany({ data: dealRows(a.id, "a") });
  await database.prisma.deal.createMany({ data: dealRows(b.id, "b") });
  key = (await createApiKey(db, { name: "reader", scopes: ["deals:read"] }, ctx)).key;
  otherKey = (await createApiKey(other, { name: "other reader", scopes: ["deals:read"] }, ctx)).key;
}, 120_000);
afterAll(() => database.close());

const expectedIds = (prefix: string) =>
  dealRows("t", prefix).filter((d) => d.deletedAt === null && d.market === "Dallas" && (d.status === "NEW" || d.status === "CONTACTED"));

describe("startProspectExport", () => {
  it("streams every deal of the filter from this workspace only, in the sort asked for, and audits it", async () => {
    const input = ProspectExportQuery.parse({ market: "dallas", status: "NEW,CONTACTED", sort: "spread", dir: "asc", columns: "spread,status" });
    const { count, stream } = await startProspectExport(db, input, ctx, { batchSize: 37 });
    const rows = parseCsv(await new Response(stream).text());
    const [header, ...body] = rows;
    expect(header).toEqual(["id", "street", "unit", "city", "region", "postal_code", "country", "status", "spread"]);
    const expected = expectedIds("a");
    expect(count).toBe(expected.length);
    expect(body).toHaveLength(expected.length);
    expect(new Set(body.map((row) => row[0]))).toEqual(new Set(expected.map((d) => d.id)));
    expect(body.every((row) => row[0].startsWith("a-"))).toBe(true);
    // Ascending spread, the deals without one last.
    const spreads = body.map((row) => (row[8] === "" ? null : Number(row[8].replace(/^'/, ""))));
    const valued = spreads.filter((s): s is number => s !== null);
    expect(valued).toEqual([...valued].sort((x, y) => x - y));
    expect(spreads.slice(valued.length).every((s) => s === null)).toBe(true);
    const [audit] = await db.auditEvent.findMany({ where: { action: "deals.exported" }, orderBy: { createdAt: "desc" }, take: 1 });
    expect(audit.after).toMatchObject({ count: expected.length, columns: ["address", "status", "spread"], filter: { market: "dallas", status: ["NEW", "CONTACTED"] } });
  });

  it("neutralizes formulas and quotes commas", async () => {
    const { stream } = await startProspectExport(db, ProspectExportQuery.parse({ q: "HYPERLINK" }), ctx);
    const [, row] = parseCsv(await new Response(stream).text());
    expect(row[1]).toBe("'=HYPERLINK(\"http://evil.test\",\"x\")");
    const { stream: plain } = await startProspectExport(db, ProspectExportQuery.parse({ q: "12 Elm" }), ctx);
    expect(parseCsv(await new Response(plain).text())[1][1]).toBe("12 Elm St, Rear");
  });
});

describe("GET /api/v1/deals/export", () => {
  const call = (query: string, apiKey?: string) => callRoute(exportRoute, `/api/v1/deals/export${query}`, { key: apiKey });

  it("needs an API key", async () => {
    expect((await call("")).status).toBe(401);
  });

  it("refuses an unknown column with the field and reason", async () => {
    const response = await call("?columns=address,secret", key);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { issues: { path: string }[] };
    expect(body.issues[0].path).toContain("columns");
  });

  it("streams the key's workspace's matches as CSV with their count", async () => {
    const response = await call("?market=Dallas&status=NEW,CONTACTED&columns=score", key);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="deals-export-a-\d{4}-\d{2}-\d{2}\.csv"$/);
    const expected = expectedIds("a");
    expect(response.headers.get("x-export-count")).toBe(String(expected.length));
    const [header, ...body] = parseCsv(await response.text());
    expect(header.at(-1)).toBe("score");
    expect(body.map((row) => row[0]).sort()).toEqual(expected.map((d) => d.id).sort());
  });

  it("gives the other workspace's key only its own deals", async () => {
    const response = await call("?market=Dallas&status=NEW,CONTACTED", otherKey);
    const [, ...body] = parseCsv(await response.text());
    expect(body).toHaveLength(expectedIds("b").length);
    expect(body.every((row) => row[0].startsWith("b-"))).toBe(true);
  });
});
