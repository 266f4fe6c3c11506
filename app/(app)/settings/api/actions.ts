"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createApiKey, CreateApiKeyInput, revokeApiKey } from "@/lib/apikeys/service";
import { auditContext } from "@/lib/auth/session";
import { tenantAction } from "@/lib/http/action";
import { pollDealMailbox } from "@/lib/intake/mailbox";
import { gmailMailbox, gmailMailboxConfigFor } from "@/lib/providers/gmail";
import { IntegrationsInput, rotateInboundEmailSecret, saveIntegrations } from "@/lib/tenants/integrations";
import { ExpectedError } from "@/lib/errors";

const PAGE = "/settings/api";

export const createApiKeyAction = tenantAction("apiKey.create", "apikeys:manage", CreateApiKeyInput, async (ctx, input) => {
  const { key, record } = await createApiKey(ctx.db, input, auditContext(ctx));
  revalidatePath(PAGE);
  return { key, name: record.name };
});

export const revokeApiKeyAction = tenantAction("apiKey.revoke", "apikeys:manage", z.object({ id: z.string().min(1) }), async (ctx, input) => {
  await revokeApiKey(ctx.db, input.id, auditContext(ctx));
  revalidatePath(PAGE);
  return { id: input.id };
}, { message: "API key revoked" });

export const saveIntegrationsAction = tenantAction("integrations.save", "integrations:manage", IntegrationsInput, async (ctx, input) => {
  await saveIntegrations(ctx.db, input, auditContext(ctx));
  revalidatePath(PAGE);
  return { saved: true };
}, { message: "Integrations saved" });

export const rotateInboundSecretAction = tenantAction("integrations.rotateSecret", "integrations:manage", z.object({}), async (ctx) => {
  const secret = await rotateInboundEmailSecret(ctx.db, auditContext(ctx));
  revalidatePath(PAGE);
  return { secret };
});

export const pollGmailNowAction = tenantAction("integrations.pollGmail", "integrations:manage", z.object({}), async (ctx) => {
  const gmail = await gmailMailboxConfigFor(ctx.db);
  if (!gmail) throw new ExpectedError("conflict", "Gmail is off: add its credentials under Integrations, or set GMAIL_CLIENT_ID, GMAIL_CLIENT_SECRET and GMAIL_REFRESH_TOKEN.");
  const report = await pollDealMailbox(ctx.db, gmailMailbox(gmail.config, gmail.label));
  revalidatePath("/deals");
  return report;
});
