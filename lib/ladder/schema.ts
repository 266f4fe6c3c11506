import { z } from "zod";
import { CHANNELS } from "@/lib/policy/schema";
import { formatDelayText, parseDelay } from "./delay";
import { blockingFindings, checkTemplateContent } from "@/lib/deliverability/content-check";
import { TEMPLATE_FIELDS, unknownPlaceholders } from "./template";

/** A ladder step uses the channels contact rules know, and MAIL: a postcard or letter to the lead's mailing address. */
export const LADDER_CHANNELS = [...CHANNELS, "MAIL"] as const;
export type LadderChannel = (typeof LADDER_CHANNELS)[number];

export const MAIL_PIECE_KINDS = ["POSTCARD", "LETTER"] as const;
/** Further wordings of an SMS step, rotated so consecutive texts from a number differ. */
export const MAX_STEP_VARIANTS = 5;

export const MAX_LADDER_STEPS = 12;
/** A step may wait at most 30 days after the start. */
export const MAX_DELAY_MINUTES = 30 * 24 * 60;

interface LadderStepFields {
  channel: LadderChannel;
  delayMinutes: number;
  template: string;
  variants?: string[];
  mailKind?: (typeof MAIL_PIECE_KINDS)[number];
}

export const LadderStep = z
  .object({
    channel: z.enum(LADDER_CHANNELS, { error: "Choose SMS, CALL, EMAIL or MAIL" }),
    /** Minutes after the start; forms send text such as "30m", "3h", "1d" or "1d 12h". */
    delayMinutes: z.preprocess(
      (value) => (typeof value === "string" ? (parseDelay(value) ?? value) : value),
      z
        .number({ error: "Use a delay like 30m, 3h, 1d or 1d 12h" })
        .int("Use whole minutes")
        .min(0, "The delay cannot be negative")
        .max(MAX_DELAY_MINUTES, "Use at most 30d"),
    ),
    template: z.string().trim().max(1000, "Use at most 1000 characters").default(""),
    /** SMS only: further wordings of the text (the template is the first); blanks are dropped. */
    variants: z
      .array(z.string().trim().max(1000, "Use at most 1000 characters"))
      .max(MAX_STEP_VARIANTS, `Use at most ${MAX_STEP_VARIANTS} further wordings`)
      .default([])
      .transform((variants) => variants.filter((variant) => variant.length > 0)),
    /** MAIL only: what is printed. */
    mailKind: z.enum(MAIL_PIECE_KINDS, { error: "Choose a postcard or a letter" }).optional(),
  })
  // Stored only where they mean something: variants on an SMS step, the kind on a MAIL step.
  .transform(({ variants, mailKind, ...step }): LadderStepFields => ({
    ...step,
    ...(step.channel === "SMS" && variants.length > 0 ? { variants } : {}),
    ...(step.channel === "MAIL" ? { mailKind: mailKind ?? "POSTCARD" } : {}),
  }))
  .superRefine((step, ctx) => {
    if (step.channel !== "CALL" && step.template.length === 0) {
      ctx.addIssue({ code: "custom", path: ["template"], message: `A ${step.channel} step needs a ${step.channel === "MAIL" ? "mail piece text" : "message template"}` });
    }
    const texts: [string, (string | number)[]][] = [[step.template, ["template"]], ...(step.variants ?? []).map((variant, i): [string, (string | number)[]] => [variant, ["variants", i]])];
    for (const [text, path] of texts) {
      const unknown = unknownPlaceholders(text);
      if (unknown.length > 0) {
        ctx.addIssue({
          code: "custom",
          path,
          message: `Unknown placeholder ${unknown.map((u) => `{{${u}}}`).join(", ")}; use ${TEMPLATE_FIELDS.map((f) => `{{${f}}}`).join(", ")}`,
        });
      }
      // Carriers filter outright what a block finding names; warnings are shown as the user types and saved.
      if (step.channel === "SMS" || step.channel === "EMAIL") {
        const blocks = blockingFindings(checkTemplateContent(text, step.channel));
        if (blocks.length > 0) ctx.addIssue({ code: "custom", path, message: blocks.map((finding) => finding.reason).join(" ") });
      }
    }
  });
export type LadderStep = z.output<typeof LadderStep>;

export const LadderSteps = z
  .array(LadderStep)
  .min(1, "A ladder needs at least one step")
  .max(MAX_LADDER_STEPS, `A ladder has at most ${MAX_LADDER_STEPS} steps`)
  .superRefine((steps, ctx) => {
    for (let i = 1; i < steps.length; i++) {
      if (steps[i].delayMinutes < steps[i - 1].delayMinutes) {
        ctx.addIssue({
          code: "custom",
          path: [i, "delayMinutes"],
          message: `Step ${i + 1} cannot come before step ${i} (${formatDelayText(steps[i - 1].delayMinutes)})`,
        });
      }
    }
  });

/** The ladder editor's input: the steps and why they change (kept in the audit log). */
export const LadderTemplateInput = z.object({
  steps: LadderSteps,
  reason: z.string({ error: "Say why the ladder changes" }).trim().min(3, "Say why the ladder changes (at least 3 characters)").max(500),
});
export type LadderTemplateInput = z.input<typeof LadderTemplateInput>;

const MINUTE = 1;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** O3: SMS, CALL, SMS, CALL, SMS, CALL at 0 min, 30 min, 3 h, 1 d, 3 d and 7 d after the start. */
export const DEFAULT_LADDER_STEPS: readonly LadderStep[] = Object.freeze([
  {
    channel: "SMS",
    delayMinutes: 0,
    template: "Hi {{firstName}}, this is {{senderName}}. I saw your property at {{street}}. Would you consider a cash offer?",
  },
  { channel: "CALL", delayMinutes: 30 * MINUTE, template: "First call: introduce yourself and confirm the address." },
  { channel: "SMS", delayMinutes: 3 * HOUR, template: "Hi {{firstName}}, {{senderName}} again about {{street}}. Is there a good time to talk today?" },
  { channel: "CALL", delayMinutes: 1 * DAY, template: "Second call: ask about timeline and condition." },
  {
    channel: "SMS",
    delayMinutes: 3 * DAY,
    template: "{{firstName}}, are you still thinking about selling {{street}}? We can make a no-obligation offer this week. {{senderName}}",
  },
  { channel: "CALL", delayMinutes: 7 * DAY, template: "Last call of the ladder: leave a voicemail if there is no answer." },
] satisfies LadderStep[]);

/** How a VA closes a task. */
export const TASK_OUTCOMES = [
  "no_answer",
  "left_voicemail",
  "talked_interested",
  "talked_not_interested",
  "wrong_number",
] as const;
export type TaskOutcome = (typeof TASK_OUTCOMES)[number];
export const TASK_OUTCOME_LABELS: Record<TaskOutcome, string> = {
  no_answer: "No answer",
  left_voicemail: "Left voicemail",
  talked_interested: "Talked – interested",
  talked_not_interested: "Talked – not interested",
  wrong_number: "Wrong number",
};

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const CompleteTaskInput = z.object({
  taskId: z.string().trim().min(1, "Choose a task"),
  /** done: the step was carried out; skipped: the VA passes on it (the outcome says why). */
  resolution: z.enum(["done", "skipped"], { error: "Choose done or skipped" }).default("done"),
  outcome: z.enum(TASK_OUTCOMES, { error: "Choose an outcome" }),
  notes: z.preprocess(blankToUndefined, z.string().trim().max(2000, "Use at most 2000 characters").optional()),
  /** The VA confirms a call made outside the lead's calling hours (a ticked checkbox posts "on"). */
  outsideHoursConfirmed: z.preprocess(
    (value) => (typeof value === "string" ? ["on", "true", "1", "yes"].includes(value.trim().toLowerCase()) : value ?? false),
    z.boolean({ error: "Tick the box or leave it empty" }),
  ).default(false),
});
export type CompleteTaskInput = z.input<typeof CompleteTaskInput>;

export const BulkAssignInput = z.object({
  taskIds: z.preprocess(
    (value) => (typeof value === "string" ? [value] : value),
    z.array(z.string().min(1)).min(1, "Select at least one task").max(500, "Assign at most 500 tasks at once"),
  ),
  ownerId: z.string({ error: "Choose a VA" }).trim().min(1, "Choose a VA"),
});
export type BulkAssignInput = z.input<typeof BulkAssignInput>;

export const StartLadderInput = z.object({ dealId: z.string({ error: "Give the deal id" }).trim().min(1, "Give the deal id") });
export const StopLadderInput = z.object({
  dealId: z.string().trim().min(1, "Give the deal id"),
  reason: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()),
});

/** The inbox's URL state: whose tasks, which market, which task is open. */
export const InboxQuery = z.object({
  owner: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
  market: z.preprocess(blankToUndefined, z.string().trim().toUpperCase().max(64).optional()),
  task: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
  limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(500).default(100)),
});
export type InboxQuery = z.output<typeof InboxQuery>;

export const DueTasksQuery = z.object({
  limit: z.preprocess(blankToUndefined, z.coerce.number({ error: "Use a number" }).int().min(1).max(500, "Use at most 500").default(50)),
});
