import { z } from "zod";
import { findMotivationWords } from "./motivation";
import type { LeadFeatures } from "./types";

const DEAL_SOURCES = ["EMAIL", "CSV", "API", "MANUAL", "DRIVING"] as const;

/**
 * A lead's features as a file or a request gives them (`dealflow score --file F`). Every
 * field but the source has a neutral default; `text` (a listing, an email) adds the
 * motivation words it mentions to `motivationWords`.
 */
export const LeadFeaturesInput = z
  .strictObject({
    spreadRatio: z.number({ error: "must be a number or null" }).min(-10).max(10).nullable().default(null),
    motivationWords: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
    text: z.string().max(100_000).optional(),
    repairsRatio: z.number({ error: "must be a number or null" }).min(0, "cannot be negative").max(100).nullable().default(null),
    daysSinceIntake: z.number({ error: "must be a number" }).int("must be a whole number").min(0, "cannot be negative").default(0),
    listCount: z.number({ error: "must be a number" }).int("must be a whole number").min(0, "cannot be negative").max(1000).default(1),
    hasPhone: z.boolean({ error: "must be true or false" }).default(false),
    hasEmail: z.boolean({ error: "must be true or false" }).default(false),
    hasConsent: z.boolean({ error: "must be true or false" }).default(false),
    marketRank: z.enum(["HOT", "NORMAL", "COLD", "BLACKLIST"], { error: "must be HOT, NORMAL, COLD, BLACKLIST or null" }).nullable().default(null),
    source: z.enum(DEAL_SOURCES, { error: `must be one of ${DEAL_SOURCES.join(", ")}` }).default("CSV"),
    qualityFlagCount: z.number({ error: "must be a number" }).int("must be a whole number").min(0, "cannot be negative").default(0),
  })
  .transform(({ text, motivationWords, ...rest }): LeadFeatures => ({
    ...rest,
    motivationWords: [...new Set([...motivationWords.map((w) => w.toLowerCase()), ...(text ? findMotivationWords(text) : [])])],
  }));
export type LeadFeaturesInput = z.input<typeof LeadFeaturesInput>;
