import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { delegateName } from "@/lib/db/models";
import { seedRowFor } from "./factories";

type Delegate = Record<string, (args?: unknown) => Promise<unknown>>;
type RuntimeField = { name: string; kind: string; type: string };

/** The free-text columns of a model (scalar String, not an id and not a `...Id` reference), from the runtime data model. */
export function textColumns(prisma: PrismaClient, model: string): string[] {
  const dataModel = (prisma as unknown as { _runtimeDataModel: { models: Record<string, { fields: RuntimeField[] }> } })
    ._runtimeDataModel;
  return dataModel.models[model].fields
    .filter((f) => f.kind === "scalar" && f.type === "String" && f.name !== "id" && !f.name.endsWith("Id"))
    .map((f) => f.name);
}

export function rootDelegate(prisma: PrismaClient, model: string): Delegate {
  return (prisma as unknown as Record<string, Delegate>)[delegateName(model)];
}

export async function makeTenant(prisma: PrismaClient, label = "t") {
  const slug = `${label}-${randomBytes(5).toString("hex")}`;
  return prisma.tenant.create({ data: { slug, name: slug } });
}

/**
 * Valid create data for any tenant-owned model, without `tenantId`: a row made by the
 * model's factory in a scratch tenant, read back, with a fresh id and fresh values in
 * every free-text String column (so global unique columns such as ApiKey.prefix or
 * Invitation.tokenHash do not collide). Columns named `...Id` keep their value, so
 * required references (dealId, jobId, userId) still point at existing rows. Null
 * columns are left out (Prisma refuses a plain null for a nullable Json column).
 */
export async function createDataFor(prisma: PrismaClient, model: string): Promise<Record<string, unknown>> {
  const scratch = await makeTenant(prisma, "scratch");
  const seeded = await seedRowFor(prisma, model, scratch.id);
  const row = (await rootDelegate(prisma, model).findUniqueOrThrow({ where: { id: seeded.id } })) as Record<string, unknown>;
  const text = new Set(textColumns(prisma, model));
  const data: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) {
    if (name === "tenantId" || value === null) continue;
    if (name === "id") data.id = `c${randomBytes(10).toString("hex")}`;
    else if (typeof value === "string" && text.has(name)) data[name] = `${value}-${randomBytes(4).toString("hex")}`;
    else data[name] = value;
  }
  return data;
}

