"use server";

import { describeError } from "@/lib/http/errors";
import { toFieldIssues, type ActionResult } from "@/lib/http/result";
import { currentRequestId } from "@/lib/auth/session";
import { acceptInvitationLink } from "@/lib/auth/invitations";
import { AcceptInvitationInput } from "@/lib/tenants/schema";
import { parseStorable } from "@/lib/validation/text";

/** Public: the token is the credential. Signing in afterwards happens in the browser. */
export async function acceptInvitationAction(
  _previous: ActionResult<{ email: string }> | null,
  formData: FormData,
): Promise<ActionResult<{ email: string }>> {
  const requestId = await currentRequestId();
  const parsed = parseStorable(AcceptInvitationInput, {
    token: formData.get("token"),
    name: formData.get("name") || undefined,
    password: formData.get("password"),
  });
  if (!parsed.success) return { ok: false, error: "Some fields need your attention", issues: toFieldIssues(parsed.error) };
  try {
    const accepted = await acceptInvitationLink(parsed.data, { requestId });
    return { ok: true, data: { email: accepted.email } };
  } catch (error) {
    return { ok: false, ...describeError(error, requestId).body };
  }
}
