/**
 * Inputs that change an opportunity: its status (track, pursue, no-bid with a reason) and a
 * team note. One schema each, shared by the detail page's forms, its server actions and
 * POST /api/v1/govcon/opportunities/{noticeId}/status. Imported by client components.
 */
import { z } from "zod";
import { storableText } from "@/lib/validation/text";
import { OPPORTUNITY_STATUSES } from "./codes";

export const NO_BID_REASON_REQUIRED = "Say why the team does not bid";

export const OpportunityStatusInput = z
  .object({
    status: z.enum(OPPORTUNITY_STATUSES, { error: `Use one of ${OPPORTUNITY_STATUSES.join(", ")}` }),
    reason: z.preprocess((v) => (v === "" || v === null ? undefined : v), storableText().trim().max(2_000, "At most 2,000 characters").optional()),
  })
  .refine((input) => input.status !== "NO_BID" || Boolean(input.reason), { path: ["reason"], message: NO_BID_REASON_REQUIRED });
export type OpportunityStatusInput = z.infer<typeof OpportunityStatusInput>;

export const OpportunityNoteInput = z.object({
  body: storableText().trim().min(1, "Write the note").max(5_000, "At most 5,000 characters"),
});
export type OpportunityNoteInput = z.infer<typeof OpportunityNoteInput>;

/** The detail page's forms name the notice they act on. */
export const OpportunityStatusForm = OpportunityStatusInput.and(z.object({ noticeId: z.string().min(1).max(200) }));
export const OpportunityNoteForm = OpportunityNoteInput.extend({ noticeId: z.string().min(1).max(200) });
