/**
 * A deal entered by hand goes through intake like any other lead (address placed, priced,
 * ladder started), with the consent the person gave, its owner and tags, and an audit line,
 * all in intake's transaction.
 */
import { recordAudit, type AuditContext } from "@/lib/audit/service";
import type { TenantDb } from "@/lib/db/tenant";
import { ExpectedError } from "@/lib/errors";
import { intakeDeals } from "@/lib/intake/service";
import { SUPPRESSED_MESSAGE } from "@/lib/privacy/suppression";
import { intakeConsentFromFields } from "@/lib/outbound/intake-consent";
import { propertyQuotaExceeded } from "@/lib/plans/quota";
import { listMembers } from "@/lib/tenants/members";
import type { DealCreateInput } from "./schema";


export async function createDeal(db: TenantDb, ctx: AuditContext, input: DealCreateInput): Promise<{ id: string }> {
  const { ownerId, tags, consentGiven, consentSource, consentGivenAt, consentWording, consentBasis, consentEvidence, ...deal } = input;
  if (ownerId && !(await listMembers(db)).some((m) => m.userId === ownerId)) {
    throw new ExpectedError("invalid", "Choose a member of this workspace.", "ownerId");
  }
  const consent = intakeConsentFromFields({ consentGiven, consentSource, consentGivenAt, consentWording, consentBasis, consentEvidence });
  const report = await intakeDeals(
    db,
    [{ deal, raw: { form: deal, enteredBy: ctx.actorEmail }, consent }],
    {
      source: "MANUAL",
      sourceRef: ctx.requestId ?? null,
      onInserted: async (tx, created) => {
        for (const { id } of created) {
          if (ownerId || tags?.length) await tx.deal.updateMany({ where: { id }, data: { ownerId: ownerId ?? null, tags: [...new Set(tags ?? [])] } });
          await recordAudit(
            tx,
            { action: "deal.created", entity: "Deal", entityId: id, after: { ...deal, ownerId: ownerId ?? null, tags: tags ?? [], consent: consent ? { given: consent.given, source: consent.source, basis: consent.basis ?? null } : null } },
            ctx,
          );
        }
      },
    },
  );
  if (report.quota && report.overQuota.length) throw propertyQuotaExceeded(report.quota);
  if (report.suppressed.length) throw new ExpectedError("invalid", `${SUPPRESSED_MESSAGE}.`, deal.contactPhone ? "contactPhone" : "contactEmail");
  const created = report.created[0];
  if (created) return { id: created.id };
  const existing = report.duplicates[0]?.existingId;
  const deleted = existing ? await db.deal.findFirst({ where: { id: existing, deletedAt: { not: null } }, select: { id: true } }) : null;
  throw new ExpectedError(
    "conflict",
    deleted ? "A deleted deal has this address; an admin can restore it from Recently deleted." : "A deal at this address already exists.",
    "street",
  );
}

