/**
 * A blast, one schema for the blast form, its server action and
 * `POST /api/v1/deals/{dealId}/blasts`. The audience is the checked buyers or a saved segment
 * (not both); a template left out is the default one (./templates), and every template may
 * use only the known merge fields. Client-safe (zod and pure templates only).
 */
import { z } from "zod";
import { blockingFindings, checkTemplateContent } from "@/lib/deliverability/content-check";
import { DEFAULT_EMAIL_SUBJECT, DEFAULT_EMAIL_TEMPLATE, DEFAULT_SMS_TEMPLATE, templateError } from "./templates";

/** Further wordings of a blast's text, rotated so consecutive texts from a number differ. */
export const MAX_SMS_VARIANTS = 5;

export const BLAST_CHANNELS = ["SMS", "EMAIL"] as const;
export type BlastChannel = (typeof BLAST_CHANNELS)[number];
/** The most buyers one blast reaches (a segment's cap is the same). */
export const MAX_BLAST_BUYERS = 5_000;

/** Blank and null are absent: a form's empty field, or a parsed blast read again (createBlast re-checks what an action parsed). */
const blank = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);
/** One value (a single checkbox, "SMS,EMAIL") or many (several checkboxes, the API's array). */
const list = (v: unknown) => {
  if (v === undefined || v === null || v === "") return undefined;
  const values = Array.isArray(v) ? v : typeof v === "string" ? v.split(",") : v;
  return Array.isArray(values) ? values.map((x) => (typeof x === "string" ? x.trim() : x)).filter((x) => x !== "") : values;
};

export const BlastInput = z
  .object({
    dealId: z.string({ error: "Choose a deal" }).trim().min(1, "Choose a deal"),
    buyerIds: z.preprocess(
      list,
      z
        .array(z.string().min(1).max(64))
        .max(MAX_BLAST_BUYERS, `A blast reaches at most ${MAX_BLAST_BUYERS.toLocaleString("en-US")} buyers`)
        .transform((ids) => [...new Set(ids)])
        .optional(),
    ),
    segmentId: z.preprocess(blank, z.string().trim().max(64).optional()),
    channels: z.preprocess(
      (v) => (list(v) as unknown[] | undefined)?.map((c) => (typeof c === "string" ? c.toUpperCase() : c)),
      z
        .array(z.enum(BLAST_CHANNELS, { error: "Choose SMS or email" }), { error: "Choose SMS, email or both" })
        .min(1, "Choose SMS, email or both")
        .transform((channels) => BLAST_CHANNELS.filter((c) => channels.includes(c))),
    ),
    smsTemplate: z.preprocess(blank, z.string().trim().max(1000, "Keep the SMS under 1000 characters (the link is added to it)").optional()),
    smsVariants: z.preprocess(
      (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]),
      z
        .array(z.string().trim().max(1000, "Keep the SMS under 1000 characters (the link is added to it)"))
        .max(MAX_SMS_VARIANTS, `Use at most ${MAX_SMS_VARIANTS} further wordings`)
        .transform((variants) => variants.filter((variant) => variant.length > 0)),
    ).optional(),
    emailSubject: z.preprocess(blank, z.string().trim().max(200, "Keep the subject under 200 characters").optional()),
    emailTemplate: z.preprocess(blank, z.string().trim().max(10_000, "Keep the email under 10,000 characters").optional()),
    coldReason: z.preprocess(blank, z.string().trim().min(3, "Say why (at least 3 characters)").max(500, "Keep the reason under 500 characters").optional()),
    /** Attach the deal's latest investor memo (PDF) to the blast's emails: a checkbox ("on") or a boolean. */
    attachMemo: z.preprocess((v) => (v === "on" || v === "true" ? true : v === "false" || v === "" || v === null ? undefined : v), z.boolean({ error: "Say true or false" }).optional()),
  })
  .superRefine((blast, ctx) => {
    const buyers = blast.buyerIds?.length ?? 0;
    if (blast.segmentId && buyers > 0) ctx.addIssue({ code: "custom", message: "Choose the checked buyers or a segment, not both", path: ["segmentId"] });
    if (!blast.segmentId && buyers === 0) ctx.addIssue({ code: "custom", message: "Check at least one buyer, or choose a segment", path: ["buyerIds"] });
    if (blast.attachMemo && !blast.channels.includes("EMAIL")) ctx.addIssue({ code: "custom", message: "The memo goes with emails: choose email too, or leave it unattached", path: ["attachMemo"] });
    for (const field of ["smsTemplate", "emailSubject", "emailTemplate"] as const) {
      const error = blast[field] ? templateError(blast[field]) : null;
      if (error) ctx.addIssue({ code: "custom", message: error, path: [field] });
    }
    // Carriers filter outright what a block finding names (a public link shortener); warnings show in the form.
    const texts: [string | undefined, (string | number)[], "SMS" | "EMAIL"][] = [
      [blast.smsTemplate, ["smsTemplate"], "SMS"],
      ...(blast.smsVariants ?? []).map((variant, i): [string, (string | number)[], "SMS"] => [variant, ["smsVariants", i], "SMS"]),
      [blast.emailTemplate, ["emailTemplate"], "EMAIL"],
    ];
    for (const [text, path, channel] of texts) {
      if (!text) continue;
      const error = path[0] === "smsVariants" ? templateError(text) : null;
      if (error) ctx.addIssue({ code: "custom", message: error, path });
      const blocks = blockingFindings(checkTemplateContent(text, channel));
      if (blocks.length > 0) ctx.addIssue({ code: "custom", message: blocks.map((finding) => finding.reason).join(" "), path });
    }
  })
  .transform((blast) => ({
    ...blast,
    buyerIds: blast.segmentId ? [] : (blast.buyerIds ?? []),
    smsTemplate: blast.channels.includes("SMS") ? (blast.smsTemplate ?? DEFAULT_SMS_TEMPLATE) : null,
    smsVariants: blast.channels.includes("SMS") ? (blast.smsVariants ?? []) : [],
    emailSubject: blast.channels.includes("EMAIL") ? (blast.emailSubject ?? DEFAULT_EMAIL_SUBJECT) : null,
    emailTemplate: blast.channels.includes("EMAIL") ? (blast.emailTemplate ?? DEFAULT_EMAIL_TEMPLATE) : null,
  }));
export type BlastInput = z.input<typeof BlastInput>;
export type BlastRequest = z.output<typeof BlastInput>;

/** The words of the cold-market refusal, shared by the service and the form's warning. */
export function coldMarketMessage(score: number): string {
  return `This market is cold (liquidity ${Math.round(score)}): say why the blast should go on`;
}

/** A blast recipient's states: QUEUED until the sender reaches it, then what the outbound core and the provider said. */
export const RECIPIENT_STATES = ["QUEUED", "SENT", "DELIVERED", "REPLIED", "BLOCKED", "FAILED"] as const;
export type RecipientState = (typeof RECIPIENT_STATES)[number];

/** The blast page's recipient table: state filter and page, in the URL. */
export const BlastRecipientsQuery = z.object({
  state: z.preprocess(blank, z.enum(RECIPIENT_STATES).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
