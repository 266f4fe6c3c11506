import { z } from "zod";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const upper = (v: unknown) => (typeof v === "string" ? v.trim().toUpperCase() : v);

/** One message by hand or by the ladder: the same schema for the form, the action and lib. */
export const SendMessageInput = z
  .object({
    dealId: z.string().trim().min(1, "Choose a lead"),
    channel: z.preprocess(upper, z.enum(["SMS", "EMAIL"], { error: "Choose SMS or email" })),
    body: z.string().trim().min(1, "Write the message").max(1600, "Keep the message under 1600 characters"),
    subject: z.preprocess(blank, z.string().trim().max(200, "Keep the subject under 200 characters").optional()),
    ladderId: z.preprocess(blank, z.string().optional()),
    ladderStep: z.preprocess(blank, z.coerce.number().int().min(0).optional()),
  })
  .refine((m) => m.channel !== "EMAIL" || Boolean(m.subject), { message: "Give the email a subject", path: ["subject"] });
export type SendMessageInput = z.input<typeof SendMessageInput>;
export type SendMessageRequest = z.output<typeof SendMessageInput>;

const reason = z.string({ error: "Say why" }).trim().min(3, "Say why (at least 3 characters)").max(500);

export const DoNotContactInput = z.object({
  value: z.string().trim().min(3, "Enter a phone number or an email address").max(254),
  reason,
});
export type DoNotContactInput = z.input<typeof DoNotContactInput>;

export const RemoveDoNotContactInput = z.object({ id: z.string().min(1), reason });

export const ConsentChangeInput = z.object({
  channel: z.preprocess(upper, z.enum(["SMS", "EMAIL"], { error: "Choose SMS or email" })),
  address: z.string().trim().min(3, "Enter a phone number or an email address").max(254),
  status: z.enum(["OPTED_IN", "OPTED_OUT"], { error: "Choose opt in or opt out" }),
  reason,
});
export type ConsentChangeInput = z.input<typeof ConsentChangeInput>;

/** The Compliance page's consent list: search, filters and page, all in the URL. */
export const ConsentQuery = z.object({
  q: z.preprocess(blank, z.string().trim().max(254).optional()).catch(undefined),
  consent: z.preprocess(blank, z.enum(["OPTED_IN", "OPTED_OUT"]).optional()).catch(undefined),
  channel: z.preprocess((v) => blank(upper(v)), z.enum(["SMS", "EMAIL"]).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  pageSize: z.coerce.number().int().min(25).max(50).catch(50),
});
export type ConsentQuery = Partial<z.input<typeof ConsentQuery>>;

/** The Outbox page's simulations, for messages of the local provider only. */
export const SimulateReceiptInput = z.object({
  messageId: z.string().min(1),
  outcome: z.enum(["delivered", "failed"], { error: "Choose delivered or failed" }),
});
export const SimulateReplyInput = z.object({
  messageId: z.string().min(1),
  body: z.string().trim().min(1, "Write the reply").max(1600),
});

export const ComplianceSettingsInput = z.object({
  postalAddress: z.string().trim().min(10, "Enter the full postal address (street, city, region, postal code)").max(300),
  outboundDailyCapSms: z.coerce.number({ error: "Enter a number" }).int("Whole messages").min(0).max(100_000),
  outboundDailyCapEmail: z.coerce.number({ error: "Enter a number" }).int("Whole messages").min(0).max(100_000),
});
