/** One schema per input, shared by the send form, its action and the API route. */
import { z } from "zod";
import { unknownPlaceholders, TEMPLATE_FIELDS } from "@/lib/ladder/template";
import { storableText } from "@/lib/validation/text";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const upper = (v: unknown) => (typeof v === "string" ? v.trim().toUpperCase() : v);

export const MAIL_KINDS = ["POSTCARD", "LETTER"] as const;
/** What fits: a 4x6 postcard's message side, a one-page letter. */
export const MAIL_BODY_LIMITS = { POSTCARD: 500, LETTER: 3000 } as const;

const addressLine = (message: string) => z.preprocess(blank, storableText().trim().min(1, message).max(200, "Keep it under 200 characters").optional());

export const SendMailPieceSchema = z
  .object({
    dealId: z.string().trim().min(1, "Choose a lead"),
    kind: z.preprocess(upper, z.enum(MAIL_KINDS, { error: "Choose a postcard or a letter" })),
    body: storableText().trim().min(1, "Write the message").max(MAIL_BODY_LIMITS.LETTER, `Keep the message under ${MAIL_BODY_LIMITS.LETTER} characters`),
    campaignId: z.preprocess(blank, z.string().trim().min(1).optional()),
    ladderId: z.preprocess(blank, z.string().trim().min(1).optional()),
    ladderStep: z.preprocess(blank, z.coerce.number().int().min(0).optional()),
    variantKey: z.preprocess(blank, z.string().trim().max(200).optional()),
    toName: addressLine("Enter who the piece is addressed to"),
    addressLine1: addressLine("Enter the street address"),
    addressLine2: addressLine("Enter the unit"),
    city: addressLine("Enter the city"),
    region: addressLine("Enter the state or province"),
    postalCode: addressLine("Enter the ZIP or postal code"),
    country: z.preprocess((v) => blank(upper(v)), z.enum(["US", "CA"], { error: "Choose US or Canada" }).optional()),
  })
  .refine((m) => m.kind !== "POSTCARD" || m.body.length <= MAIL_BODY_LIMITS.POSTCARD, {
    message: `A postcard holds at most ${MAIL_BODY_LIMITS.POSTCARD} characters; send a letter for more`,
    path: ["body"],
  })
  .refine((m) => unknownPlaceholders(m.body).length === 0, {
    message: `Unknown merge field; use ${TEMPLATE_FIELDS.map((f) => `{{${f}}}`).join(", ")}`,
    path: ["body"],
  });
export type SendMailPieceRequest = z.output<typeof SendMailPieceSchema>;

export const MAIL_STATUSES = ["CREATED", "RENDERED", "MAILED", "IN_TRANSIT", "DELIVERED", "RETURNED", "CANCELLED", "FAILED", "BLOCKED"] as const;

/** The list's filters (GET /api/v1/mail-pieces, the /mail page). */
export const MailPieceQuery = z.object({
  dealId: z.preprocess(blank, z.string().trim().min(1).max(64).optional()),
  status: z.preprocess((v) => blank(upper(v)), z.enum(MAIL_STATUSES, { error: `Choose one of ${MAIL_STATUSES.join(", ")}` }).optional()),
  limit: z.preprocess(blank, z.coerce.number().int().min(1).max(200).default(50)),
});
export type MailPieceQuery = z.output<typeof MailPieceQuery>;
