/**
 * The erasure proof: one person is put into every table that can hold them through the real
 * flows (hand form, deal email, CSV import, messages, consent, notes, tasks, access request),
 * erased, and then every column of every table and every stored file is searched for their
 * phone (in several spellings), email and name. Only the suppression hash may remain, and the
 * person can no longer be taken in or contacted.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDealFromApi } from "@/lib/api/deals";
import { listAuditEvents } from "@/lib/audit/query";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { createDeal } from "@/lib/deals/create";
import { addDealNote } from "@/lib/deals/notes";
import { ExpectedError } from "@/lib/errors";
import { createImportJob, runImport } from "@/lib/imports/service";
import { importFilePath } from "@/lib/imports/storage";
import { ingestDealEmail } from "@/lib/intake/email-intake";
import { completeTask } from "@/lib/ladder/inbox";
import { sendMessage, type OutboundDeps } from "@/lib/outbound";
import { addDoNotContact, changeConsent, unsubscribeEmail } from "@/lib/outbound/consent";
import { seedMarketPolicies } from "@/lib/policy";
import { phoneSpellings } from "@/lib/privacy/identity";
import { accessExportFor, filePrivacyRequest, listPrivacyRequests, processPrivacyRequest } from "@/lib/privacy/service";
import { SUPPRESSED_MESSAGE } from "@/lib/privacy/suppression";
import { createOutboxEmailProvider, createOutboxSmsProvider } from "@/lib/providers/outbox";
import { createTestDatabase } from "../helpers/db";

const PERSON = { name: "Marisol Quenneville", phone: "+14165550199", email: "marisol.quenneville@privacy-test.example", street: "27 Wrenfield Crescent" };
const OTHER = { name: "Dana Whitfield", phone: "+12175550142" };
const ctx = { actorId: "user-1", actorEmail: "owner@privacy.test", requestId: "req-1" };
const deps: OutboundDeps = { providers: { sms: createOutboxSmsProvider(), email: createOutboxEmailProvider() }, baseUrl: "https://app.example.test", secret: "test-secret-0123456789abcdef" };
// Tuesday 15:00 in Toronto: inside the default contact window.
const OPEN = new Date("2026-03-10T19:00:00Z");
const NEEDLES = [...phoneSpellings(PERSON.phone), PERSON.email, PERSON.name];

let database: Database;
let db: TenantDb;
let importsDir: string;

const CSV_HEADER = "Street,City,State,Zip,Asking,Owner Name,Owner Phone,Owner Email\n";
const personRow = (street: string, zip = "M5V 2T6") => `${street},Toronto,ON,${zip},250000,${PERSON.name},(416) 555-0199,${PERSON.email}\n`;
const MAPPING = [
  { header: "Street", field: "street" }, { header: "City", field: "city" }, { header: "State", field: "region" }, { header: "Zip", field: "postalCode" },
  { header: "Asking", field: "askingPrice" }, { header: "Owner Name", field: "contactName" }, { header: "Owner Phone", field: "contactPhone" }, { header: "Owner Email", field: "contactEmail" },
] as const;

async function importCsv(text: string) {
  const job = await createImportJob(db, { fileName: "owners.csv", mapping: MAPPING as never, totalRows: 2 }, ctx);
  const file = importFilePath(db.tenantId, job.id);
  await import("node:fs/promises").then((fs) => fs.mkdir(path.dirname(file), { recursive: true }));
  await writeFile(file, text);
  return runImport(db, job.id, undefined, { actor: ctx });
}

/** Every column of every table, as text, that holds one of the needles: "Table.column". */
async function scanDatabase(): Promise<string[]> {
  const columns = await database.prisma.$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
    `SELECT table_name::text AS table_name, column_name::text AS column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY table_name, ordinal_position`,
  );
  const hits: string[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    const rows = await database.prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${table}" WHERE "${column}"::text ILIKE ANY ($1::text[])`,
      NEEDLES.map((needle) => `%${needle.replace(/[%_\\]/g, "\\$&")}%`),
    );
    if (rows[0].n > 0) hits.push(`${table}.${column}`);
  }
  return hits;
}

async function scanStorage(dir: string): Promise<string[]> {
  const hits: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = (await readFile(file, "utf8")).toLowerCase();
    if (NEEDLES.some((needle) => text.includes(needle.toLowerCase()))) hits.push(file);
  }
  return hits;
}

beforeAll(async () => {
  importsDir = await mkdtemp(path.join(os.tmpdir(), "dealflow-privacy-"));
  process.env.IMPORTS_DIR = importsDir;
  database = await createTestDatabase();
  const tenant = await database.prisma.tenant.create({ data: { slug: "privacy-a", name: "Acme Homes", timeZone: "America/Toronto", country: "CA", settings: { postalAddress: "1 King St W, Toronto, ON M5H 1A1" } } });
  db = scopeToTenant(database.prisma, tenant.id);
  await seedMarketPolicies(db, null);
}, 120_000);
afterAll(async () => {
  await database.close();
  delete process.env.IMPORTS_DIR;
  await rm(importsDir, { recursive: true, force: true });
});

describe("erasure reaches every table and the storage folder", () => {
  let dealId: string;

  it("seeds the person everywhere through the app's own flows", async () => {
    const created = await createDeal(db, ctx, {
      street: PERSON.street, city: "Toronto", region: "ON", postalCode: "M4C 1B5", askingPrice: 300000, score: 80,
      contactName: PERSON.name, contactPhone: "(416) 555-0199", contactEmail: PERSON.email,
      consentGiven: true, consentSource: "web form", consentWording: `I, ${PERSON.name}, agree to texts`,
    } as never);
    dealId = created.id;
    await db.deal.updateMany({ where: { id: dealId }, data: { timeZone: "America/Toronto", market: "TORONTO" } });
    await addDealNote(db, ctx, { dealId, body: `Spoke with ${PERSON.name} on 416.555.0199` });
    await sendMessage(db, { dealId, channel: "SMS", body: `Hi ${PERSON.name.split(" ")[0]} Quenneville, still selling?`, now: OPEN }, deps);
    await changeConsent(db, { channel: "EMAIL", address: PERSON.email, status: "OPTED_IN", reason: "asked by phone", evidence: `call with ${PERSON.name}` }, ctx);
    await unsubscribeEmail(db, PERSON.email);
    await addDoNotContact(db, { value: PERSON.phone, reason: `${PERSON.name} asked twice` }, ctx);
    await db.messageEvent.create({ data: { provider: "twilio", eventKey: "SMinbound1", type: "inbound", payload: { From: PERSON.phone, Body: "Who is this?" } } });
    const task = await db.followUpTask.create({ data: { dealId, step: 1, channel: "CALL", dueAt: OPEN } });
    await completeTask(db, { taskId: task.id, outcome: "talked_interested", notes: `${PERSON.name} wants 320k`, outsideHoursConfirmed: true }, ctx, { now: OPEN });
    await ingestDealEmail(db, {
      messageId: "<deal-1@wholesaler.example>", from: "jv@wholesaler.example", subject: `Off market: ${PERSON.street}`,
      text: `Owner: ${PERSON.name}\nPhone: 416-555-0199\nEmail: ${PERSON.email}\n${PERSON.street}, Toronto ON M4C 1B5\nAsking $300,000`,
    }, "webhook");
    await importCsv(CSV_HEADER + personRow("5 Lakeview Rd") + personRow("6 Lakeview Rd", "not-a-zip") + `1423 Maple Ave,Springfield,IL,62704,89000,${OTHER.name},(217) 555-0142,\n`);
    await db.notification.create({ data: { kind: "spread.alert", title: "Big spread", body: `${PERSON.name}'s house has a big spread`, data: { dealId } } });
    await db.kpiEvent.create({ data: { name: "reply_received", dealId, data: { from: PERSON.phone } } });
    await db.eventOutbox.create({ data: { id: "evt-privacy-1", name: "outbound/reply.received", data: { from: PERSON.email } } });
    await db.runtimeJob.create({ data: { id: "job-privacy-1", kind: "event", payload: { to: "416 555 0199" } } });
    await db.idempotencyRecord.create({ data: { scope: "deals.create", key: "k1", requestHash: "h", status: 201, response: { contactEmail: PERSON.email } } });
    await filePrivacyRequest(db, { kind: "ACCESS", email: PERSON.email }, ctx);

    const before = await scanDatabase();
    for (const table of ["Deal.contactName", "DealNote.body", "Message.body", "ContactConsent.address", "DoNotContact.value", "MessageEvent.payload", "FollowUpTask.notes", "InboundEmail.raw", "ImportRowError.raw", "Notification.body", "KpiEvent.data", "EventOutbox.data", "RuntimeJob.payload", "IdempotencyRecord.response"]) {
      expect(before, table).toContain(table);
    }
    // The audit log never held the person readable, even before erasure.
    expect(before.filter((hit) => hit.startsWith("AuditEvent.") || hit.startsWith("PrivacyRequest."))).toEqual([]);
    expect(await scanStorage(importsDir)).toHaveLength(1);
  });

  it("the audit log shows the person's data to the workspace until they are erased", async () => {
    const page = await listAuditEvents(db, { page: 1, pageSize: 200 });
    const created = page.rows.find((row) => row.action === "deal.created");
    expect(created?.personalData).toBe("open");
    expect(created?.after).toMatchObject({ contactName: PERSON.name, contactEmail: PERSON.email });
  });

  it("an access request exports what is held about the person", async () => {
    const [access] = await listPrivacyRequests(db);
    await processPrivacyRequest(db, access.id, ctx);
    const exported = await accessExportFor(db, access.id);
    expect(exported.tables.Deal).toHaveLength(2);
    expect(JSON.stringify(exported)).toContain(PERSON.name);
  });

  it("erases the person: zero hits in the database and storage, the suppression hash stays", async () => {
    const request = await filePrivacyRequest(db, { kind: "ERASURE", phone: "416-555-0199" }, ctx);
    expect(request.deadline.getTime() - request.requestedAt.getTime()).toBe(24 * 3_600_000);
    const done = await processPrivacyRequest(db, request.id, ctx);
    expect(done.status).toBe("COMPLETED");
    expect(done.proof).toMatchObject({ Deal: 2, DealNote: 1, ContactConsent: 1, DoNotContact: 1, InboundEmail: 1, Notification: 1, Suppression: 2, "storage:imports": 1 });
    expect((done.proof as Record<string, number>).Message).toBeGreaterThanOrEqual(1);
    expect((done.proof as Record<string, number>).PersonKey).toBeGreaterThanOrEqual(3);

    expect(await scanDatabase()).toEqual([]);
    expect(await scanStorage(importsDir)).toEqual([]);
    expect(await db.suppression.count()).toBe(2);
    // Someone else's row in the same file is untouched.
    const files = await readdir(path.join(importsDir, db.tenantId));
    const kept = await Promise.all(files.map((f) => readFile(path.join(importsDir, db.tenantId, f), "utf8")));
    expect(kept.join("")).toContain(OTHER.name);
  });

  it("the audit log still has every entry, with the person shown as erased", async () => {
    const page = await listAuditEvents(db, { page: 1, pageSize: 200 });
    const created = page.rows.find((row) => row.action === "deal.created");
    expect(created?.personalData).toBe("erased");
    expect(created?.after).toMatchObject({ contactName: "[erased]" });
    expect(page.rows.some((row) => row.action === "privacy.erased")).toBe(true);
    const requests = await listPrivacyRequests(db);
    expect(requests.every((r) => r.given === null)).toBe(true);
  });

  it("refuses the person at intake, on import and at send", async () => {
    const form = createDeal(db, ctx, { street: "9 Other St", city: "Toronto", region: "ON", postalCode: "M4C 1B6", contactName: "M. Q.", contactPhone: "416 555 0199" } as never);
    await expect(form).rejects.toThrow(ExpectedError);
    await expect(form).rejects.toMatchObject({ field: "contactPhone" });
    await expect(createDealFromApi(db, { street: "10 Other St", city: "Toronto", region: "ON", postalCode: "M4C 1B6", contactEmail: PERSON.email.toUpperCase() } as never, "req-2")).rejects.toThrow(SUPPRESSED_MESSAGE);
    const email = await ingestDealEmail(db, { messageId: "<deal-2@wholesaler.example>", from: "jv@wholesaler.example", subject: "Deal", text: `Owner phone: +1 416 555 0199\n11 Other St, Toronto ON M4C 1B5\nAsking $200,000` }, "webhook");
    expect(email.dealIds).toEqual([]);
    expect(await db.inboundEmail.findFirst({ where: { messageId: "<deal-2@wholesaler.example>" } })).toMatchObject({ raw: { erased: true }, subject: null });

    const job = await importCsv(CSV_HEADER + personRow("12 Other St"));
    expect(job).toMatchObject({ created: 0, errorCount: 1 });
    const [rowError] = await db.importRowError.findMany({ where: { jobId: job.id } });
    expect(rowError).toMatchObject({ message: SUPPRESSED_MESSAGE, raw: [] });

    // A contact typed onto an existing deal later is still never messaged.
    await database.prisma.deal.update({ where: { id: dealId }, data: { contactPhone: PERSON.phone } });
    await db.contactConsent.create({ data: { channel: "SMS", address: PERSON.phone, status: "OPTED_IN", source: "form" } });
    const send = await sendMessage(db, { dealId, channel: "SMS", body: "Hello again", now: OPEN }, deps);
    expect(send).toMatchObject({ status: "BLOCKED", gate: "do_not_contact", detail: SUPPRESSED_MESSAGE });
  });
});
