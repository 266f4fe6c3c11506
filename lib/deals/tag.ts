/** A deal's tag, client-safe: the deal form and the capture page validate with it. */
import { z } from "zod";

/** A tag as people type it: trimmed, lower case, short, no commas (a form field holds several, comma-separated). */
export const DealTag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "A tag cannot be empty")
  .max(40, "A tag is at most 40 characters")
  .regex(/^[^,]+$/, "A tag cannot contain a comma");
