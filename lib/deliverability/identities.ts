/**
 * Sending identities: the numbers and email domains deliverability control watches. The
 * workspace's configured Twilio number and SendGrid from-domain join on their own; more are
 * added on the Deliverability page. A person may pause or restore one with a reason (audited,
 * and kept in the decision log so the engine leaves a manual pause alone).
 */
import type { Prisma } from "@/generated/prisma/client";
import type { SenderStatus } from "@/generated/prisma/enums";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { resolveProviderCredentials } from "@/lib/providers/credentials";
import { normalizeSenderAddress } from "./identities-rules";
import { AddSenderInput, SetSenderStatusInput } from "./schema";

type Env = Record<string, string | undefined>;

function parsed<T>(result: { success: true; data: T } | { success: false; error: { issues: { message: string; path: PropertyKey[] }[] } }): T {
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ExpectedError("invalid", issue?.message ?? "Invalid input", issue?.path.map(String).join(".") || undefined);
}

export async function addSendingIdentity(db: TenantDb, input: AddSenderInput, ctx: AuditContext) {
  const data = parsed(AddSenderInput.safeParse(input));
  return db.$transaction(async (tx) => {
    const existing = await tx.sendingIdentity.findFirst({ where: { channel: data.channel, address: data.address }, select: { id: true } });
    if (existing) throw new ExpectedError("conflict", `${data.address} is already a sender`, "address");
    const identity = await tx.sendingIdentity.create({ data: { channel: data.channel, address: data.address, label: data.label } });
    await recordAudit(tx, { action: "sending_identity.added", entity: "SendingIdentity", entityId: identity.id, after: { channel: data.channel, address: data.address, label: data.label } }, ctx);
    return identity;
  });
}

/** The senders the workspace's credentials name, added when missing. Returns how many were added. */
export async function syncConfiguredIdentities(db: TenantDb, env: Env = process.env): Promise<number> {
  const [twilio, sendgrid] = await Promise.all([resolveProviderCredentials(db, "TWILIO", env), resolveProviderCredentials(db, "SENDGRID", env)]);
  const configured: { channel: "SMS" | "EMAIL"; address: string; label: string }[] = [];
  const number = twilio.credentials?.fromNumber ? normalizeSenderAddress("SMS", twilio.credentials.fromNumber) : null;
  if (number) configured.push({ channel: "SMS", address: number, label: "Twilio number" });
  const domain = sendgrid.credentials?.fromEmail ? normalizeSenderAddress("EMAIL", sendgrid.credentials.fromEmail) : null;
  if (domain) configured.push({ channel: "EMAIL", address: domain, label: "SendGrid domain" });
  if (configured.length === 0) return 0;
  const created = await db.sendingIdentity.createMany({ data: configured as Prisma.SendingIdentityCreateManyInput[], skipDuplicates: true });
  return created.count;
}

/** Pauses or restores a sender by hand: recorded as a decision (manual) and audited, in one transaction. */
export async function setSendingIdentityStatus(db: TenantDb, input: SetSenderStatusInput, ctx: AuditContext, now = new Date()) {
  const data = parsed(SetSenderStatusInput.safeParse(input));
  return db.$transaction(async (tx) => {
    const identity = await tx.sendingIdentity.findFirst({ where: { id: data.identityId } });
    if (!identity) throw new ExpectedError("not_found", "This sender does not exist", "identityId");
    const toStatus: SenderStatus = data.action === "pause" ? "PAUSED" : "ACTIVE";
    const toRate = data.action === "pause" ? 0 : 1;
    const statusReason = `${data.action === "pause" ? "Paused" : "Restored"} by hand: ${data.reason}`;
    const updated = await tx.sendingIdentity.update({ where: { id: identity.id }, data: { status: toStatus, rate: toRate, statusReason, lastDecisionAt: now } });
    await tx.throttleDecision.create({
      data: {
        identityId: identity.id,
        action: data.action,
        fromStatus: identity.status,
        toStatus,
        fromRate: identity.rate,
        toRate,
        reasons: [statusReason],
        stats: { manual: true, by: ctx.actorId },
        createdAt: now,
      },
    });
    await recordAudit(
      tx,
      { action: `sending_identity.${data.action === "pause" ? "paused" : "restored"}`, entity: "SendingIdentity", entityId: identity.id, before: { status: identity.status, rate: identity.rate }, after: { status: toStatus, rate: toRate, reason: data.reason } },
      ctx,
    );
    return updated;
  });
}

/** Whether a decision was a person's (the engine leaves a manual pause alone). */
export function isManualDecision(stats: Prisma.JsonValue | null | undefined): boolean {
  return typeof stats === "object" && stats !== null && !Array.isArray(stats) && (stats as Record<string, unknown>).manual === true;
}
