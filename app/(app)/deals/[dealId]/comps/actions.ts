"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { can } from "@/lib/auth/permissions";
import { auditContext } from "@/lib/auth/session";
import { fetchProviderComps } from "@/lib/comps/provider";
import { useCompsArv as applyCompsArv } from "@/lib/comps/service";
import { ExpectedError } from "@/lib/errors";
import { tenantAction } from "@/lib/http/action";
import { compsProviderFor } from "@/lib/providers/comps";

const DealRef = z.object({ dealId: z.string().min(1).max(64) });

const refresh = (dealId: string) => {
  revalidatePath(`/deals/${dealId}/comps`);
  revalidatePath(`/deals/${dealId}`);
};

/** "Use this ARV": the deal's ARV from its comps, re-underwritten with a new evidence row. */
export const useCompsArvAction = tenantAction("comps.use_arv", "comps:write", DealRef, async (ctx, input) => {
  // Pricing a deal is also editing it: the person needs both.
  if (!can(ctx.role, "deals:write")) throw new ExpectedError("forbidden", "Your role cannot edit deals.");
  const result = await applyCompsArv(ctx.db, auditContext(ctx), input.dealId);
  refresh(input.dealId);
  return { arv: result.arv, underwriting: result.underwriting };
});

/** Asks the workspace's comps provider for sales around the deal. */
export const fetchProviderCompsAction = tenantAction("comps.fetch_provider", "comps:write", DealRef, async (ctx, input) => {
  const provider = await compsProviderFor(ctx.db);
  if (!provider) throw new ExpectedError("conflict", "No comps provider is set up: add RentCast on Integrations.");
  const result = await fetchProviderComps(ctx.db, auditContext(ctx), input.dealId, provider);
  refresh(input.dealId);
  return result;
});
