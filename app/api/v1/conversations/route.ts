import { apiRoute } from "@/lib/http/api-route";
import { listConversations } from "@/lib/conversations/queries";
import { ConversationQuery } from "@/lib/conversations/schema";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/v1/conversations", scope: "conversations:read", query: ConversationQuery }, ({ db, query, principal }) =>
  listConversations(db, query, principal.userId ?? null),
);
