import { getPrisma } from "@/lib/db/client";
import { acceptInvitation } from "@/lib/tenants/invitations";
import type { AcceptInvitationInput } from "@/lib/tenants/schema";

/**
 * Accepting an invitation creates or confirms a global User in the same transaction as its
 * Membership, so it runs on the root client, which sign-in owns.
 */
export async function acceptInvitationLink(input: AcceptInvitationInput, meta: { requestId?: string } = {}) {
  return acceptInvitation(await getPrisma(), input, meta);
}
