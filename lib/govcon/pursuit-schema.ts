/**
 * Inputs of the Pursuits board, shared by its forms, its server actions and
 * /api/v1/govcon/pursuits. A blank form field clears an optional value (null); a key the API
 * leaves out keeps it. Imported by client components.
 */
import { z } from "zod";
import { storableText } from "@/lib/validation/text";
import { PURSUIT_STAGES } from "./codes";
import { probability } from "./pipeline";

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

const id = (label: string) => z.string({ error: `Choose the ${label}` }).trim().min(1, `Choose the ${label}`).max(64);

export const pursuitStage = z.enum(PURSUIT_STAGES, { error: `Use one of the stages ${PURSUIT_STAGES.join(", ")}` });

const dollars = z.preprocess(
  (v) => (typeof v === "string" ? v.replace(/[$,\s]/g, "") : v),
  z.coerce.number({ error: "Enter the value in dollars" }).min(0, "The value cannot be negative").max(100_000_000_000, "At most $100,000,000,000"),
);
const nullable = <T extends z.ZodType>(schema: T) => z.preprocess(blankToNull, schema.nullable());

const title = storableText().trim().min(1, "Give the pursuit a title").max(300, "At most 300 characters");
const notes = z.preprocess(blankToNull, storableText().trim().max(5_000, "At most 5,000 characters").nullable());
const deadline = nullable(z.coerce.date({ error: "Enter the deadline as a date" }));
const ownerId = z.preprocess(blankToNull, z.string().trim().max(64).nullable());

/** A pursuit of a synced opportunity ({ opportunityId }) or a manual one ({ title, ... }). */
export const CreatePursuitInput = z
  .object({
    opportunityId: z.preprocess(blankToNull, z.string().trim().max(64).nullable()).optional(),
    title: title.optional(),
    valueDollars: nullable(dollars).optional(),
    deadline: deadline.optional(),
    ownerId: ownerId.optional(),
    notes: notes.optional(),
  })
  .refine((input) => Boolean(input.opportunityId) || Boolean(input.title), {
    path: ["title"],
    message: "Give the pursuit a title, or name the opportunity it pursues",
  });
export type CreatePursuitInput = z.infer<typeof CreatePursuitInput>;

/** A card dropped on a column: after the card `afterId` when given, else at the column's end. */
export const MovePursuitInput = z.object({
  pursuitId: id("pursuit"),
  stage: pursuitStage,
  afterId: z.string().trim().max(64).nullish(),
});
export type MovePursuitInput = z.infer<typeof MovePursuitInput>;

/** The fields of a pursuit a person edits; an override of p(win) or p(go) left blank goes back to the stage's. */
const pursuitDetails = {
  title: title.optional(),
  valueDollars: nullable(dollars).optional(),
  deadline: deadline.optional(),
  ownerId: ownerId.optional(),
  pWin: nullable(probability("p(win)")).optional(),
  pGo: nullable(probability("p(go)")).optional(),
  notes: notes.optional(),
};

/** The details a card's dialog edits. */
export const UpdatePursuitInput = z.object({ pursuitId: id("pursuit"), ...pursuitDetails });
export type UpdatePursuitInput = z.infer<typeof UpdatePursuitInput>;

/** PATCH /api/v1/govcon/pursuits: a move, an update, or both, of the pursuit `id`. */
export const PatchPursuitInput = z
  .object({
    id: id("pursuit"),
    stage: pursuitStage.optional(),
    afterId: z.string().trim().max(64).nullish(),
    ...pursuitDetails,
  })
  .strict();
export type PatchPursuitInput = z.infer<typeof PatchPursuitInput>;
