"use server";

import { revalidatePath } from "next/cache";
import { auditContext } from "@/lib/auth/session";
import { CampaignIdInput, CampaignInput } from "@/lib/campaigns/schema";
import { createCampaign, pauseCampaign, startCampaign } from "@/lib/campaigns/service";
import { tenantAction } from "@/lib/http/action";

/** The new-campaign form; the form opens the campaign's page with the result. */
export const createCampaignAction = tenantAction(
  "campaigns.create",
  "campaigns:manage",
  CampaignInput,
  async (ctx, input) => {
    const result = await createCampaign(ctx.db, input, auditContext(ctx));
    revalidatePath("/campaigns");
    return result;
  },
  { message: "Campaign saved as a draft" },
);

/** Start a draft, or resume a paused campaign. */
export const startCampaignAction = tenantAction(
  "campaigns.start",
  "campaigns:manage",
  CampaignIdInput,
  async (ctx, input) => {
    const result = await startCampaign(ctx.db, input.campaignId, auditContext(ctx));
    revalidatePath(`/campaigns/${input.campaignId}`);
    return result;
  },
  { message: "Campaign started" },
);

export const pauseCampaignAction = tenantAction(
  "campaigns.pause",
  "campaigns:manage",
  CampaignIdInput,
  async (ctx, input) => {
    const result = await pauseCampaign(ctx.db, input.campaignId, auditContext(ctx));
    revalidatePath(`/campaigns/${input.campaignId}`);
    return result;
  },
  { message: "Campaign paused" },
);
