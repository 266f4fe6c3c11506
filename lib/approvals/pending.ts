/** The draft of one person still waiting for a decision, for the intent panels' link. */
import type { TenantDb } from "@/lib/db/tenant";
import type { SignalSubject } from "@/lib/signals/types";

export async function findPendingDraftId(db: TenantDb, subject: SignalSubject): Promise<string | null> {
  const draft = await db.emailDraft.findFirst({
    where: { status: "PENDING", ...(subject.kind === "lead" ? { dealId: subject.dealId } : { buyerId: subject.buyerId }) },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  return draft?.id ?? null;
}
