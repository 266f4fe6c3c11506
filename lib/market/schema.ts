/**
 * Market intel's inputs: one schema each for the form, its action and the API. Imported by
 * client components, so it stays free of anything server-side (and of the postal dataset).
 */
import { z } from "zod";
import { parseFsa, parsePostalCode } from "@/lib/geo/postal";
import { storableText } from "@/lib/validation/text";
import { MARKET_RANKS } from "./types";

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);

/** "78201", "78201-1234", "m5v", "M5V 2T6" -> the postal area ("78201", "M5V"); null when malformed. */
export function normalizeAreaCode(value: string): string | null {
  const parsed = parsePostalCode(value);
  if (parsed) return parsed.country === "US" ? parsed.zip : parsed.fsa;
  return parseFsa(value);
}

/** A postal area in a URL or a form: a US ZIP or a Canadian FSA (a full postal code is reduced to its area). */
export const AreaCodeParam = z
  .string({ error: "Enter a US ZIP (78201) or a Canadian FSA (M5V)" })
  .trim()
  .transform((value, ctx) => {
    const code = normalizeAreaCode(value);
    if (!code) {
      ctx.addIssue({ code: "custom", message: "Enter a US ZIP (78201) or a Canadian FSA (M5V)" });
      return z.NEVER;
    }
    return code;
  });

/** The form's checkbox ("on"), a select ("true"/"false") or JSON (a boolean). */
const flag = z.union([z.boolean(), z.enum(["true", "false", "on", "off"]).transform((v) => v === "true" || v === "on")], {
  error: "Choose whether the area is blacklisted",
});

/** Marks an area blacklisted (with why) or lifts the mark. */
export const AreaBlacklistInput = z
  .object({
    blacklisted: flag,
    reason: z.preprocess(
      (v) => (typeof v === "string" ? blank(v.trim()) : blank(v)),
      storableText().min(3, "Say why in at least 3 characters").max(300, "Keep the reason to 300 characters").optional(),
    ),
  })
  .superRefine((input, ctx) => {
    if (input.blacklisted && !input.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "Say why this area is blacklisted" });
  });
export type AreaBlacklistInput = z.output<typeof AreaBlacklistInput>;

/** The areas list's filters as a URL or the API holds them; read leniently (parseLenientQuery). */
export const AreaListQuery = z.object({
  rank: z.preprocess((v) => (typeof v === "string" ? blank(v.trim().toUpperCase()) : blank(v)), z.enum(MARKET_RANKS).optional()),
  region: z.preprocess(blank, storableText().trim().toUpperCase().max(3).optional()),
  market: z.preprocess(blank, storableText().trim().max(80).optional()),
  /** An area code's start or a place name. */
  q: z.preprocess(blank, storableText().trim().max(80).optional()),
});
export type AreaListQuery = z.infer<typeof AreaListQuery>;
