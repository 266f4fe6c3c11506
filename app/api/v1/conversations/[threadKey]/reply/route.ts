import { apiRoute, withStatus } from "@/lib/http/api-route";
import { outboundBaseUrl } from "@/lib/http/request-origin";
import { replyInThread } from "@/lib/conversations/reply";
import { ReplyInput, ThreadKey } from "@/lib/conversations/schema";
import { ExpectedError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/**
 * Answers in a thread through the outbound core: 201 with the recorded message's outcome, SENT,
 * FAILED (the provider's error) or BLOCKED with the gate, reason and fix (nothing was queued).
 */
export const POST = apiRoute({ route: "/api/v1/conversations/[threadKey]/reply", scope: "conversations:write", body: ReplyInput }, async ({ db, params, body, principal }) => {
  const key = ThreadKey.safeParse(params.threadKey);
  if (!key.success) throw new ExpectedError("invalid", key.error.issues[0].message, "threadKey");
  return withStatus(201, await replyInThread(db, key.data, body, { actorId: principal.userId }, { baseUrl: await outboundBaseUrl() }));
});
