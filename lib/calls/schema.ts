/** One schema per input of the dialer, shared by the call panel, its actions and API v1. */
import { z } from "zod";
import { CALL_OUTCOMES } from "./rules";

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);
const id = (message: string) => z.preprocess(blankToUndefined, z.string({ error: message }).trim().min(1, message).max(100).optional());

/** Place a call to a lead (the deal's seller) or a buyer, for a CALL task when there is one. */
export const StartCallInput = z
  .object({
    dealId: id("Give the deal id"),
    buyerId: id("Give the buyer id"),
    /** The CALL task the call is for; left out, the lead's oldest due CALL task is. */
    taskId: id("Give the task id"),
  })
  .refine((input) => Boolean(input.dealId) !== Boolean(input.buyerId), { message: "Give either a deal id or a buyer id", path: ["dealId"] });
export type StartCallInput = z.input<typeof StartCallInput>;

/** "4:05" (minutes:seconds, as the call panel's timer reads) to 245; any other text as is, for the number check. */
export function secondsOfClock(text: string): string | number {
  const match = /^\s*(\d{1,3}):([0-5]\d)\s*$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : text.trim();
}

/** The longest call the log accepts: four hours. */
export const MAX_CALL_SECONDS = 4 * 60 * 60;

/** What happened on the call, as the member logs it. */
export const LogCallInput = z.object({
  outcome: z.enum(CALL_OUTCOMES, { error: "Choose what happened on the call" }),
  notes: z.preprocess(blankToUndefined, z.string().trim().max(2000, "Use at most 2000 characters").optional()),
  /** Left out, the provider's measure (Twilio) or the time since the call started (a call by hand). */
  durationSeconds: z.preprocess(
    (value) => blankToUndefined(typeof value === "string" ? secondsOfClock(value) : value),
    z.coerce
      .number({ error: "Enter the call's length as minutes:seconds, e.g. 4:05" })
      .int("Enter whole seconds")
      .min(0, "The length cannot be negative")
      .max(MAX_CALL_SECONDS, "A call is logged up to 4 hours long")
      .optional(),
  ),
});
export type LogCallInput = z.input<typeof LogCallInput>;

/** The call panel's form: the call it logs and what happened. */
export const LogCallForm = LogCallInput.extend({ callId: z.string({ error: "Start the call first" }).trim().min(1, "Start the call first").max(100) });

export const CallIdParams = z.object({ callId: z.string().min(1) });

/** GET /api/v1/calls: a lead's or a buyer's calls, newest first. */
export const CallListQuery = z
  .object({
    dealId: id("Give the deal id"),
    buyerId: id("Give the buyer id"),
    limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(200).default(50)),
  })
  .refine((query) => Boolean(query.dealId) !== Boolean(query.buyerId), { message: "Give either dealId or buyerId", path: ["dealId"] });

/** The member's own phone, rung first by the dialer; empty clears it. */
export const MemberPhoneInput = z.object({
  phone: z.preprocess((value) => (typeof value === "string" ? value.trim() : value), z.string().max(40, "Enter a phone number").default("")),
});
export type MemberPhoneInput = z.input<typeof MemberPhoneInput>;
