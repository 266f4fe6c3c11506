/**
 * The inputs of the approval workflow: one schema each for the page's forms, their actions
 * and the API. Client-safe (zod only).
 */
import { z } from "zod";

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);

const subject = z.string().trim().min(1, "Write the subject").max(200, "Keep the subject under 200 characters");
const body = z.string().trim().min(1, "Write the body").max(5000, "Keep the body under 5000 characters");

/** Approve as proposed, or with the subject and body as edited. */
export const ApproveDraftInput = z.object({
  subject: z.preprocess(blank, subject.optional()),
  body: z.preprocess(blank, body.optional()),
});
export type ApproveDraftInput = z.infer<typeof ApproveDraftInput>;

export const EditDraftInput = z.object({ subject, body });
export type EditDraftInput = z.infer<typeof EditDraftInput>;

export const RejectDraftInput = z.object({
  reason: z.preprocess((v) => (typeof v === "string" ? v : ""), z.string().trim().min(3, "Say why (at least 3 characters)").max(500, "Keep the reason under 500 characters")),
});
export type RejectDraftInput = z.infer<typeof RejectDraftInput>;

export const APPROVAL_STATUSES = ["PENDING", "SENT", "REJECTED", "all"] as const;
export type ApprovalStatusFilter = (typeof APPROVAL_STATUSES)[number];
export const APPROVAL_KINDS = ["lead", "buyer"] as const;
export const APPROVAL_PAGE_SIZE = 25;

/** The queue's state as its URL (and GET /api/v1/actions/pending) holds it. */
export const ApprovalQueueParams = z.object({
  status: z.preprocess(blank, z.enum(APPROVAL_STATUSES).default("PENDING")),
  /** A member's user id, or "me". */
  owner: z.preprocess(blank, z.string().trim().regex(/^[A-Za-z0-9_-]{1,64}$/, "A user id or \"me\"").optional()),
  kind: z.preprocess(blank, z.enum(APPROVAL_KINDS).optional()),
  page: z.preprocess(blank, z.coerce.number().int().min(1).max(100_000).default(1)),
});
export type ApprovalQueueParams = z.infer<typeof ApprovalQueueParams>;

/** The parsed parameters, with the user "me" stands for (null when no user is asking, e.g. a workspace API key). */
export type ApprovalQueueQuery = ApprovalQueueParams & { me?: string | null; pageSize?: number };
