/**
 * An experiment's input: a name, the configuration under test (the one intent configuration
 * schema, so a form may start from production's) and the window of real signals it replays.
 * Client-safe (zod only).
 */
import { z } from "zod";
import { nestSettingsForm } from "@/lib/signals/settings-form";
import { IntentConfigInput } from "@/lib/signals/settings-schema";

const windowDays = z.preprocess(
  (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v),
  z.number({ error: "Enter the window in days" }).int("A whole number of days").min(1, "At least 1 day").max(90, "At most 90 days"),
);

export const ExperimentInput = z.object({
  name: z.string({ error: "Name the experiment" }).trim().min(1, "Name the experiment").max(120, "Keep the name under 120 characters"),
  description: z
    .string()
    .trim()
    .max(1000, "Keep the description under 1000 characters")
    .optional()
    .transform((v) => (v ? v : undefined)),
  config: IntentConfigInput,
  windowDays,
});
export type ExperimentInput = z.input<typeof ExperimentInput>;
export type ExperimentData = z.output<typeof ExperimentInput>;

/**
 * The same input posted by the laboratory's form: the experiment's own fields, and the
 * configuration's fields named as on the Signals settings form ("weights.sms_reply", the
 * budget in dollars), so one set of config fields serves both.
 */
export const ExperimentFormInput = z.preprocess((input) => {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return input;
  const { name, description, windowDays, ...config } = input as Record<string, unknown>;
  return { name, description, windowDays, config: nestSettingsForm(config) };
}, ExperimentInput);

export const EXPERIMENT_STATUSES = ["DRAFT", "RAN", "PROMOTED", "ARCHIVED"] as const;
export type ExperimentStatusName = (typeof EXPERIMENT_STATUSES)[number];

/** Not yet promoted or archived: what laboratory_experiments_active counts. */
export const ACTIVE_STATUSES: readonly ExperimentStatusName[] = ["DRAFT", "RAN"];
