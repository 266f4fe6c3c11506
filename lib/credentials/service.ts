/**
 * A workspace's provider credentials: saved sealed (crypto.ts), listed masked, read back
 * only on the server for the providers. Every save and removal is audited with the field
 * names that changed, never a secret or its hint.
 */
import { z } from "zod";
import type { ProviderCredential } from "@/generated/prisma/client";
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { openSecret, sealContext, sealSecret, UnsealError } from "./crypto";
import type { Keyring, KeyringState } from "./keyring";
import { maskSecret } from "./mask";
import { CREDENTIAL_FIELDS, CREDENTIAL_SCHEMAS, secretFieldsOf, type CredentialProvider, type CredentialsOf, type SaveCredentialInput } from "./schema";

/** What the browser may see of stored credentials. */
export interface CredentialSummary {
  provider: CredentialProvider;
  publicFields: Record<string, string>;
  secretHints: Record<string, string>;
  keyVersion: number;
  updatedAt: Date;
  updatedById: string | null;
}

type StringMap = Record<string, string>;

function asStringMap(value: unknown): StringMap {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

function summarize(row: ProviderCredential): CredentialSummary {
  return {
    provider: row.provider,
    publicFields: asStringMap(row.publicFields),
    secretHints: asStringMap(row.secretHints),
    keyVersion: row.keyVersion,
    updatedAt: row.updatedAt,
    updatedById: row.updatedById,
  };
}

export async function listCredentialSummaries(db: TenantDb): Promise<CredentialSummary[]> {
  const rows = await db.providerCredential.findMany({ orderBy: { provider: "asc" } });
  return rows.map(summarize);
}

function openRow(keyring: Keyring, row: ProviderCredential): StringMap {
  return asStringMap(JSON.parse(openSecret(keyring, row, sealContext(row.tenantId, row.provider))));
}

/** The workspace's stored credentials for `provider`, decrypted; null when none are stored. Throws UnsealError. */
export async function readStoredCredentials<P extends CredentialProvider>(
  db: TenantDb,
  provider: P,
  keyring: Keyring | null,
): Promise<CredentialsOf<P> | null> {
  const row = await db.providerCredential.findUnique({ where: { tenantId_provider: { tenantId: db.tenantId, provider } } });
  if (!row) return null;
  if (!keyring) throw new ExpectedError("conflict", `Stored ${provider} credentials cannot be read: CREDENTIALS_KEY is not set`);
  const schema = CREDENTIAL_SCHEMAS[provider] as unknown as z.ZodType<CredentialsOf<P>>;
  let secrets: StringMap;
  try {
    secrets = openRow(keyring, row);
  } catch (error) {
    if (!(error instanceof UnsealError)) throw error;
    throw new ExpectedError("conflict", `Stored ${provider} credentials cannot be decrypted: ${error.message}. Check CREDENTIALS_KEY, or enter them again on Integrations.`);
  }
  return schema.parse({ ...asStringMap(row.publicFields), ...secrets });
}

export function requireKeyring(state: KeyringState): Keyring {
  if (state.status === "ready") return state.keyring;
  throw new ExpectedError(
    "conflict",
    state.status === "missing"
      ? "Secrets cannot be saved: the server has no CREDENTIALS_KEY, and they are never stored in clear."
      : `Secrets cannot be saved: ${state.reason}.`,
  );
}

/** The form's values with every blank secret taken from the stored row, then checked by the provider's schema. */
function mergeWithStored(input: SaveCredentialInput, stored: StringMap | null): StringMap {
  const merged: StringMap = {};
  for (const field of CREDENTIAL_FIELDS[input.provider]) {
    const value = (input[field.name] ?? "").trim();
    merged[field.name] = field.secret && value === "" && stored?.[field.name] ? stored[field.name] : value;
  }
  return merged;
}

export async function saveCredential(db: TenantDb, input: SaveCredentialInput, keyringState: KeyringState, ctx: AuditContext): Promise<CredentialSummary> {
  const keyring = requireKeyring(keyringState);
  const { provider } = input;
  const existing = await db.providerCredential.findUnique({ where: { tenantId_provider: { tenantId: db.tenantId, provider } } });
  const secrets = secretFieldsOf(provider);
  const needsStored = existing && secrets.some((name) => !(input[name] ?? "").trim());
  let stored: StringMap | null = null;
  if (existing && needsStored) {
    try {
      stored = openRow(keyring, existing);
    } catch {
      throw new ExpectedError("conflict", "The stored secrets cannot be read with the current key: enter every secret again.");
    }
  }
  const config = CREDENTIAL_SCHEMAS[provider].parse(mergeWithStored(input, stored)) as StringMap;
  const secretValues: StringMap = {};
  const publicFields: StringMap = {};
  for (const [name, value] of Object.entries(config)) {
    if (value === undefined || value === "") continue;
    (secrets.includes(name) ? secretValues : publicFields)[name] = value;
  }
  const sealed = sealSecret(keyring, JSON.stringify(secretValues), sealContext(db.tenantId, provider));
  const secretHints = Object.fromEntries(Object.entries(secretValues).map(([name, value]) => [name, maskSecret(value)]));
  const secretsChanged = secrets.filter((name) => (input[name] ?? "").trim() !== "");

  return db.$transaction(async (tx) => {
    const data = { publicFields, secretHints, ...sealed, updatedById: ctx.actorId };
    const row = await tx.providerCredential.upsert({
      where: { tenantId_provider: { tenantId: db.tenantId, provider } },
      create: { provider, ...data },
      update: data,
    });
    await recordAudit(
      tx,
      {
        action: existing ? "credentials.updated" : "credentials.created",
        entity: "ProviderCredential",
        entityId: row.id,
        before: existing ? { provider, publicFields: existing.publicFields } : undefined,
        after: { provider, publicFields, secretsChanged, keyVersion: sealed.keyVersion },
      },
      ctx,
    );
    return summarize(row);
  });
}

export async function deleteCredential(db: TenantDb, provider: CredentialProvider, ctx: AuditContext): Promise<{ removed: boolean }> {
  return db.$transaction(async (tx) => {
    const existing = await tx.providerCredential.findUnique({ where: { tenantId_provider: { tenantId: db.tenantId, provider } } });
    if (!existing) throw new ExpectedError("not_found", "No credentials are stored for this provider");
    await tx.providerCredential.delete({ where: { id: existing.id } });
    await recordAudit(tx, { action: "credentials.removed", entity: "ProviderCredential", entityId: existing.id, before: { provider, publicFields: existing.publicFields } }, ctx);
    return { removed: true };
  });
}
