/**
 * A workspace's intent configuration: signal weights and half-lives, the high-intent
 * threshold, the per-person email limit, the enrichment budget and the drafting templates.
 * One zod schema serves the settings form, its action, the laboratory's experiments and the
 * API. Client-safe (zod only).
 */
import { z } from "zod";
import { DEFAULT_HALF_LIFE_HOURS, DEFAULT_WEIGHTS, SIGNAL_TYPES, type SignalType } from "./types";

export interface EmailTemplate {
  subject: string;
  body: string;
}

export interface DraftingConfig {
  /** To a lead (a deal's seller). Merge fields: lib/approvals/templates.ts. */
  lead: EmailTemplate;
  /** To a buyer about a deal that fits them. */
  buyer: EmailTemplate;
  /** The system prompt a language-model drafter gets. */
  prompt: string;
}

export interface IntentConfig {
  weights: Record<SignalType, number>;
  halfLifeHours: Record<SignalType, number>;
  /** A score reaching this proposes a draft (the seed's HIGH_INTENT_THRESHOLD). */
  highIntentThreshold: number;
  /** Emails from approved drafts one person may get per day (the seed's EMAIL_DAILY_LIMIT_PER_ACCOUNT). */
  emailDailyLimitPerPerson: number;
  /** Skip-trace spend per person per calendar month, in cents (the seed's $0.50). */
  enrichmentMonthlyCapCents: number;
  drafting: DraftingConfig;
}

/** The configuration in force and where it came from. Version 0: the seeded defaults, never saved. */
export interface IntentSettings extends IntentConfig {
  version: number;
  source: string;
  createdAt: Date | null;
}

/** Every draft keeps these two tokens: the outbound core fills them in, and refuses a draft that lost one. */
/** The business (not the person) and its postal address, as the outbound core's own footer reads. */
const FOOTER = "--\n{{company}}, {{postal_address}}\nUnsubscribe: {{unsubscribe_link}}";

export const DEFAULT_DRAFTING: DraftingConfig = {
  lead: {
    subject: "About {{property}}",
    body: [
      "Hi {{first_name}},",
      "",
      "Thanks for {{recent_activity}}. I buy houses in {{city}} for cash and can make you a written offer on {{property}} this week: no repairs, no agent fees, and you pick the closing date.",
      "",
      "Would a 10-minute call work for you? Just reply with a good time, or call me at {{sender_phone}}.",
      "",
      "{{sender_first_name}}",
      "",
      FOOTER,
    ].join("\n"),
  },
  buyer: {
    subject: "{{property}}: a deal in your buy box",
    body: [
      "Hi {{first_name}},",
      "",
      "Thanks for {{recent_activity}}. {{property}} fits what you buy{{deal_numbers}}.",
      "",
      "It won't stay open long. Reply to this email or call me at {{sender_phone}} to walk it or make an offer.",
      "",
      "{{sender_first_name}}",
      "",
      FOOTER,
    ].join("\n"),
  },
  prompt: [
    "You write short, plain, friendly follow-up emails for a real-estate investor.",
    "Write to the person named in the context, about the property in the context, referring to what they recently did.",
    "Never invent numbers, promises or facts that are not in the context. No more than 120 words.",
    "Answer with JSON: {\"subject\": string, \"body\": string, \"confidence\": number between 0 and 1, \"reasoning\": string}.",
    "The body must end with the footer lines given in the context, unchanged.",
  ].join("\n"),
};

export const DEFAULT_INTENT_CONFIG: Readonly<IntentConfig> = {
  weights: { ...DEFAULT_WEIGHTS },
  halfLifeHours: { ...DEFAULT_HALF_LIFE_HOURS },
  highIntentThreshold: 70,
  emailDailyLimitPerPerson: 1,
  enrichmentMonthlyCapCents: 50,
  drafting: DEFAULT_DRAFTING,
};

const numberFrom = (v: unknown) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v);
const weight = z.preprocess(numberFrom, z.number({ error: "Enter the points" }).min(0, "Points cannot be negative").max(100, "At most 100 points"));
const halfLife = z.preprocess(numberFrom, z.number({ error: "Enter the hours" }).gt(0, "A half-life is more than 0 hours").max(24 * 365, "At most a year (8760 hours)"));

function perType<T extends z.ZodType>(value: T) {
  return z.object(Object.fromEntries(SIGNAL_TYPES.map((t) => [t, value])) as Record<SignalType, T>);
}

/**
 * Text typed in a form: browsers post a textarea's line breaks as CRLF, which stored as typed
 * would make an unchanged template or prompt read as changed (and lengths count twice).
 */
const typedText = () => z.string().overwrite((text) => text.replace(/\r\n?/g, "\n")).trim();

const template = z.object({
  subject: typedText().min(1, "Write the subject").max(200, "Keep the subject under 200 characters"),
  body: typedText()
    .min(1, "Write the body")
    .max(1600, "Keep the body under 1600 characters")
    .refine((b) => b.includes("{{postal_address}}") && b.includes("{{unsubscribe_link}}"), "Keep {{postal_address}} and {{unsubscribe_link}} in the footer"),
});

export const DraftingConfigInput = z.object({
  lead: template,
  buyer: template,
  prompt: typedText().min(10, "Write the prompt (at least 10 characters)").max(4000, "Keep the prompt under 4000 characters"),
});

export const IntentConfigInput = z.object({
  weights: perType(weight),
  halfLifeHours: perType(halfLife),
  highIntentThreshold: z.preprocess(numberFrom, z.number({ error: "Enter the threshold" }).int("A whole number").min(1, "At least 1").max(100, "At most 100")),
  emailDailyLimitPerPerson: z.preprocess(numberFrom, z.number({ error: "Enter the limit" }).int("A whole number").min(0, "At least 0").max(20, "At most 20")),
  enrichmentMonthlyCapCents: z.preprocess(numberFrom, z.number({ error: "Enter the budget" }).int("Whole cents").min(0, "At least 0").max(100_000, "At most $1,000")),
  drafting: DraftingConfigInput,
});
export type IntentConfigInput = z.input<typeof IntentConfigInput>;

/**
 * A stored configuration read leniently: a field missing or broken in the row falls back to
 * its default (a type added after the row was written gets its seeded weight).
 */
export function configFromStored(row: { weights: unknown; halfLifeHours: unknown; highIntentThreshold: number; emailDailyLimitPerPerson: number; enrichmentMonthlyCapCents: number; drafting: unknown }): IntentConfig {
  const merged = {
    weights: { ...DEFAULT_INTENT_CONFIG.weights, ...(isRecord(row.weights) ? row.weights : {}) },
    halfLifeHours: { ...DEFAULT_INTENT_CONFIG.halfLifeHours, ...(isRecord(row.halfLifeHours) ? row.halfLifeHours : {}) },
    highIntentThreshold: row.highIntentThreshold,
    emailDailyLimitPerPerson: row.emailDailyLimitPerPerson,
    enrichmentMonthlyCapCents: row.enrichmentMonthlyCapCents,
    drafting: { ...DEFAULT_DRAFTING, ...(isRecord(row.drafting) ? row.drafting : {}) },
  };
  const parsed = IntentConfigInput.safeParse(merged);
  return parsed.success ? parsed.data : { ...DEFAULT_INTENT_CONFIG };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
