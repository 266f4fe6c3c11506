import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { guessMapping } from "@/lib/imports/mapping";
import { toColumnMapping } from "@/lib/imports/schema";
import { createImportJob, runImport } from "@/lib/imports/service";
import { changeConsent, listConsents } from "@/lib/outbound/consent";
import { recordIntakeConsent } from "@/lib/outbound/intake-consent";
import { provisionTenant } from "@/lib/tenants/provision";
import { openAuditEvents } from "@/lib/audit/sealing";
import { createTestDatabase } from "../helpers/db";

let database: Database;
const actor = { actorId: null, actorEmail: "owner@example.test", requestId: "req-1" };

async function newTenant(): Promise<TenantDb> {
  const tag = randomBytes(4).toString("hex");
  const tenant = await provisionTenant(
    database.prisma,
    { slug: `consent-${tag}`, name: `Consent ${tag}`, timeZone: "America/New_York", country: "US" },
    [{ email: `owner-${tag}@example.test`, name: "Owner", password: "correct horse battery", role: "owner" }],
  );
  return scopeToTenant(database.prisma, tenant.id);
}

const CSV = [
  "Address,City,State,Zip,Phone,Email,SMS Consent,Consent Source,Consent Date,Consent Text",
  "1 Oak St,Columbus,OH,43215,(614) 555-0101,one@example.com,yes,Web form,2026-03-01,I agree to texts",
  "2 Oak St,Columbus,OH,43215,(614) 555-0102,,no,,,",
  "3 Oak St,Columbus,OH,43215,(614) 555-0103,,,,,", // falls back to the file's default
  "4 Oak St,Columbus,OH,43215,(614) 555-0104,,true,Door knock,,", // opted out before: stays opted out
  "5 Oak St,Columbus,OH,43215,(614) 555-0105,,maybe,,,", // rejected: consent is yes or no
].join("\n");

async function importCsv(db: TenantDb, csv: string, consentDefault: { given: "yes" | "no"; source?: string; wording?: string } | null) {
  const [header] = csv.split("\n");
  const headers = header.split(",");
  const mapping = toColumnMapping(headers, guessMapping(headers));
  const job = await createImportJob(db, { fileName: "consent.csv", mapping, consentDefault, totalRows: 5 }, actor);
  return runImport(db, job.id, Readable.from([csv]), { batchSize: 100, actor });
}

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

describe("an import with consent columns", () => {
  it("writes consent rows with their evidence, and never turns an opt-out into an opt-in", async () => {
    const db = await newTenant();
    await changeConsent(db, { channel: "SMS", address: "+16145550104", status: "OPTED_OUT", reason: "Asked by phone to stop" }, actor);

    const done = await importCsv(db, CSV, { given: "yes", source: "Purchased list, opt-in verified", wording: "Default wording" });
    expect(done).toMatchObject({ status: "DONE", created: 4, errorCount: 1 });

    const rows = await db.contactConsent.findMany({ orderBy: [{ channel: "asc" }, { address: "asc" }] });
    expect(rows.map((r) => [r.channel, r.address, r.status, r.source, r.wording, r.givenAt?.toISOString() ?? null])).toEqual([
      ["SMS", "+16145550101", "OPTED_IN", "Web form", "I agree to texts", "2026-03-01T00:00:00.000Z"],
      ["SMS", "+16145550103", "OPTED_IN", "Purchased list, opt-in verified", "Default wording", null],
      ["SMS", "+16145550104", "OPTED_OUT", "manual", null, null],
      ["EMAIL", "one@example.com", "OPTED_IN", "Web form", "I agree to texts", "2026-03-01T00:00:00.000Z"],
    ]);
    const error = await db.importRowError.findFirstOrThrow({});
    expect([error.rowNumber, error.field, error.message]).toEqual([6, "consentGiven", "Consent must be yes or no (also true/false, 1/0)"]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "deals.imported" } });
    expect(audit.after).toMatchObject({ consentsRecorded: 3 });
  });

  it("stores each row's basis and evidence: from its column, else the file's default, else written words make it PEWC", async () => {
    const db = await newTenant();
    const csv = [
      "Address,City,State,Zip,Phone,SMS Consent,Consent Text,Consent Basis,Consent IP",
      "1 Ash St,Columbus,OH,43215,(614) 555-0201,yes,I agree to texts,,203.0.113.5",
      "2 Ash St,Columbus,OH,43215,(614) 555-0202,yes,,EBR,",
      "3 Ash St,Columbus,OH,43215,(614) 555-0203,yes,,,",
      "4 Ash St,Columbus,OH,43215,(614) 555-0204,yes,,sometimes,",
    ].join("\n");
    const done = await importCsv(db, csv, { given: "yes", source: "Seller list" });
    expect(done).toMatchObject({ status: "DONE", created: 3, errorCount: 1 });
    const rows = await db.contactConsent.findMany({ orderBy: { address: "asc" } });
    expect(rows.map((r) => [r.address, r.basis, r.evidence])).toEqual([
      ["+16145550201", "PRIOR_EXPRESS_WRITTEN", "203.0.113.5"],
      ["+16145550202", "ESTABLISHED_RELATIONSHIP", null],
      ["+16145550203", "NONE", null],
    ]);
    expect(await db.importRowError.findFirstOrThrow({})).toMatchObject({ rowNumber: 5, field: "consentBasis" });
  });

  it("records nothing without a consent column or default", async () => {
    const db = await newTenant();
    await importCsv(db, ["Address,City,State,Zip,Phone", "9 Elm St,Columbus,OH,43215,(614) 555-0109"].join("\n"), null);
    expect(await db.contactConsent.count()).toBe(0);
  });
});

describe("recordIntakeConsent", () => {
  it("records each channel once, keeps an opt-out, and audits what it wrote", async () => {
    const db = await newTenant();
    await changeConsent(db, { channel: "EMAIL", address: "kept@example.com", status: "OPTED_OUT", reason: "Unsubscribed by phone" }, actor);
    const result = await db.$transaction((tx) =>
      recordIntakeConsent(tx, { phone: "+1 614 555 0110", email: "Kept@Example.com" }, { given: true, source: "Deal form", wording: "Yes to texts" }, actor),
    );
    expect(result.recorded.map((r) => `${r.channel}:${r.address}`)).toEqual(["SMS:+16145550110"]);
    expect(result.kept).toEqual([{ channel: "EMAIL", address: "kept@example.com" }]);
    expect(await db.contactConsent.findFirst({ where: { channel: "EMAIL" } })).toMatchObject({ status: "OPTED_OUT" });
    // As the audit log shows it: the contact's sealed fields opened with their key.
    const [audit] = await openAuditEvents(db, [await db.auditEvent.findFirstOrThrow({ where: { action: "consent.recorded" } })]);
    expect(audit.entityId).toBe("SMS:+16145550110");
  });
});

describe("listConsents", () => {
  it("pages the records newest first, keeps the search, and caps the count", async () => {
    const db = await newTenant();
    const base = Date.parse("2026-01-01T00:00:00Z");
    await db.contactConsent.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        channel: "SMS" as const,
        address: `+1614555${String(1000 + i)}`,
        status: i % 4 === 0 ? ("OPTED_OUT" as const) : ("OPTED_IN" as const),
        source: "import",
        updatedAt: new Date(base + i * 60_000),
      })),
    });

    const first = await listConsents(db, {});
    expect(first).toMatchObject({ total: 120, totalIsExact: true, pageCount: 3 });
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0].address).toBe("+16145551119");

    const last = await listConsents(db, { page: "3", pageSize: "50" });
    expect(last.rows.map((r) => r.address).at(-1)).toBe("+16145551000");
    expect(last.rows).toHaveLength(20);

    const optedOut = await listConsents(db, { consent: "OPTED_OUT", q: "(614) 555-10" });
    expect(optedOut.total).toBe(25);
    expect(optedOut.rows.every((r) => r.status === "OPTED_OUT")).toBe(true);

    // A silly page size or page falls back to the defaults rather than failing.
    expect((await listConsents(db, { pageSize: "5000", page: "x" })).query).toMatchObject({ page: 1, pageSize: 50 });
  });
});
