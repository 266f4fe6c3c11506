"use server";

import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/session";
import { removeRegistry, RemoveRegistryInput } from "@/lib/dnc";
import { tenantAction } from "@/lib/http/action";

export const removeRegistryAction = tenantAction("dnc.registry.remove", "compliance:manage", RemoveRegistryInput, async (ctx, input) => {
  const removed = await removeRegistry(ctx.db, input, auditContext(ctx));
  revalidatePath("/settings/compliance/registries");
  return removed;
}, { message: "Registry removed" });
