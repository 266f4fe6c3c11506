import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { scopeToTenant, type TenantDb } from "@/lib/db/tenant";
import { keyringFromEnv, parseKeyring, type KeyringState } from "@/lib/credentials/keyring";
import { rotateCredentials } from "@/lib/credentials/rotation";
import { deleteCredential, listCredentialSummaries, readStoredCredentials, saveCredential } from "@/lib/credentials/service";
import { testProviderConnection, testWorkspaceConnection } from "@/lib/providers/connection-test";
import { resolveProviderCredentials } from "@/lib/providers/credentials";
import { discordWebhookUrlFor } from "@/lib/providers/discord";
import { messagingProvidersFor } from "@/lib/providers/messaging";
import { describeProviders } from "@/lib/providers/overview";
import { twilioAuthTokenFor } from "@/lib/providers/twilio";
import { makeTenant } from "../helpers/clone-row";
import { createTestDatabase } from "../helpers/db";

const KEY_V1 = randomBytes(32).toString("base64");
const KEY_V2 = randomBytes(32).toString("base64");
const ENV_V1 = { CREDENTIALS_KEY: KEY_V1 };
const READY: KeyringState = { status: "ready", keyring: parseKeyring(KEY_V1) };
const ACTOR = { actorId: "user-1", actorEmail: "owner@example.test", requestId: "req-1" };

const TWILIO_TOKEN = "twilio-secret-token-9f2c1a7e";
const TWILIO = { provider: "TWILIO" as const, accountSid: "AC0123456789abcdef0123456789abcdef", authToken: TWILIO_TOKEN, fromNumber: "+15555550100", messagingServiceSid: "" };

let database: Database;
let db: TenantDb;

beforeAll(async () => {
  database = await createTestDatabase();
  db = scopeToTenant(database.prisma, (await makeTenant(database.prisma, "creds")).id);
});
afterAll(() => database.close());

async function newWorkspace(label: string) {
  return scopeToTenant(database.prisma, (await makeTenant(database.prisma, label)).id);
}

/** Every text the database holds for the workspace's credentials and their audit lines. */
async function storedText(workspace: TenantDb): Promise<string> {
  const rows = await database.prisma.providerCredential.findMany({ where: { tenantId: workspace.tenantId } });
  const audit = await database.prisma.auditEvent.findMany({ where: { tenantId: workspace.tenantId } });
  return JSON.stringify({ rows, audit });
}

describe("workspace provider credentials", () => {
  it("stores the secret only as ciphertext, and neither the listing nor the audit log carries it", async () => {
    const saved = await saveCredential(db, TWILIO, READY, ACTOR);
    expect(saved.secretHints).toEqual({ authToken: "…1a7e" });
    expect(saved.publicFields).toEqual({ accountSid: TWILIO.accountSid, fromNumber: "+15555550100" });

    const text = await storedText(db);
    expect(text).not.toContain(TWILIO_TOKEN);
    const auditText = JSON.stringify(await database.prisma.auditEvent.findMany({ where: { tenantId: db.tenantId } }));
    expect(auditText).not.toContain("…1a7e"); // not even the masked hint
    const audit = await database.prisma.auditEvent.findFirstOrThrow({ where: { tenantId: db.tenantId, action: "credentials.created" } });
    expect(audit.after).toMatchObject({ provider: "TWILIO", secretsChanged: ["authToken"], keyVersion: 1 });
    expect(audit.actorId).toBe("user-1");

    expect(JSON.stringify(await listCredentialSummaries(db))).not.toContain(TWILIO_TOKEN);
    expect(JSON.stringify(await describeProviders(db, ENV_V1))).not.toContain(TWILIO_TOKEN);
    expect(await readStoredCredentials(db, "TWILIO", READY.status === "ready" ? READY.keyring : null)).toMatchObject({ authToken: TWILIO_TOKEN });
  });

  it("keeps the stored secret when the field is left blank, and replaces it when typed", async () => {
    const workspace = await newWorkspace("blank");
    await saveCredential(workspace, TWILIO, READY, ACTOR);
    await saveCredential(workspace, { ...TWILIO, authToken: "", fromNumber: "+15555550199" }, READY, ACTOR);
    const keyring = parseKeyring(KEY_V1);
    expect(await readStoredCredentials(workspace, "TWILIO", keyring)).toMatchObject({ authToken: TWILIO_TOKEN, fromNumber: "+15555550199" });
    const updated = await database.prisma.auditEvent.findFirstOrThrow({ where: { tenantId: workspace.tenantId, action: "credentials.updated" } });
    expect(updated.after).toMatchObject({ secretsChanged: [] });

    await saveCredential(workspace, { ...TWILIO, authToken: "a-brand-new-token-0000" }, READY, ACTOR);
    expect(await readStoredCredentials(workspace, "TWILIO", keyring)).toMatchObject({ authToken: "a-brand-new-token-0000" });
  });

  it("refuses a blank secret with nothing stored, naming the field", async () => {
    const workspace = await newWorkspace("missing");
    await expect(saveCredential(workspace, { ...TWILIO, authToken: "" }, READY, ACTOR)).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["authToken"] })],
    });
    await expect(saveCredential(workspace, { ...TWILIO, fromNumber: "" }, READY, ACTOR)).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["fromNumber"] })],
    });
  });

  it("refuses to save anything without CREDENTIALS_KEY rather than store it in clear", async () => {
    const workspace = await newWorkspace("nokey");
    await expect(saveCredential(workspace, TWILIO, keyringFromEnv({}), ACTOR)).rejects.toThrow(/no CREDENTIALS_KEY/);
    expect(await database.prisma.providerCredential.count({ where: { tenantId: workspace.tenantId } })).toBe(0);
    expect((await describeProviders(workspace, {})).keyring).toBe("missing");
  });

  it("resolves the workspace's credentials first, then the environment's, then the local implementation", async () => {
    const workspace = await newWorkspace("order");
    const env = { ...ENV_V1, TWILIO_ACCOUNT_SID: "ACenvironment", TWILIO_AUTH_TOKEN: "environment-token", TWILIO_FROM_NUMBER: "+15555550111" };
    expect(await resolveProviderCredentials(workspace, "TWILIO", ENV_V1)).toEqual({ source: "local", credentials: null });
    expect((await messagingProvidersFor(workspace, ENV_V1)).sms.name).toBe("outbox");

    const fromEnv = await resolveProviderCredentials(workspace, "TWILIO", env);
    expect(fromEnv).toMatchObject({ source: "environment", credentials: { authToken: "environment-token" } });
    expect((await messagingProvidersFor(workspace, env)).sms.name).toBe("twilio");

    await saveCredential(workspace, TWILIO, READY, ACTOR);
    expect(await resolveProviderCredentials(workspace, "TWILIO", env)).toMatchObject({ source: "workspace", credentials: { authToken: TWILIO_TOKEN } });
    expect(await twilioAuthTokenFor(workspace, env)).toBe(TWILIO_TOKEN);
    expect((await describeProviders(workspace, env)).providers.find((p) => p.provider === "TWILIO")).toMatchObject({ source: "workspace", shown: { authToken: "…1a7e" } });

    // Another workspace with nothing stored still gets the environment's.
    expect(await twilioAuthTokenFor(await newWorkspace("other"), env)).toBe("environment-token");

    await deleteCredential(workspace, "TWILIO", ACTOR);
    expect((await resolveProviderCredentials(workspace, "TWILIO", env)).source).toBe("environment");
    expect(await database.prisma.auditEvent.count({ where: { tenantId: workspace.tenantId, action: "credentials.removed" } })).toBe(1);
  });

  it("fails closed when stored credentials cannot be decrypted instead of falling back", async () => {
    const workspace = await newWorkspace("closed");
    await saveCredential(workspace, TWILIO, READY, ACTOR);
    const env = { TWILIO_ACCOUNT_SID: "ACenvironment", TWILIO_AUTH_TOKEN: "environment-token", TWILIO_FROM_NUMBER: "+15555550111" };
    await expect(resolveProviderCredentials(workspace, "TWILIO", env)).rejects.toThrow(/CREDENTIALS_KEY is not set/);
    await expect(resolveProviderCredentials(workspace, "TWILIO", { ...env, CREDENTIALS_KEY: KEY_V2 })).rejects.toThrow(/does not open/);
  });

  it("does not open a row copied into another workspace", async () => {
    const [a, b] = [await newWorkspace("a"), await newWorkspace("b")];
    await saveCredential(a, TWILIO, READY, ACTOR);
    const row = await database.prisma.providerCredential.findFirstOrThrow({ where: { tenantId: a.tenantId } });
    await database.prisma.providerCredential.create({ data: { ...row, id: `copy-${row.id}`, tenantId: b.tenantId, publicFields: row.publicFields as object, secretHints: row.secretHints as object } });
    expect(await listCredentialSummaries(a)).toHaveLength(1);
    await expect(readStoredCredentials(b, "TWILIO", parseKeyring(KEY_V1))).rejects.toThrow(/does not open/);
  });

  it("rotates every row to the newest key, audits it, and reports rows no key opens", async () => {
    const workspace = await newWorkspace("rotate");
    await saveCredential(workspace, TWILIO, READY, ACTOR);
    await saveCredential(workspace, { provider: "SAM_GOV", apiKey: "sam-gov-api-key-123456" }, READY, ACTOR);
    const both = parseKeyring(`2:${KEY_V2},1:${KEY_V1}`);

    const report = await rotateCredentials(workspace, both, { actorId: null, actorEmail: "operator", requestId: undefined });
    expect(report).toEqual({ keyVersion: 2, rotated: 2, alreadyCurrent: 0, failed: [] });
    expect(await rotateCredentials(workspace, both, ACTOR)).toMatchObject({ rotated: 0, alreadyCurrent: 2 });

    const onlyNew = parseKeyring(`2:${KEY_V2}`);
    expect(await readStoredCredentials(workspace, "SAM_GOV", onlyNew)).toEqual({ apiKey: "sam-gov-api-key-123456", dailyBudget: 10 });
    expect(await database.prisma.auditEvent.count({ where: { tenantId: workspace.tenantId, action: "credentials.rotated" } })).toBe(2);
    expect(await storedText(workspace)).not.toContain("sam-gov-api-key-123456");

    const unknown = parseKeyring(`3:${randomBytes(32).toString("base64")}`);
    const stuck = await rotateCredentials(workspace, unknown, ACTOR);
    expect(stuck.failed.map((f) => f.provider).sort()).toEqual(["SAM_GOV", "TWILIO"]);
  });

  it("sends alerts to the stored Discord webhook before the alert settings' one and the environment's", async () => {
    const workspace = await newWorkspace("discord");
    const env = { ...ENV_V1, DISCORD_WEBHOOK_URL: "https://discord.com/api/webhooks/1/environment" };
    expect(await discordWebhookUrlFor(workspace, env)).toBe("https://discord.com/api/webhooks/1/environment");
    await database.prisma.tenant.update({ where: { id: workspace.tenantId }, data: { settings: { discordWebhookUrl: "https://discord.com/api/webhooks/1/settings" } } });
    expect(await discordWebhookUrlFor(workspace, env)).toBe("https://discord.com/api/webhooks/1/settings");
    await saveCredential(workspace, { provider: "DISCORD", webhookUrl: "https://discord.com/api/webhooks/1/stored-secret-token" }, READY, ACTOR);
    expect(await discordWebhookUrlFor(workspace, env)).toBe("https://discord.com/api/webhooks/1/stored-secret-token");
    expect(await storedText(workspace)).not.toContain("stored-secret-token");
  });
});

describe("test connection", () => {
  it("reports a network failure as it is, never a success", async () => {
    const refused = (() => Promise.reject(Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } }))) as typeof fetch;
    const report = await testProviderConnection("SAM_GOV", { apiKey: "sam-gov-api-key-123456", dailyBudget: 10 }, { fetchImpl: refused });
    expect(report).toEqual({ ok: false, status: null, message: "Could not reach api.sam.gov: ECONNREFUSED" });
    expect(report.message).not.toContain("sam-gov-api-key");
  });

  it("reports the provider's status and message", async () => {
    const answer = (status: number, body: unknown) => (() => Promise.resolve(new Response(JSON.stringify(body), { status }))) as typeof fetch;
    const twilio = { accountSid: TWILIO.accountSid, authToken: TWILIO_TOKEN, fromNumber: "+15555550100" };
    expect(await testProviderConnection("TWILIO", twilio, { fetchImpl: answer(401, { code: 20003, message: "Authenticate" }) })).toEqual({ ok: false, status: 401, message: "Authenticate" });
    expect(await testProviderConnection("TWILIO", twilio, { fetchImpl: answer(200, { friendly_name: "Acme", status: "active" }) })).toEqual({ ok: true, status: 200, message: "Account “Acme” is active" });
    expect(await testProviderConnection("SENDGRID", { apiKey: "SG.x", fromEmail: "a@example.test" }, { fetchImpl: answer(200, { scopes: ["alerts.read"] }) })).toMatchObject({ ok: false, status: 200, message: "The key has 1 scopes; mail.send is missing" });
  });

  it("sends the stored credentials, and says so when there are none", async () => {
    const workspace = await newWorkspace("test-conn");
    expect(await testWorkspaceConnection(workspace, "TWILIO", { env: ENV_V1 })).toMatchObject({ ok: false, status: null, source: "local" });
    await saveCredential(workspace, TWILIO, READY, ACTOR);
    const calls: { url: string; authorization: string | null }[] = [];
    const recording = ((url: string, init?: RequestInit) => {
      calls.push({ url, authorization: new Headers(init?.headers).get("authorization") });
      return Promise.resolve(new Response(JSON.stringify({ friendly_name: "Acme", status: "suspended" }), { status: 200 }));
    }) as typeof fetch;
    const report = await testWorkspaceConnection(workspace, "TWILIO", { env: ENV_V1, fetchImpl: recording });
    expect(report).toMatchObject({ ok: false, status: 200, source: "workspace", message: "Account “Acme” is suspended" });
    expect(calls[0].url).toBe(`https://api.twilio.com/2010-04-01/Accounts/${TWILIO.accountSid}.json`);
    expect(calls[0].authorization).toBe(`Basic ${Buffer.from(`${TWILIO.accountSid}:${TWILIO_TOKEN}`).toString("base64")}`);
  });
});
