/**
 * The demo's email campaign: "Spring check-in", sent three days ago, two variants, six
 * leads, with opens, clicks and a bounce. Its emails are recorded as the local outbox would
 * have recorded them (nothing leaves the app), and the engagement that followed is recorded
 * on the recipients as the tracking endpoints and SendGrid's events record it.
 */
import { randomUUID } from "node:crypto";
import type { TenantDb } from "@/lib/db/tenant";
import { insertDemoMessages } from "@/lib/outbound/demo-messages";
import { OUTBOX_EMAIL_FROM, OUTBOX_PROVIDER } from "@/lib/providers/outbox";
import { leadMergeValues, mergeCampaignTemplate } from "./templates";

const NAME = "Spring check-in";

const VARIANTS = [
  { label: "A", subject: "A question about {{address}}", body: "Hi {{first_name}},\n\nWould you consider an offer on {{address}}? We buy in {{city}} and close on your timeline.\n\nSee how it works: https://example.com/how-we-buy" },
  { label: "B", subject: "{{first_name}}, still own {{address}}?", body: "Hi {{first_name}},\n\nWe're local buyers in {{city}}. If you'd sell {{address}}, reply and we'll call at a time that suits you." },
];

/** What each demo recipient did, in order: A, B, A, B, A, B. */
const STORY = [
  { state: "CLICKED", opens: 2, clicks: 1 },
  { state: "OPENED", opens: 1, clicks: 0 },
  { state: "OPENED", opens: 1, clicks: 0 },
  { state: "BOUNCED", opens: 0, clicks: 0 },
  { state: "DELIVERED", opens: 0, clicks: 0 },
  { state: "DELIVERED", opens: 0, clicks: 0 },
] as const;

export async function seedDemoCampaigns(db: TenantDb, context: { now: Date; ownerId: string | null }): Promise<void> {
  if (await db.campaign.count({ where: { name: NAME } })) return;
  const deals = await db.deal.findMany({ where: { contactEmail: { not: null }, deletedAt: null }, orderBy: { createdAt: "asc" }, take: STORY.length, select: { id: true, contactEmail: true, contactName: true, street: true, city: true } });
  if (deals.length === 0) return;
  const sentAt = new Date(context.now.getTime() - 3 * 24 * 3_600_000);
  const at = (hours: number) => new Date(sentAt.getTime() + hours * 3_600_000);
  // One write: the campaign with its variants.
  const campaign = await db.campaign.create({
    data: {
      name: NAME, channel: "EMAIL", status: "FINISHED", audience: "PROSPECTS_VIEW", audienceQuery: "scoreMin=60&sort=score", minScore: 60, dailyLimit: 100,
      startedAt: sentAt, finishedAt: at(1), lastRunAt: at(1), total: deals.length, createdById: context.ownerId,
      variants: { create: VARIANTS.map((v) => ({ ...v, tenantId: db.tenantId })) },
    },
    select: { id: true, variants: { orderBy: { label: "asc" }, select: { id: true, label: true } } },
  });
  const sends = deals.map((deal, i) => {
    const story = STORY[i];
    const variant = campaign.variants[i % campaign.variants.length];
    const values = leadMergeValues(deal);
    return { deal, story, variant, address: deal.contactEmail!.toLowerCase(), messageId: randomUUID(), subject: mergeCampaignTemplate(VARIANTS[i % 2].subject, values), body: mergeCampaignTemplate(VARIANTS[i % 2].body, values) };
  });
  await insertDemoMessages(
    db,
    sends.map(({ deal, story, variant, address, messageId, subject, body }) => {
      const bounced = story.state === "BOUNCED";
      return {
        id: messageId, dealId: deal.id, channel: "EMAIL", direction: "OUTBOUND", status: bounced ? "UNDELIVERED" : "DELIVERED", toAddress: address, fromAddress: OUTBOX_EMAIL_FROM,
        subject, body, provider: OUTBOX_PROVIDER, providerMessageId: `demo-${messageId}`, sentById: context.ownerId, variantKey: `campaign:${variant.id}`,
        createdAt: sentAt, sentAt, ...(bounced ? {} : { deliveredAt: at(0.1) }),
      };
    }),
  );
  await db.campaignRecipient.createMany({
    data: sends.map(({ deal, story, variant, address, messageId }) => ({
      campaignId: campaign.id, variantId: variant.id, dealId: deal.id, address, state: story.state, messageId, opens: story.opens, clicks: story.clicks, sentAt,
      ...(story.state === "BOUNCED" ? { bouncedAt: at(0.1) } : { deliveredAt: at(0.1) }),
      ...(story.opens > 0 ? { openedAt: at(3) } : {}),
      ...(story.clicks > 0 ? { clickedAt: at(3.2) } : {}),
    })),
  });
}
