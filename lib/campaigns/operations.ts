import { z } from "zod";
import type { ApiOperation } from "@/lib/api/openapi";
import { CampaignIdInput, CampaignInput } from "./schema";

const ListQuery = z.object({ page: z.coerce.number().int().min(1).max(10_000).optional() });

/** The v1 operations of email and mail campaigns, in the OpenAPI document. */
export const CAMPAIGN_OPERATIONS: ApiOperation[] = [
  { method: "get", path: "/api/v1/campaigns", summary: "Campaigns, newest first (50 a page), each with its recipients, funnel and open, click, bounce and unsubscribe rates", scope: "campaigns:read", query: ListQuery },
  {
    method: "post",
    path: "/api/v1/campaigns",
    summary: "Create a DRAFT campaign: name, channel (EMAIL or MAIL), audience (a saved Prospects view by savedViewId, or a Prospects query string as audienceQuery, or a buyer segment), variants [{ subject, body }] with merge fields {{first_name}} {{address}} {{city}}, scheduledAt, dailyLimit (100), minScore (60)",
    scope: "campaigns:write",
    body: CampaignInput,
    idempotent: true,
    creates: true,
  },
  { method: "get", path: "/api/v1/campaigns/{campaignId}", summary: "One campaign with its variants", scope: "campaigns:read", params: CampaignIdInput },
  { method: "patch", path: "/api/v1/campaigns/{campaignId}", summary: "Replace a DRAFT campaign's fields and variants (the same body as creating it); 409 once started", scope: "campaigns:write", params: CampaignIdInput, body: CampaignInput },
  { method: "delete", path: "/api/v1/campaigns/{campaignId}", summary: "Delete a DRAFT campaign; 409 once started", scope: "campaigns:write", params: CampaignIdInput },
  {
    method: "post",
    path: "/api/v1/campaigns/{campaignId}/start",
    summary: "Start a draft or resume a paused campaign: SCHEDULED while scheduledAt is ahead, else SENDING. 422 naming postalAddress or unsubscribe when its emails could not carry the postal address and the unsubscribe link",
    scope: "campaigns:write",
    params: CampaignIdInput,
  },
  { method: "post", path: "/api/v1/campaigns/{campaignId}/pause", summary: "Pause a sending or scheduled campaign: nothing more is sent until it is started again, and nobody is sent twice", scope: "campaigns:write", params: CampaignIdInput },
  {
    method: "get",
    path: "/api/v1/campaigns/{campaignId}/metrics",
    summary: "The funnel (sent, delivered, opened, clicked: cumulative), recipients per state, BLOCKED recipients per gate, and per variant the open, click, bounce and unsubscribe rates over the emails sent",
    scope: "campaigns:read",
    params: CampaignIdInput,
  },
];
