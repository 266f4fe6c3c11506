/**
 * The inputs of working a deal, one schema each, shared by the deal page's forms, their
 * server actions, the bulk actions and the API. Edits read an empty form field as "clear it"
 * and an absent JSON key as "leave it".
 */
import { z } from "zod";
import { DealInput, parseMoney, PROPERTY_TYPES } from "@/lib/intake/schema";
import { IntakeConsentFields } from "@/lib/outbound/intake-consent";
import { DEAL_STATUSES, statusExtrasProblem } from "./rules";
import { DealTag } from "./tag";

export { DealTag } from "./tag";

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

/** A field an edit may set, clear (null or an empty form field) or leave out. */
function editable<T extends z.ZodType>(inner: T, preprocess: (v: unknown) => unknown = (v) => v) {
  return z.preprocess((v) => {
    const blank = blankToNull(v);
    return blank === null || blank === undefined ? blank : preprocess(blank);
  }, inner.nullable().optional());
}

const text = (max: number, label: string) => editable(z.string().trim().max(max, `${label} is at most ${max} characters`));
const upper = (v: unknown) => (typeof v === "string" ? v.trim().toUpperCase() : v);
const numeric = (v: unknown) => {
  const value = typeof v === "string" ? v.replace(/,/g, "").trim() : v;
  return typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
};

const money = (label: string) =>
  editable(
    z
      .number({ error: `${label} must be an amount like 150000 or $150k` })
      .int(`${label} must be whole dollars`)
      .min(0, `${label} cannot be negative`)
      .max(1_000_000_000, `${label} is too large`),
    parseMoney,
  );

const count = (label: string, min: number, max: number, integer = true) => {
  const base = z.number({ error: `${label} must be a number` }).min(min, `${label} must be at least ${min}`).max(max, `${label} must be at most ${max}`);
  return editable(integer ? base.int(`${label} must be a whole number`) : base, numeric);
};

/** Every field a person edits on the deal page (and `PATCH /api/v1/deals/{id}`); status, owner, tags and notes have their own inputs. */
export const DealEditInput = z
  .object({
    street: z.preprocess(
      (v) => (typeof v === "string" ? v.trim() : v),
      z.string({ error: "Street address is required" }).min(3, "Street address is required").max(200).optional(),
    ),
    unit: text(40, "Unit"),
    city: text(100, "City"),
    region: editable(z.string().regex(/^[A-Z]{2}$/, "Use the 2-letter state or province code"), upper),
    postalCode: text(12, "Postal code"),
    country: editable(z.enum(["US", "CA"], { error: "Country must be US or CA" }), upper),
    askingPrice: money("Asking price"),
    arv: money("ARV"),
    repairs: money("Repairs"),
    beds: count("Beds", 0, 100),
    baths: count("Baths", 0, 100, false),
    sqft: count("Square feet", 1, 1_000_000),
    yearBuilt: count("Year built", 1600, 2100),
    propertyType: editable(z.enum(PROPERTY_TYPES, { error: `Property type must be one of ${PROPERTY_TYPES.join(", ")}` }), upper),
    score: count("Score", 0, 100),
    contactName: text(120, "Name"),
    contactPhone: editable(z.string().trim().max(40, "Phone is at most 40 characters").regex(/\d{7,}/, "Enter a phone number with its area code"), (v) =>
      typeof v === "string" ? v.replace(/[\s().-]/g, "") : v,
    ),
    contactEmail: editable(z.email("Enter a valid email")),
  })
  .strict();
export type DealEditInput = z.infer<typeof DealEditInput>;
export const DEAL_EDIT_FIELDS = Object.keys(DealEditInput.shape) as (keyof DealEditInput)[];

// A form with one deal sends one id as a plain field.
const DealIds = z.preprocess((v) => (typeof v === "string" ? [v] : v), z.array(z.string().min(1)).min(1, "Choose at least one deal").max(500, "At most 500 deals at a time"));

const optionalMoney = (label: string) =>
  z.preprocess((v) => (blankToNull(v) === null ? undefined : parseMoney(v)), z.number({ error: `${label} must be an amount like 10000 or $10k` }).int().min(0, `${label} cannot be negative`).max(100_000_000, `${label} is too large`).optional());

/** Moves deals to another status; DEAD needs a reason, a contract or closing may carry the assignment fee. */
export const DealStatusChangeInput = z
  .object({
    dealIds: DealIds,
    to: z.enum(DEAL_STATUSES, { error: "Choose a status" }),
    reason: z.preprocess((v) => (blankToNull(v) === null ? undefined : v), z.string().trim().max(500, "Keep the reason under 500 characters").optional()),
    assignmentFee: optionalMoney("Assignment fee"),
  })
  .superRefine((input, ctx) => {
    // Only the rules that do not depend on where a deal stands; the move itself is checked per deal.
    const problem = statusExtrasProblem(input.to, input);
    if (problem) ctx.addIssue({ code: "custom", path: [problem.field], message: problem.message });
  });
export type DealStatusChangeInput = z.infer<typeof DealStatusChangeInput>;

/** Gives deals to a member of the workspace (by user id), or takes the owner away (null). */
export const DealOwnerInput = z.object({
  dealIds: DealIds,
  ownerId: z.preprocess(blankToNull, z.string().min(1).nullable()),
});
export type DealOwnerInput = z.infer<typeof DealOwnerInput>;


const TagList = z.preprocess(
  (v) => (typeof v === "string" ? v.split(",").map((t) => t.trim()).filter(Boolean) : v),
  z.array(DealTag).max(20, "At most 20 tags at a time").optional(),
);

export const DealTagsInput = z
  .object({ dealIds: DealIds, add: TagList, remove: TagList })
  .refine((input) => (input.add?.length ?? 0) + (input.remove?.length ?? 0) > 0, { message: "Name a tag to add or remove", path: ["add"] });
export type DealTagsInput = z.infer<typeof DealTagsInput>;

export const DealNoteInput = z.object({
  dealId: z.string().min(1),
  body: z.string().trim().min(1, "Write the note first").max(5000, "Keep a note under 5,000 characters"),
});
export type DealNoteInput = z.infer<typeof DealNoteInput>;

/** One deal entered by hand: the intake fields, who owns it, its tags and the consent the person gave. */
export const DealCreateInput = DealInput.safeExtend({
  ownerId: z.preprocess(blankToNull, z.string().min(1).nullable().optional()),
  tags: TagList,
  ...IntakeConsentFields.shape,
}).superRefine((input, ctx) => {
  // The consent fields' own cross-field rule (a source when consent is given), kept when merged here.
  const consent = IntakeConsentFields.safeParse(input);
  if (!consent.success) for (const issue of consent.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
});
export type DealCreateInput = z.infer<typeof DealCreateInput>;

export const DealRef = z.object({ dealId: z.string().min(1) });
