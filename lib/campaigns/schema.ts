/**
 * A campaign, one schema for the campaign form, its server action and `POST /api/v1/campaigns`
 * (and PATCH, which takes the same fields). Variants come as a list (the API) or as repeated
 * `variantSubject` / `variantBody` fields (the form); labels A, B... follow their order.
 * Client-safe (zod and pure templates only).
 */
import { z } from "zod";
import { campaignTemplateError, hasHalfFooter } from "./templates";
import { RECIPIENT_STATES } from "./rules";

export const CAMPAIGN_CHANNELS = ["EMAIL", "MAIL"] as const;
export const CAMPAIGN_AUDIENCES = ["PROSPECTS_VIEW", "BUYER_SEGMENT"] as const;
export const MAX_VARIANTS = 5;
/** Room for the footer the core appends, inside its 1,600 characters. */
export const MAX_BODY = 1300;

const blank = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);
const upper = (v: unknown) => (typeof v === "string" ? v.trim().toUpperCase() : v);
const asList = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The form's repeated fields become the API's list; a list given as is stays. */
function zipVariants(input: unknown): unknown {
  if (!input || typeof input !== "object" || Array.isArray(input)) return input;
  const { variantSubject, variantBody, ...rest } = input as Record<string, unknown>;
  if ("variants" in rest || (variantSubject === undefined && variantBody === undefined)) return rest;
  const subjects = asList(variantSubject);
  const bodies = asList(variantBody);
  const count = Math.max(subjects.length, bodies.length);
  const variants = Array.from({ length: count }, (_, i) => ({ subject: subjects[i] ?? "", body: bodies[i] ?? "" }))
    // A blank pair past the first is an unused slot of the form, not a variant.
    .filter((v, i) => i === 0 || String(v.subject).trim() !== "" || String(v.body).trim() !== "");
  return { ...rest, variants };
}

const Variant = z.object({
  subject: z.preprocess((v) => (v === null || v === undefined ? "" : v), z.string().trim().max(200, "Keep the subject under 200 characters")),
  body: z
    .string({ error: "Write the message" })
    .trim()
    .min(1, "Write the message")
    .max(MAX_BODY, `Keep the message under ${MAX_BODY.toLocaleString("en-US")} characters (the footer is added to it)`),
});

export const CampaignInput = z.preprocess(
  zipVariants,
  z
    .object({
      name: z.string({ error: "Name the campaign" }).trim().min(1, "Name the campaign").max(120, "Keep the name under 120 characters"),
      channel: z.preprocess((v) => blank(upper(v)) ?? "EMAIL", z.enum(CAMPAIGN_CHANNELS, { error: "Choose email or mail" })),
      audience: z.preprocess((v) => blank(upper(v)) ?? "PROSPECTS_VIEW", z.enum(CAMPAIGN_AUDIENCES, { error: "Choose a saved Prospects view or a buyer segment" })),
      savedViewId: z.preprocess(blank, z.string().trim().max(64).optional()),
      /** A Prospects query string, for API clients without a saved view ("status=NEW&scoreMin=70"). */
      audienceQuery: z.preprocess(blank, z.string().trim().max(2000, "This audience has too many filters").optional()),
      buyerSegmentId: z.preprocess(blank, z.string().trim().max(64).optional()),
      variants: z.array(Variant).min(1, "Write at least one variant").max(MAX_VARIANTS, `At most ${MAX_VARIANTS} variants`),
      scheduledAt: z.preprocess(blank, z.coerce.date({ error: "Enter a valid date and time" }).optional()),
      dailyLimit: z.preprocess(blank, z.coerce.number({ error: "Enter a whole number" }).int("Enter a whole number").min(1, "Send at least 1 a day").max(10_000, "At most 10,000 a day").default(100)),
      minScore: z.preprocess(blank, z.coerce.number({ error: "Enter a whole number" }).int("Enter a whole number").min(0, "Between 0 and 100").max(100, "Between 0 and 100").default(60)),
    })
    .superRefine((c, ctx) => {
      if (c.audience === "PROSPECTS_VIEW" && !c.savedViewId && c.audienceQuery === undefined) ctx.addIssue({ code: "custom", message: "Choose a saved Prospects view", path: ["savedViewId"] });
      if (c.audience === "BUYER_SEGMENT" && !c.buyerSegmentId) ctx.addIssue({ code: "custom", message: "Choose a buyer segment", path: ["buyerSegmentId"] });
      if (c.audience === "BUYER_SEGMENT" && c.channel === "MAIL") ctx.addIssue({ code: "custom", message: "Mail goes to leads' mailing addresses: choose a Prospects view", path: ["audience"] });
      c.variants.forEach((v, i) => {
        if (c.channel === "EMAIL" && !v.subject) ctx.addIssue({ code: "custom", message: "Give the email a subject", path: ["variants", i, "subject"] });
        const unknown = campaignTemplateError(`${v.subject}\n${v.body}`);
        if (unknown) ctx.addIssue({ code: "custom", message: unknown, path: ["variants", i, "body"] });
        else if (c.channel === "EMAIL" && hasHalfFooter(v.body)) {
          ctx.addIssue({ code: "custom", message: "Place both {{unsubscribe_link}} and {{postal_address}}, or neither (the footer with both is then added)", path: ["variants", i, "body"] });
        }
      });
    }),
);
export type CampaignInput = z.input<typeof CampaignInput>;
export type CampaignRequest = z.output<typeof CampaignInput>;

/** The letter of the variant at `index`: A, B, C... */
export function variantLabel(index: number): string {
  return String.fromCharCode(65 + index);
}

/** The campaign page's recipient table: state filter and page, in the URL. */
export const CampaignRecipientsQuery = z.object({
  state: z.preprocess(blank, z.enum(RECIPIENT_STATES).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type CampaignRecipientsQuery = z.output<typeof CampaignRecipientsQuery>;

export const CampaignIdInput = z.object({ campaignId: z.string().trim().min(1).max(64) });
