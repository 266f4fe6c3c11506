"use server";

import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/session";
import { keyringFromEnv } from "@/lib/credentials/keyring";
import { ProviderInput, SaveCredentialInput } from "@/lib/credentials/schema";
import { deleteCredential, saveCredential } from "@/lib/credentials/service";
import { tenantAction } from "@/lib/http/action";
import { testWorkspaceConnection } from "@/lib/providers/connection-test";

const PAGE = "/settings/integrations";

export const saveCredentialAction = tenantAction("credentials.save", "integrations:manage", SaveCredentialInput, async (ctx, input) => {
  const saved = await saveCredential(ctx.db, input, keyringFromEnv(), auditContext(ctx));
  revalidatePath(PAGE);
  return { provider: saved.provider };
}, { message: "Credentials saved" });

export const removeCredentialAction = tenantAction("credentials.remove", "integrations:manage", ProviderInput, async (ctx, input) => {
  await deleteCredential(ctx.db, input.provider, auditContext(ctx));
  revalidatePath(PAGE);
  return { provider: input.provider };
}, { message: "Credentials removed" });

export const testConnectionAction = tenantAction("credentials.test", "integrations:manage", ProviderInput, (ctx, input) =>
  testWorkspaceConnection(ctx.db, input.provider),
);
