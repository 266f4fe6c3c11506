import { apiRoute } from "@/lib/http/api-route";
import { getTenantSettings } from "@/lib/tenants/settings";
import { OfferComputeInput } from "@/lib/underwriting/schema";
import { computeOfferFor } from "@/lib/underwriting/service";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ route: "/api/v1/offers/compute", scope: "offers:write", body: OfferComputeInput }, async ({ db, body }) =>
  computeOfferFor(db, body, (await getTenantSettings(db)).spreadAlertThreshold),
);
