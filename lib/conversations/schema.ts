import { z } from "zod";
import { storableText } from "@/lib/validation/text";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const upper = (v: unknown) => (typeof v === "string" ? v.trim().toUpperCase() : v);

export const CONVERSATION_CHANNELS = ["SMS", "EMAIL", "CALL", "MAIL"] as const;
export type ConversationChannel = (typeof CONVERSATION_CHANNELS)[number];

/** Threads per page of the list. */
export const CONVERSATION_PAGE_SIZE = 25;

/**
 * The Conversations list's filters, from the URL or the API's query string. The page reads
 * them with parseLenientQuery (a hand-edited value is dropped); the API answers 422 naming it.
 */
export const ConversationQuery = z.object({
  /** The deal owner's user id, or "me" (the signed-in member; the API has no "me"). */
  owner: z.preprocess(blank, storableText().trim().max(64).optional()),
  market: z.preprocess(blank, storableText().trim().max(100).optional()),
  channel: z.preprocess((v) => blank(upper(v)), z.enum(CONVERSATION_CHANNELS).optional()),
  /** "1": only threads with replies nobody has read. */
  unread: z.preprocess(blank, z.enum(["1"]).optional()),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type ConversationQuery = z.output<typeof ConversationQuery>;

/** A thread's key: `deal:<id>` for a lead's, `buyer:<id>` for a buyer's (as the database triggers write it). */
export const ThreadKey = z
  .string()
  .trim()
  .regex(/^(deal|buyer):[A-Za-z0-9_-]{1,64}$/, "A thread is deal:<id> or buyer:<id>");

export const ThreadParams = z.object({ threadKey: ThreadKey });

/** The thread view's size: the newest items, up to this many; "Show earlier" raises it. */
export const ThreadQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export const THREAD_STEP = 100;

/** An answer in a thread: the same schema for the reply box, its action and POST .../reply. */
export const ReplyInput = z
  .object({
    channel: z.preprocess(upper, z.enum(["SMS", "EMAIL"], { error: "Choose SMS or email" })),
    body: z.string({ error: "Write the reply" }).trim().min(1, "Write the reply").max(1600, "Keep the reply under 1600 characters"),
    subject: z.preprocess(blank, z.string().trim().max(200, "Keep the subject under 200 characters").optional()),
  })
  .refine((m) => m.channel !== "EMAIL" || Boolean(m.subject), { message: "Give the email a subject", path: ["subject"] });
export type ReplyInput = z.input<typeof ReplyInput>;

/** The reply box's form: the reply and the thread it answers. */
export const ThreadReplyForm = z.intersection(ReplyInput, z.object({ threadKey: ThreadKey }));
