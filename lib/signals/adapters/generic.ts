/**
 * The generic signal: one JSON object, or an array of up to 500, in Dealflow's own shape.
 * { type, occurredAt, dedupeKey?, dealId? | buyerId? | email? | phone?, payload? }
 * Without a dedupeKey the key is a hash of what was sent, so a redelivery is still a replay.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { SIGNAL_TYPES } from "../types";
import { fromZodIssues, invalidField, notAfter, parseCrmTime, type NormalizedSignal, type SignalAdapter } from "./types";

const GenericSignal = z
  .object({
    type: z.enum(SIGNAL_TYPES, { error: `type must be one of ${SIGNAL_TYPES.join(", ")}` }),
    occurredAt: z.union([z.string(), z.number()], { error: "occurredAt is required (ISO 8601 or Unix milliseconds)" }),
    dedupeKey: z.string().trim().min(1).max(200).optional(),
    dealId: z.string().trim().min(1).max(64).optional(),
    buyerId: z.string().trim().min(1).max(64).optional(),
    email: z.string().trim().min(3).max(320).optional(),
    phone: z.string().trim().min(3).max(40).optional(),
    payload: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((s) => s.dealId || s.buyerId || s.email || s.phone, { message: "Name the person: dealId, buyerId, email or phone", path: ["dealId"] });
const GenericBodyList = z.array(GenericSignal).min(1, "Send at least one signal").max(500, "At most 500 signals per request");
/** One object or a list: parsed as what it is, so an issue names its own field rather than the union. */
const parseGenericBody = (body: unknown) => (Array.isArray(body) ? GenericBodyList.safeParse(body) : GenericSignal.safeParse(body));

function hashOf(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 32);
}

export const genericAdapter: SignalAdapter = {
  provider: "generic",
  source: "webhook:generic",
  normalize(body, now) {
    const parsed = parseGenericBody(body);
    if (!parsed.success) throw fromZodIssues(parsed.error.issues);
    const list = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
    return list.map((signal, index): NormalizedSignal => {
      const prefix = Array.isArray(parsed.data) ? `[${index}].` : "";
      const occurredAt = parseCrmTime(signal.occurredAt);
      if (!occurredAt) throw invalidField(`${prefix}occurredAt`, "occurredAt must be an ISO 8601 time or Unix milliseconds");
      const { dealId, buyerId, email, phone } = signal;
      return {
        type: signal.type,
        occurredAt: notAfter(occurredAt, now),
        dedupeKey: `generic:${signal.dedupeKey ?? hashOf(signal)}`,
        payload: JSON.parse(JSON.stringify(signal.payload ?? {})),
        person: { dealId, buyerId, email, phone },
        personField: `${prefix}${dealId ? "dealId" : buyerId ? "buyerId" : email ? "email" : "phone"}`,
      };
    });
  },
};
