import { apiRoute } from "@/lib/http/api-route";
import { getThread } from "@/lib/conversations/queries";
import { ThreadKey, ThreadQuery } from "@/lib/conversations/schema";
import { ExpectedError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** A thread's newest items (?limit=, default 100, at most 1000), oldest first. Reading it by API does not mark it read. */
export const GET = apiRoute({ route: "/api/v1/conversations/[threadKey]", scope: "conversations:read", query: ThreadQuery }, ({ db, params, query }) => {
  const key = ThreadKey.safeParse(params.threadKey);
  if (!key.success) throw new ExpectedError("invalid", key.error.issues[0].message, "threadKey");
  return getThread(db, key.data, query.limit);
});
