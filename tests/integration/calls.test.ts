import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTwilioDialer, localDialer, type Dialer, type TwilioHttpClient } from "@/lib/calls/dialer";
import { setMemberPhone } from "@/lib/calls/member-phone";
import { logCall, startCall } from "@/lib/calls/service";
import { handleTwilioCallStatus } from "@/lib/calls/webhook";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { startRegistryLoad } from "@/lib/dnc";
import { addDoNotContact, changeConsent } from "@/lib/outbound";
import { upsertMarketPolicy } from "@/lib/policy";
import { getDealDetail } from "@/lib/prospects/detail";
import { createTestDatabase } from "../helpers/db";

const SLUG = "dialer";
const BASE = "https://dealflow.example.test";
const AUTH_TOKEN = "12345678901234567890123456789012";
// Tuesday 10 March 2026, 11:00 in New York: inside the open market's hours, outside the night market's.
const NOW = new Date("2026-03-10T15:00:00Z");
const OPEN = { contactWindows: [{ days: [0, 1, 2, 3, 4, 5, 6], start: "00:00", end: "24:00" }], channelsAllowed: ["SMS" as const, "EMAIL" as const, "CALL" as const], minLeadScore: 0 };
const EVENING = { ...OPEN, contactWindows: [{ days: [0, 1, 2, 3, 4, 5, 6], start: "18:00", end: "20:00" }] };

let database: Database;
let db: TenantDb;
let tenantId = "";
let vaId = "";
const ctx = () => ({ actorId: vaId, actorEmail: "va@dialer.test", requestId: "req-dialer" });
let phoneCounter = 100;

/** A dialer that only counts: the gates must refuse before it is ever asked. */
function countingDialer(): Dialer & { dialled: number } {
  const dialer = {
    name: "twilio", callerId: "+15005550006", ringsAgent: true, dialled: 0,
    async dial() {
      dialer.dialled += 1;
      return { providerCallId: `CAcounting${String(dialer.dialled).padStart(24, "0")}`, status: "QUEUED" as const };
    },
  };
  return dialer;
}

async function lead(market = "OPEN", extra: Record<string, unknown> = {}) {
  phoneCounter += 1;
  const phone = `+1212555${String(phoneCounter).padStart(4, "0")}`;
  return db.deal.create({
    data: {
      source: "MANUAL", addressKey: `K-${phone}`, raw: {}, street: "12 Elm St", city: "Albany", region: "NY", market, timeZone: "America/New_York",
      country: "US", score: 80, contactName: "Pat Seller", contactPhone: phone, ...extra,
    } as never,
  });
}

async function callTask(dealId: string) {
  return db.followUpTask.create({ data: { dealId, step: 2, channel: "CALL", dueAt: new Date(NOW.getTime() - 3_600_000), ownerId: vaId } as never });
}

beforeAll(async () => {
  database = await createTestDatabase();
  const tenant = await database.prisma.tenant.create({ data: { slug: SLUG, name: "Dial Homes", timeZone: "America/New_York", country: "US" } });
  tenantId = tenant.id;
  db = scopeToTenant(database.prisma, tenant.id);
  const user = await database.prisma.user.create({ data: { email: "va@dialer.test", name: "Vic VA", passwordHash: "x" } });
  await database.prisma.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: "va" } });
  vaId = user.id;
  const audit = { actorId: null, actorEmail: null, requestId: undefined };
  await upsertMarketPolicy(db, { region: "NY", market: "OPEN", enabled: true, rules: OPEN, reason: "Test market" }, audit);
  await upsertMarketPolicy(db, { region: "NY", market: "EVENING", enabled: true, rules: EVENING, reason: "Evening calls only" }, audit);
});
afterAll(() => database.close());

describe("a call placed by hand (local dialer)", () => {
  it("is recorded in progress, logged with its outcome, completes its CALL task and shows on the timeline", async () => {
    const deal = await lead();
    const task = await callTask(deal.id);
    const started = await startCall(db, { dealId: deal.id }, ctx(), { dialer: localDialer, now: NOW });
    expect(started).toMatchObject({ status: "PLACED", provider: "local" });
    expect(started.call).toMatchObject({ status: "IN_PROGRESS", taskId: task.id, toNumber: deal.contactPhone, userId: vaId });

    const logged = await logCall(db, started.call.id, { outcome: "connected_interested", durationSeconds: "3:12", notes: "Wants an offer by Friday" }, ctx(), { now: new Date(NOW.getTime() + 200_000) });
    expect(logged.call).toMatchObject({ status: "COMPLETED", outcome: "connected_interested", durationSeconds: 192, notes: "Wants an offer by Friday" });
    expect(logged.completedTaskId).toBe(task.id);
    expect(await db.followUpTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: "DONE", outcome: "talked_interested", completedById: vaId });

    const detail = await getDealDetail(db, deal.id);
    const entry = detail!.timeline.find((e) => e.id === started.call.id);
    expect(entry?.title).toContain("Connected – interested, 3m 12s");
    expect(entry?.detail).toBe("Wants an offer by Friday");

    await expect(logCall(db, started.call.id, { outcome: "no_answer" }, ctx())).rejects.toMatchObject({ code: "conflict", field: "callId" });
  });

  it("refuses a log without an outcome or with a bad length, naming the field", async () => {
    const deal = await lead();
    const { call } = await startCall(db, { dealId: deal.id }, ctx(), { dialer: localDialer, now: NOW });
    await expect(logCall(db, call.id, { outcome: "hung_up" as never }, ctx())).rejects.toMatchObject({ code: "invalid", field: "outcome" });
    await expect(logCall(db, call.id, { outcome: "no_answer", durationSeconds: "ten" }, ctx())).rejects.toMatchObject({ code: "invalid", field: "durationSeconds" });
    expect(await db.call.findUniqueOrThrow({ where: { id: call.id } })).toMatchObject({ status: "IN_PROGRESS", outcome: null });
  });

  it("a do-not-call outcome opts the number out of calls and texts, lists it, and the next call is refused", async () => {
    const deal = await lead();
    const { call } = await startCall(db, { dealId: deal.id }, ctx(), { dialer: localDialer, now: NOW });
    const logged = await logCall(db, call.id, { outcome: "do_not_call", durationSeconds: 40 }, ctx());
    expect(logged.optedOut).toBe(true);
    const consents = await db.contactConsent.findMany({ where: { address: deal.contactPhone! }, orderBy: { channel: "asc" } });
    expect(consents.map((c) => `${c.channel}:${c.status}`).sort()).toEqual(["CALL:OPTED_OUT", "SMS:OPTED_OUT"]);
    expect(await db.doNotContact.count({ where: { value: deal.contactPhone! } })).toBe(1);
    const again = await startCall(db, { dealId: deal.id }, ctx(), { dialer: localDialer, now: NOW });
    expect(again).toMatchObject({ status: "BLOCKED", gate: "consent" });
  });
});

describe("the gates", () => {
  it("refuse an opted-out number, the do-not-contact list, a registry, the calling hours and a missing phone, each with its reason, dialling nothing", async () => {
    const dialer = countingDialer();
    await setMemberPhone(db, vaId, { phone: "+1 518 555 0199" }, ctx());

    const optedOut = await lead();
    await changeConsent(db, { channel: "SMS", address: optedOut.contactPhone!, status: "OPTED_OUT", reason: "Replied STOP" }, ctx());
    const listed = await lead();
    await addDoNotContact(db, { value: listed.contactPhone!, reason: "Asked by phone" }, ctx());
    const registered = await lead();
    const load = await startRegistryLoad(db, { kind: "INTERNAL", name: "Internal list", downloadedAt: NOW, totalBytes: 11 }, ctx(), NOW);
    await load.write(Buffer.from(`${registered.contactPhone!.slice(2)}\n`));
    await load.finish();
    const evening = await lead("EVENING");
    const noPhone = await lead("OPEN", { contactPhone: null });

    const cases = [
      [optedOut, "consent", /opted out of texts/],
      [listed, "do_not_contact", /do-not-contact list/],
      [registered, "dnc_registry", /Internal list|registry/i],
      [evening, "calling_hours", /^Outside calling hours until 6:00 PM \(lead's time\)$/],
      [noPhone, "address", /No valid phone number/],
    ] as const;
    for (const [deal, gate, reason] of cases) {
      const result = await startCall(db, { dealId: deal.id }, ctx(), { dialer, now: NOW, baseUrl: BASE });
      expect(result, gate).toMatchObject({ status: "BLOCKED", gate });
      if (result.status !== "BLOCKED") continue;
      expect(result.reason).toMatch(reason);
      expect(await db.call.findUniqueOrThrow({ where: { id: result.call.id } })).toMatchObject({ status: "BLOCKED", gate, blockedReason: result.reason, providerCallId: null });
    }
    expect(dialer.dialled).toBe(0);
  });

  it("stops at the daily call cap, counting only calls that were placed", async () => {
    await database.prisma.tenant.update({ where: { id: tenantId }, data: { settings: { outboundDailyCapCall: 0 } } });
    try {
      const dialer = countingDialer();
      const result = await startCall(db, { dealId: (await lead()).id }, ctx(), { dialer, now: NOW, baseUrl: BASE });
      expect(result).toMatchObject({ status: "BLOCKED", gate: "daily_cap", reason: "The daily call cap of 0 is reached" });
      expect(dialer.dialled).toBe(0);
    } finally {
      await database.prisma.tenant.update({ where: { id: tenantId }, data: { settings: {} } });
    }
    const placedToday = await db.call.count({ where: { status: { not: "BLOCKED" } } });
    await database.prisma.tenant.update({ where: { id: tenantId }, data: { settings: { outboundDailyCapCall: placedToday + 1 } } });
    try {
      const dialer = countingDialer();
      expect(await startCall(db, { dealId: (await lead()).id }, ctx(), { dialer, now: NOW, baseUrl: BASE })).toMatchObject({ status: "PLACED" });
      expect(await startCall(db, { dealId: (await lead()).id }, ctx(), { dialer, now: NOW, baseUrl: BASE })).toMatchObject({ status: "BLOCKED", gate: "daily_cap" });
      expect(dialer.dialled).toBe(1);
    } finally {
      await database.prisma.tenant.update({ where: { id: tenantId }, data: { settings: {} } });
    }
  });
});

describe("Twilio", () => {
  let server: Server;
  const requests: { path: string; params: URLSearchParams; auth: string | undefined }[] = [];
  let httpClient: TwilioHttpClient;

  beforeAll(async () => {
    // A stand-in for api.twilio.com: answers like Twilio's Calls resource.
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        requests.push({ path: req.url ?? "", params: new URLSearchParams(body), auth: req.headers.authorization });
        res.writeHead(201, { "content-type": "application/json" });
        res.end(JSON.stringify({ sid: `CA${String(requests.length).padStart(32, "0")}`, status: "queued", to: "+15185550199", from: "+15005550006" }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // The real twilio client, its requests sent to the stand-in instead of Twilio.
    httpClient = {
      async request(opts: { method: string; uri: string; data?: Record<string, unknown>; headers?: Record<string, string> }) {
        const form = new URLSearchParams();
        for (const [key, value] of Object.entries(opts.data ?? {})) for (const item of [value].flat()) if (item !== undefined) form.append(key, String(item));
        const url = new URL(opts.uri);
        const response = await fetch(`${local}${url.pathname}`, { method: opts.method.toUpperCase(), body: form, headers: { authorization: opts.headers?.Authorization ?? "" } });
        return { statusCode: response.status, body: await response.text(), headers: Object.fromEntries(response.headers) };
      },
    } as unknown as TwilioHttpClient;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("refuses to dial when the member has no phone, naming the field", async () => {
    await setMemberPhone(db, vaId, { phone: "" }, ctx());
    const dialer = createTwilioDialer({ accountSid: "AC0123", authToken: AUTH_TOKEN, fromNumber: "+15005550006" }, { httpClient });
    await expect(startCall(db, { dealId: (await lead()).id }, ctx(), { dialer, now: NOW, baseUrl: BASE })).rejects.toMatchObject({ code: "invalid", field: "phone" });
    expect(requests).toHaveLength(0);
  });

  it("rings the member's phone and bridges to the lead, then follows the signed status callbacks once each", async () => {
    await setMemberPhone(db, vaId, { phone: "+1 518 555 0199" }, ctx());
    const deal = await lead();
    const task = await callTask(deal.id);
    const dialer = createTwilioDialer({ accountSid: "AC0123", authToken: AUTH_TOKEN, fromNumber: "+15005550006" }, { httpClient });
    const started = await startCall(db, { dealId: deal.id, taskId: task.id }, ctx(), { dialer, now: NOW, baseUrl: BASE });
    expect(started.status === "FAILED" ? started.error : null).toBeNull();
    expect(started).toMatchObject({ status: "PLACED", provider: "twilio", callerId: "+15005550006" });
    const sent = requests.at(-1)!;
    expect(sent.path).toBe("/2010-04-01/Accounts/AC0123/Calls.json");
    expect(sent.params.get("To")).toBe("+15185550199");
    expect(sent.params.get("From")).toBe("+15005550006");
    expect(sent.params.get("Twiml")).toBe(`<Response><Dial callerId="+15005550006">${deal.contactPhone}</Dial></Response>`);
    const callback = `${BASE}/api/webhooks/twilio/${SLUG}/voice?callId=${started.call.id}`;
    expect(sent.params.get("StatusCallback")).toBe(callback);
    const call = await db.call.findUniqueOrThrow({ where: { id: started.call.id } });
    expect(call).toMatchObject({ status: "QUEUED", agentNumber: "+15185550199", fromNumber: "+15005550006" });

    const signed = (params: Record<string, string>, token = AUTH_TOKEN) => ({
      url: callback,
      headers: new Headers({ "x-twilio-signature": twilio.getExpectedTwilioSignature(token, callback, params) }),
      rawBody: new URLSearchParams(params).toString(),
    });
    const answered = { CallSid: call.providerCallId!, CallStatus: "in-progress", AccountSid: "AC0123" };
    expect(await handleTwilioCallStatus(db, signed(answered), AUTH_TOKEN, NOW)).toMatchObject({ changed: true, status: "IN_PROGRESS" });
    const completed = { ...answered, CallStatus: "completed", CallDuration: "95", RecordingUrl: "https://api.twilio.com/recordings/RE1" };
    expect(await handleTwilioCallStatus(db, signed(completed), AUTH_TOKEN, NOW)).toMatchObject({ changed: true, status: "COMPLETED" });
    const after = await db.call.findUniqueOrThrow({ where: { id: call.id } });
    expect(after).toMatchObject({ status: "COMPLETED", durationSeconds: 95, recordingUrl: "https://api.twilio.com/recordings/RE1" });
    expect(after.answeredAt).toEqual(NOW);

    // A replay changes nothing; a late "ringing" does not move the call back.
    expect(await handleTwilioCallStatus(db, signed(completed), AUTH_TOKEN)).toMatchObject({ duplicate: true, changed: false });
    expect(await handleTwilioCallStatus(db, signed({ ...answered, CallStatus: "ringing" }), AUTH_TOKEN)).toMatchObject({ changed: false, status: "COMPLETED" });
    expect(await db.call.findUniqueOrThrow({ where: { id: call.id } })).toEqual(after);

    // A bad signature is refused and records nothing.
    const forged = { ...signed({ ...completed, CallStatus: "failed" }), headers: new Headers({ "x-twilio-signature": "forged" }) };
    await expect(handleTwilioCallStatus(db, forged, AUTH_TOKEN)).rejects.toMatchObject({ code: "forbidden" });
    await expect(handleTwilioCallStatus(db, signed({ ...completed, CallStatus: "failed" }, "another-token-another-token-0000"), AUTH_TOKEN)).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.messageEvent.count({ where: { eventKey: `${call.providerCallId}:failed` } })).toBe(0);

    // Logged after Twilio measured it: Twilio's length stands, the task closes.
    const logged = await logCall(db, call.id, { outcome: "left_voicemail", durationSeconds: 30 }, ctx());
    expect(logged.call).toMatchObject({ status: "COMPLETED", durationSeconds: 95, outcome: "left_voicemail" });
    expect(await db.followUpTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: "DONE", outcome: "left_voicemail" });
  });
});
