import { z } from "zod";
import { ENGINE_NAMES, ENGINE_TRIGGERS } from "@/lib/engines/types";

/** enqueueEvents stamps the writing tenant on every event, so every payload names it. */
/** `requestId`: the request that caused the event, when one did (lib/observability/request-context.ts). */
const TenantEvent = z.object({ tenantId: z.string().min(1), requestId: z.string().max(128).optional() });
const LeadEvent = TenantEvent.extend({ dealId: z.string().min(1) });
const Channel = z.enum(["SMS", "EMAIL", "CALL"]);

function defineEvent<const Name extends string, Data extends z.ZodObject>(name: Name, data: Data) {
  return { name, data };
}

/** Every event the app sends or reacts to: its name and the shape of its payload. */
export const EVENT_CATALOG = {
  auditDigestRequested: defineEvent("audit/digest.requested", TenantEvent),
  /** A lead (deal) was created. Starts its follow-up ladder. */
  leadCreated: defineEvent("lead/created", LeadEvent.extend({ source: z.string().optional() })),
  /** Start ladder on a deal by hand; `ladderId` names the row the start already wrote. */
  ladderStartRequested: defineEvent(
    "ladder/start.requested",
    LeadEvent.extend({ ladderId: z.string().min(1).optional(), actorId: z.string().nullish() }),
  ),
  /** Ends a lead's ladder (manual stop, status change). */
  ladderStopRequested: defineEvent("ladder/stop.requested", LeadEvent.extend({ reason: z.string().optional() })),
  /** An inbound SMS or email reply from a lead. */
  messageReceived: defineEvent("message/received", LeadEvent.extend({ messageId: z.string().min(1), channel: Channel })),
  /** A lead's address opted out. */
  contactOptedOut: defineEvent("contact/opted-out", LeadEvent.extend({ channel: Channel, address: z.string().min(1) })),
  /** A deal's status changed; `endsLadder` lets the ladder's cancelOn tell pipeline bookkeeping apart. */
  dealStatusChanged: defineEvent(
    "deal/status.changed",
    LeadEvent.extend({ from: z.string().min(1), to: z.string().min(1), endsLadder: z.boolean() }),
  ),
  /** A blast was written with its recipients: its sender works through them in chunks. */
  blastQueued: defineEvent("blast/queued", TenantEvent.extend({ blastId: z.string().min(1) })),
  /**
   * A lead's or a buyer's intent score reached the high-intent threshold: enrich their
   * context if it lacks a way to reach them, then propose a draft for approval.
   */
  intentHigh: defineEvent(
    "intent/high",
    TenantEvent.extend({ dealId: z.string().min(1).optional(), buyerId: z.string().min(1).optional(), score: z.number().int(), threshold: z.number().int() }),
  ),
  /** Run an engine for a tenant now. */
  engineRunRequested: defineEvent(
    "engine/run.requested",
    TenantEvent.extend({
      engine: z.enum(ENGINE_NAMES),
      // A sender that names no known trigger still gets its run, recorded as an event run.
      trigger: z.enum(ENGINE_TRIGGERS).catch("event"),
      /** For orchestrator runs: the next run time they were scheduled for. */
      scheduledFor: z.string().optional(),
    }),
  ),
  /** Sent after every engine run, done or failed: the orchestrator picks the next run from it. */
  engineRunFinished: defineEvent(
    "engine/run.finished",
    TenantEvent.extend({ engine: z.enum(ENGINE_NAMES), outcome: z.string().optional() }),
  ),
};

type Catalog = typeof EVENT_CATALOG;
export type EventKey = keyof Catalog;
export type EventName = Catalog[EventKey]["name"];
/** The payload of the event with this name, as its schema reads it. */
export type EventData<Name extends EventName> = z.output<Extract<Catalog[EventKey], { name: Name }>["data"]>;

/** The event names by key, for triggers and for writing events. */
export const EVENTS = Object.fromEntries(Object.entries(EVENT_CATALOG).map(([key, event]) => [key, event.name])) as {
  readonly [Key in EventKey]: Catalog[Key]["name"];
};

const schemaByName = new Map<string, z.ZodObject>(Object.values(EVENT_CATALOG).map((event) => [event.name, event.data]));

type DataOf<Name extends string> = Name extends EventName ? EventData<Name> : never;

/**
 * Reads an event's payload with its catalog schema; throws for a name the catalog does not
 * know (such as an SDK event a function was not written for) or a malformed payload.
 */
export function parseEventData<Name extends string>(name: Name, data: unknown): DataOf<Name> {
  const schema = schemaByName.get(name);
  if (!schema) throw new Error(`Unknown event ${name}`);
  return schema.parse(data) as DataOf<Name>;
}
