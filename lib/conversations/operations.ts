import { z } from "zod";
import type { ApiOperation } from "@/lib/api/openapi";
import { ConversationQuery, ReplyInput, ThreadQuery } from "./schema";

const threadParams = z.object({ threadKey: z.string().describe("deal:<dealId> for a lead's thread, buyer:<buyerId> for a buyer's") });

/** The v1 operations of conversations, in the OpenAPI document. */
export const CONVERSATION_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/conversations",
    summary:
      "Threads, one per lead (deal:<id>) or buyer (buyer:<id>), newest first, 25 a page: each with its last item, unread count (inbound items since it was last read) and channels. Filters: owner (the deal owner's user id; \"me\" for a user-bound key), market, channel (SMS, EMAIL, CALL, MAIL), unread=1. Answers { rows, total, page, pageCount, pageSize }",
    scope: "conversations:read",
    query: ConversationQuery,
  },
  {
    method: "get",
    path: "/api/v1/conversations/{threadKey}",
    summary:
      "A thread's newest items (limit, default 100, at most 1000), oldest first: every SMS and email in and out, call and mail piece, with direction, channel, status and, for a refused item, its gate. Reading it here does not mark it read. 404 for a lead or buyer not in the workspace",
    scope: "conversations:read",
    params: threadParams,
    query: ThreadQuery,
  },
  {
    method: "post",
    path: "/api/v1/conversations/{threadKey}/reply",
    summary:
      "Answer in a thread by SMS or email (subject required for email) through the outbound core and all its gates. Answers 201 with { messageId, status }: SENT, FAILED with the provider's error, or BLOCKED with gate, reason and fix (recorded, nothing queued)",
    scope: "conversations:write",
    body: ReplyInput,
    params: threadParams,
    idempotent: true,
    creates: true,
  },
];
