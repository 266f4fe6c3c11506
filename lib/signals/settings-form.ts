/**
 * The Signals settings form posts flat fields ("weights.sms_reply", the budget in dollars);
 * this turns them into the shape IntentConfigInput (the one schema) parses. Client-safe.
 */
import { z } from "zod";
import { IntentConfigInput } from "./settings-schema";

/** "$0.50" → 50; left as typed when it is not a number, so the schema says what is wrong. */
export function dollarsToCents(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.trim().replace(/^\$/, "").replace(/,/g, "");
  if (text === "") return "";
  const dollars = Number(text);
  // Rounded to a millionth only to undo binary fractions (0.29 * 100 = 28.999999999999996).
  return Number.isFinite(dollars) ? Math.round(dollars * 100 * 1e6) / 1e6 : value;
}

/** Dotted names become nested objects; the budget field is in dollars and becomes cents. */
export function nestSettingsForm(input: unknown): unknown {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return input;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    if (key === "enrichmentMonthlyCapDollars") {
      out.enrichmentMonthlyCapCents = dollarsToCents(value);
      continue;
    }
    const path = key.split(".");
    if (path.some((part) => part === "__proto__" || part === "constructor" || part === "prototype")) continue;
    let node = out;
    for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[path.at(-1)!] = value;
  }
  return out;
}

/** What the settings action parses: the form's fields, through IntentConfigInput. */
export const IntentSettingsFormInput = z.preprocess(nestSettingsForm, IntentConfigInput);
