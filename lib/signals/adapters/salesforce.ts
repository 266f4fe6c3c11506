/**
 * Salesforce: an Opportunity whose stage changed, as a Flow or Apex callout posts the record
 * ({ Id, AccountId, StageName, LastModifiedDate?, Email?, Phone? }, with or without its
 * `attributes`), or a list of them. One signal per opportunity and stage: the same stage
 * posted again is a replay.
 */
import { z } from "zod";
import { fromZodIssues, invalidField, notAfter, parseCrmTime, type NormalizedSignal, type SignalAdapter } from "./types";

const Opportunity = z
  .object({
    Id: z.string({ error: "Id is required (the Opportunity id)" }).trim().min(1, "Id is required (the Opportunity id)").max(64),
    AccountId: z.string().trim().max(64).nullish(),
    StageName: z.string({ error: "StageName is required" }).trim().min(1, "StageName is required").max(120),
    LastModifiedDate: z.string().nullish(),
    Amount: z.number().nullish(),
    Email: z.string().trim().max(320).nullish(),
    Phone: z.string().trim().max(40).nullish(),
  })
  .loose();
const SalesforceBodyList = z.array(Opportunity).min(1, "Send at least one record").max(200, "At most 200 records per request");
/** One object or a list: parsed as what it is, so an issue names its own field rather than the union. */
const parseSalesforceBody = (body: unknown) => (Array.isArray(body) ? SalesforceBodyList.safeParse(body) : Opportunity.safeParse(body));

export const salesforceAdapter: SignalAdapter = {
  provider: "salesforce",
  source: "webhook:salesforce",
  normalize(body, now) {
    const parsed = parseSalesforceBody(body);
    if (!parsed.success) throw fromZodIssues(parsed.error.issues);
    const list = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
    return list.map((opp, index): NormalizedSignal => {
      const prefix = Array.isArray(parsed.data) ? `[${index}].` : "";
      let occurredAt = now;
      if (opp.LastModifiedDate) {
        const modified = parseCrmTime(opp.LastModifiedDate);
        if (!modified) throw invalidField(`${prefix}LastModifiedDate`, "LastModifiedDate must be an ISO 8601 time");
        occurredAt = notAfter(modified, now);
      }
      return {
        type: "crm_stage_change",
        occurredAt,
        dedupeKey: `salesforce:${opp.Id}:${opp.StageName}`,
        payload: { opportunityId: opp.Id, accountId: opp.AccountId ?? null, stage: opp.StageName, amount: opp.Amount ?? null },
        person: { crmIds: [opp.AccountId, opp.Id].filter((id): id is string => Boolean(id)), email: opp.Email ?? undefined, phone: opp.Phone ?? undefined },
        personField: `${prefix}${opp.AccountId ? "AccountId" : "Id"}`,
      };
    });
  },
};
