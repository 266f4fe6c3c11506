"use server";

import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/session";
import { tenantAction } from "@/lib/http/action";
import { addDoNotContact, changeConsent, removeDoNotContact } from "@/lib/outbound";
import { ComplianceSettingsInput, ConsentChangeInput, DoNotContactInput, RemoveDoNotContactInput } from "@/lib/outbound/schema";
import { updateComplianceSettings } from "@/lib/outbound/settings";

const PAGE = "/settings/compliance";

export const addDoNotContactAction = tenantAction("compliance.dnc.add", "compliance:manage", DoNotContactInput, async (ctx, input) => {
  const row = await addDoNotContact(ctx.db, input, auditContext(ctx));
  revalidatePath(PAGE);
  return { id: row.id, value: row.value };
}, { message: "Added to the do-not-contact list" });

export const removeDoNotContactAction = tenantAction("compliance.dnc.remove", "compliance:manage", RemoveDoNotContactInput, async (ctx, input) => {
  const row = await removeDoNotContact(ctx.db, input, auditContext(ctx));
  revalidatePath(PAGE);
  return row;
}, { message: "Removed from the do-not-contact list" });

export const changeConsentAction = tenantAction("compliance.consent.change", "compliance:manage", ConsentChangeInput, async (ctx, input) => {
  const result = await changeConsent(ctx.db, input, auditContext(ctx));
  revalidatePath(PAGE);
  return result;
}, { message: "Consent recorded" });

export const saveComplianceSettingsAction = tenantAction("compliance.settings", "compliance:manage", ComplianceSettingsInput, async (ctx, input) => {
  const saved = await updateComplianceSettings(ctx.db, input, auditContext(ctx));
  revalidatePath(PAGE);
  return saved;
}, { message: "Compliance settings saved" });
