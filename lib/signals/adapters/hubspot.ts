/**
 * HubSpot's webhook: an array of events. A deal's `dealstage` changing is a CRM stage change;
 * any other change to a deal or contact, or one being created, is CRM activity. Other
 * subscriptions (deletions, merges) carry no intent and are left out. HubSpot's eventId is
 * unique per event, so a redelivered batch is a replay.
 */
import { z } from "zod";
import { fromZodIssues, notAfter, type NormalizedSignal, type SignalAdapter } from "./types";

const HubspotEvent = z
  .object({
    eventId: z.union([z.number(), z.string().min(1)], { error: "eventId is required" }),
    subscriptionType: z.string({ error: "subscriptionType is required" }).min(1, "subscriptionType is required"),
    objectId: z.union([z.number(), z.string().min(1)], { error: "objectId is required" }),
    occurredAt: z.number({ error: "occurredAt is required (Unix milliseconds)" }).positive("occurredAt is required (Unix milliseconds)"),
    portalId: z.number().optional(),
    propertyName: z.string().optional(),
    propertyValue: z.string().nullish(),
    changeSource: z.string().optional(),
  })
  .loose();
const HubspotBody = z.array(HubspotEvent, { error: "HubSpot sends an array of events" }).min(1, "Send at least one event").max(1000, "At most 1000 events per request");

/** The signal type of a subscription, or null for one that says nothing of intent. */
export function hubspotSignalType(subscriptionType: string, propertyName: string | undefined): "crm_stage_change" | "crm_activity" | null {
  if (subscriptionType === "deal.propertyChange" && propertyName === "dealstage") return "crm_stage_change";
  if (/^(deal|contact)\.(propertyChange|creation)$/.test(subscriptionType)) return "crm_activity";
  return null;
}

export const hubspotAdapter: SignalAdapter = {
  provider: "hubspot",
  source: "webhook:hubspot",
  normalize(body, now) {
    const parsed = HubspotBody.safeParse(body);
    if (!parsed.success) throw fromZodIssues(parsed.error.issues);
    return parsed.data.flatMap((event, index): NormalizedSignal[] => {
      const type = hubspotSignalType(event.subscriptionType, event.propertyName);
      if (!type) return [];
      const objectId = String(event.objectId);
      return [
        {
          type,
          occurredAt: notAfter(new Date(event.occurredAt), now),
          dedupeKey: `hubspot:${event.eventId}`,
          payload: {
            subscriptionType: event.subscriptionType,
            objectId,
            ...(event.propertyName ? { propertyName: event.propertyName, propertyValue: event.propertyValue ?? null } : {}),
            ...(event.portalId !== undefined ? { portalId: event.portalId } : {}),
          },
          person: { crmIds: [objectId] },
          personField: `[${index}].objectId`,
        },
      ];
    });
  },
};
