import { z } from "zod";
import { CONSENT_BASES, CONSENT_CHANNELS } from "./consent-rules";
import { storableText } from "@/lib/validation/text";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const upper = (v: unknown) => (typeof v === "string" ? v.trim().toUpperCase() : v);

/**
 * One message by hand, by the ladder or by a blast: the same schema for the form, the action
 * and lib. A lead's message names its deal; a buyer's names the buyer, and the deal it is about
 * when there is one.
 */
export const SendMessageInput = z
  .object({
    dealId: z.preprocess(blank, z.string().trim().min(1, "Choose a lead").optional()),
    buyerId: z.preprocess(blank, z.string().trim().min(1).optional()),
    channel: z.preprocess(upper, z.enum(["SMS", "EMAIL"], { error: "Choose SMS or email" })),
    body: z.string().trim().min(1, "Write the message").max(1600, "Keep the message under 1600 characters"),
    subject: z.preprocess(blank, z.string().trim().max(200, "Keep the subject under 200 characters").optional()),
    ladderId: z.preprocess(blank, z.string().optional()),
    ladderStep: z.preprocess(blank, z.coerce.number().int().min(0).optional()),
    /** `inline`: the body places the footer itself with {{postal_address}} and {{unsubscribe_link}} (approved drafts). */
    footer: z.enum(["append", "inline"]).optional(),
  })
  .refine((m) => Boolean(m.dealId || m.buyerId), { message: "Choose a lead", path: ["dealId"] })
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

/** The legal basis of a consent; left out, it follows from the wording (see resolveConsentBasis). */
export const ConsentBasisField = z.preprocess(
  (v) => blank(upper(v)),
  z.enum(CONSENT_BASES, { error: "Choose PRIOR_EXPRESS_WRITTEN, ESTABLISHED_RELATIONSHIP or NONE" }).optional(),
);
const consentWording = z.preprocess(blank, z.string().trim().max(2000, "Keep the wording under 2000 characters").optional());
const consentEvidence = z.preprocess(blank, z.string().trim().max(500, "Keep the evidence under 500 characters").optional());
const pastDate = z.coerce
  .date({ error: "Enter a valid date" })
  .refine((d) => d.getTime() <= Date.now() + 60_000, "The date cannot be in the future");

/** Prior express written consent is consent to written words: they must be on record. */
function wordingForWrittenConsent(input: { basis?: string; wording?: string; status?: string }) {
  return input.status === "OPTED_OUT" || input.basis !== "PRIOR_EXPRESS_WRITTEN" || Boolean(input.wording);
}
const WORDING_NEEDED = { message: "Prior express written consent needs the words agreed to", path: ["wording"] };

export const ConsentChangeInput = z
  .object({
    channel: z.preprocess(upper, z.enum(["SMS", "EMAIL"], { error: "Choose SMS or email" })),
    address: z.string().trim().min(3, "Enter a phone number or an email address").max(254),
    status: z.enum(["OPTED_IN", "OPTED_OUT"], { error: "Choose opt in or opt out" }),
    basis: ConsentBasisField,
    wording: consentWording,
    evidence: consentEvidence,
    reason,
  })
  .refine(wordingForWrittenConsent, WORDING_NEEDED);
export type ConsentChangeInput = z.input<typeof ConsentChangeInput>;

const contactText = z
  .string({ error: "Give the contact's phone number (E.164) or email address" })
  .trim()
  .min(3, "Give the contact's phone number (E.164) or email address")
  .max(254, "Keep the contact under 254 characters");
const consentChannel = z.preprocess((v) => blank(upper(v)), z.enum(CONSENT_CHANNELS, { error: "Choose SMS, EMAIL or CALL" }).optional());

/**
 * POST /api/v1/consent: consent a contact gave. A phone number covers SMS and CALL and an
 * email address EMAIL, unless `channel` names one.
 */
export const ConsentGrantInput = z
  .object({
    contact: contactText,
    channel: consentChannel,
    basis: ConsentBasisField,
    source: z.string({ error: "Say where the consent came from" }).trim().min(1, "Say where the consent came from").max(100, "Keep the source under 100 characters"),
    givenAt: z.preprocess(blank, pastDate.optional()),
    wording: consentWording,
    evidence: consentEvidence,
  })
  .refine(wordingForWrittenConsent, WORDING_NEEDED);
export type ConsentGrantInput = z.input<typeof ConsentGrantInput>;

/** The contact of GET/DELETE /api/v1/consent/{contact}, URL-encoded in the path. */
export const ConsentContactParams = z.object({ contact: contactText });

/** DELETE /api/v1/consent/{contact}: the withdrawal, as query parameters. */
export const ConsentWithdrawQuery = z.object({
  channel: consentChannel,
  source: z.preprocess(blank, z.string().trim().max(100, "Keep the source under 100 characters").default("api")),
  evidence: consentEvidence,
  note: z.preprocess(blank, z.string().trim().max(500, "Keep the note under 500 characters").optional()),
});
export type ConsentWithdrawQuery = z.input<typeof ConsentWithdrawQuery>;

/** The Compliance page's consent list: search, filters and page, all in the URL. */
export const ConsentQuery = z.object({
  q: z.preprocess(blank, storableText().trim().max(254).optional()).catch(undefined),
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
