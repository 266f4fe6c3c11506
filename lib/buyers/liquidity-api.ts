/** The liquidity endpoints of API v1, over lib/buyers: parsed input in, plain JSON out. */
import type { TenantDb } from "@/lib/db/tenant";
import { recordBuyerFeedback } from "./feedback";
import { ANY_PROPERTY_TYPE } from "./liquidity-rules";
import type { FeedbackBody } from "./liquidity-schema";

/** Records one feedback event from an API client; a buyer or deal of another workspace is 404. */
export async function recordFeedbackFromApi(db: TenantDb, body: FeedbackBody, requestId: string): Promise<{ recorded: number; duplicates: number }> {
  return db.$transaction((tx) =>
    recordBuyerFeedback(tx, [
      {
        buyerId: body.buyerId,
        dealId: body.dealId ?? null,
        kind: body.event,
        correlationId: body.correlationId ?? requestId,
        occurredAt: body.occurredAt,
        node: body.dealId ? null : { region: body.region!, market: body.market!, propertyType: body.propertyType ?? ANY_PROPERTY_TYPE },
        data: { source: "api" },
      },
    ]),
  );
}
