import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";

const unique = () => randomBytes(5).toString("hex");

async function makeUser(prisma: PrismaClient) {
  return prisma.user.create({ data: { email: `u-${unique()}@example.test`, name: "Test User", passwordHash: "x" } });
}

const CREDENTIAL_PROVIDERS = ["TWILIO", "SENDGRID", "GMAIL", "DISCORD", "SAM_GOV", "LLM", "STORAGE", "SKIPTRACE", "COMPS", "LOB"] as const;
let credentialRows = 0;
let scoringModelVersions = 0;

type Factory = (prisma: PrismaClient, tenantId: string) => Promise<{ id: string }>;

/**
 * One row-maker per tenant-owned model. The isolation test walks every tenant-owned model
 * in the data model, so a new model without a factory here fails that test by name.
 */
const factories: Record<string, Factory> = {
  Membership: async (prisma, tenantId) =>
    prisma.membership.create({ data: { tenantId, userId: (await makeUser(prisma)).id, role: "va" } }),
  Invitation: (prisma, tenantId) =>
    prisma.invitation.create({
      data: {
        tenantId, email: `i-${unique()}@example.test`, role: "va", tokenHash: unique(),
        invitedById: "seed", expiresAt: new Date(Date.now() + 86_400_000),
      },
    }),
  AuditEvent: (prisma, tenantId) =>
    prisma.auditEvent.create({ data: { tenantId, action: "test.created", entity: "Test" } }),
  Notification: (prisma, tenantId) =>
    prisma.notification.create({ data: { tenantId, kind: "test", title: "Hello", body: "World" } }),
  Deal: (prisma, tenantId) => makeDeal(prisma, tenantId),
  DealNote: async (prisma, tenantId) =>
    prisma.dealNote.create({ data: { tenantId, dealId: (await makeDeal(prisma, tenantId)).id, body: "Called, no answer" } }),
  OfferPolicy: (prisma, tenantId) => prisma.offerPolicy.create({ data: { tenantId, region: `R${unique()}` } }),
  OfferEvidence: async (prisma, tenantId) =>
    prisma.offerEvidence.create({
      data: { tenantId, dealId: (await makeDeal(prisma, tenantId)).id, inputs: {}, outputs: {}, correlationId: unique() },
    }),
  MarketPolicy: (prisma, tenantId) => prisma.marketPolicy.create({ data: { tenantId, region: `R${unique()}`, rules: {} } }),
  KpiEvent: (prisma, tenantId) => prisma.kpiEvent.create({ data: { tenantId, name: "lead_created" } }),
  ProviderCredential: (prisma, tenantId) =>
    prisma.providerCredential.create({
      // One row per provider and tenant: consecutive rows take turns so a batch of copies stays unique.
      data: { tenantId, provider: CREDENTIAL_PROVIDERS[credentialRows++ % CREDENTIAL_PROVIDERS.length], publicFields: {}, secretHints: { apiKey: "…abcd" }, ciphertext: unique(), iv: unique(), authTag: unique(), keyVersion: 1 },
    }),
  ApiKey: (prisma, tenantId) =>
    prisma.apiKey.create({ data: { tenantId, name: "test", prefix: unique(), keyHash: unique(), scopes: [] } }),
  IdempotencyRecord: (prisma, tenantId) =>
    prisma.idempotencyRecord.create({ data: { tenantId, scope: "test", key: unique(), requestHash: "h", status: 200, response: {} } }),
  InboundEmail: (prisma, tenantId) =>
    prisma.inboundEmail.create({ data: { tenantId, messageId: unique(), source: "webhook", parsed: {}, raw: {} } }),
  ImportJob: (prisma, tenantId) => prisma.importJob.create({ data: { tenantId, fileName: "x.csv", mapping: {} } }),
  ImportRowError: async (prisma, tenantId) => {
    const job = await prisma.importJob.create({ data: { tenantId, fileName: "y.csv", mapping: {} } });
    return prisma.importRowError.create({ data: { tenantId, jobId: job.id, rowNumber: 2, message: "bad", raw: {} } });
  },
  SavedView: (prisma, tenantId) =>
    prisma.savedView.create({ data: { tenantId, userId: "u", name: `v-${unique()}`, query: "" } }),
  Message: (prisma, tenantId) =>
    prisma.message.create({
      data: { tenantId, channel: "SMS", direction: "OUTBOUND", status: "QUEUED", toAddress: "+15555550100", body: "Hi", provider: "outbox" },
    }),
  MessageEvent: (prisma, tenantId) =>
    prisma.messageEvent.create({ data: { tenantId, provider: "outbox", eventKey: unique(), type: "delivered", payload: {} } }),
  ContactConsent: (prisma, tenantId) =>
    prisma.contactConsent.create({ data: { tenantId, channel: "SMS", address: `+1555${unique()}`, status: "OPTED_IN", basis: "PRIOR_EXPRESS_WRITTEN", source: "test" } }),
  DoNotContact: (prisma, tenantId) => prisma.doNotContact.create({ data: { tenantId, value: `+1555${unique()}`, reason: "test" } }),
  LadderTemplate: (prisma, tenantId) => prisma.ladderTemplate.create({ data: { tenantId, steps: [] } }),
  FollowUpLadder: async (prisma, tenantId) =>
    prisma.followUpLadder.create({ data: { tenantId, dealId: (await makeDeal(prisma, tenantId)).id, steps: [] } }),
  FollowUpTask: async (prisma, tenantId) =>
    prisma.followUpTask.create({
      data: { tenantId, dealId: (await makeDeal(prisma, tenantId)).id, step: 1, channel: "CALL", dueAt: new Date() },
    }),
  EngineState: (prisma, tenantId) =>
    prisma.engineState.create({ data: { tenantId, engine: `e-${unique()}`, intervalSeconds: 300, intervalReason: "test" } }),
  EngineRun: (prisma, tenantId) => prisma.engineRun.create({ data: { tenantId, engine: "test", trigger: "manual" } }),
  EventOutbox: (prisma, tenantId) => prisma.eventOutbox.create({ data: { id: unique(), tenantId, name: "test/event", data: {} } }),
  RuntimeJob: (prisma, tenantId) => prisma.runtimeJob.create({ data: { id: `job-${unique()}`, tenantId, kind: "test" } }),
  PrivacyRequest: (prisma, tenantId) =>
    prisma.privacyRequest.create({ data: { tenantId, kind: "ACCESS", identifiers: {}, subjectHashes: [], deadline: new Date(Date.now() + 86_400_000) } }),
  Suppression: (prisma, tenantId) => prisma.suppression.create({ data: { tenantId, kind: "phone", hash: unique() } }),
  PersonKey: (prisma, tenantId) => prisma.personKey.create({ data: { tenantId, subjectHash: unique(), wrappedKey: "x" } }),
  KpiAlert: (prisma, tenantId) =>
    prisma.kpiAlert.create({
      data: { tenantId, kpi: "reply_rate", hourStart: new Date(), value: 0.1, baselineMean: 0.3, baselineSpread: 0.05, volume: 40, direction: "below", message: "test", discord: "not configured" },
    }),
  OutboundThrottle: (prisma, tenantId) => prisma.outboundThrottle.create({ data: { tenantId, reason: "test" } }),
  DncRegistry: (prisma, tenantId) => prisma.dncRegistry.create({ data: { tenantId, kind: "INTERNAL", name: `List ${unique()}` } }),
  DncRegistryBlock: async (prisma, tenantId) =>
    prisma.dncRegistryBlock.create({
      data: { tenantId, registryId: (await prisma.dncRegistry.create({ data: { tenantId, kind: "INTERNAL", name: `List ${unique()}` } })).id, version: 1, seq: 0, data: "AAAAAA==" },
    }),
  Buyer: (prisma, tenantId) => makeBuyer(prisma, tenantId),
  BuyerFeedbackEvent: async (prisma, tenantId) =>
    prisma.buyerFeedbackEvent.create({ data: { tenantId, buyerId: (await makeBuyer(prisma, tenantId)).id, kind: "SENT", dedupeKey: `f-${unique()}` } }),
  BuyerLiquidityNode: (prisma, tenantId) =>
    prisma.buyerLiquidityNode.create({ data: { tenantId, region: "TX", market: `M${unique()}`, propertyType: "SFR" } }),
  BuyerSegment: (prisma, tenantId) => prisma.buyerSegment.create({ data: { tenantId, name: `s-${unique()}`, query: "" } }),
  Blast: async (prisma, tenantId) => prisma.blast.create({ data: { tenantId, dealId: (await makeDeal(prisma, tenantId)).id, channels: ["SMS"] } }),
  BlastRecipient: async (prisma, tenantId) => {
    const blast = await prisma.blast.create({ data: { tenantId, dealId: (await makeDeal(prisma, tenantId)).id, channels: ["SMS"] } });
    return prisma.blastRecipient.create({ data: { tenantId, blastId: blast.id, buyerId: (await makeBuyer(prisma, tenantId)).id, channel: "SMS" } });
  },
  BuyerDealLink: async (prisma, tenantId) =>
    prisma.buyerDealLink.create({
      data: { tenantId, dealId: (await makeDeal(prisma, tenantId)).id, buyerId: (await makeBuyer(prisma, tenantId)).id, tokenHash: `h-${unique()}`, expiresAt: new Date(Date.now() + 86_400_000) },
    }),
  BuyerOffer: async (prisma, tenantId) =>
    prisma.buyerOffer.create({ data: { tenantId, dealId: (await makeDeal(prisma, tenantId)).id, buyerId: (await makeBuyer(prisma, tenantId)).id, amount: 100_000 } }),
  BuyerSettings: (prisma, tenantId) =>
    prisma.buyerSettings.upsert({ where: { tenantId }, create: { tenantId }, update: {} }),
  Signal: async (prisma, tenantId) =>
    prisma.signal.create({ data: { tenantId, dealId: (await makeDeal(prisma, tenantId)).id, type: "sms_reply", source: "sms", occurredAt: new Date(), dedupeKey: unique() } }),
  // A random version: the isolation test copies a row's data into batches of two.
  IntentSettingsVersion: (prisma, tenantId) =>
    prisma.intentSettingsVersion.create({ data: { tenantId, version: randomBytes(3).readUIntBE(0, 3), weights: {}, halfLifeHours: {}, drafting: {} } }),
  EmailDraft: async (prisma, tenantId) =>
    prisma.emailDraft.create({
      data: {
        tenantId, dealId: (await makeDeal(prisma, tenantId)).id, toAddress: "seller@example.test", subject: "Hi", body: "Hello",
        proposedSubject: "Hi", proposedBody: "Hello", reasoning: {}, confidence: 0.5, intentScore: 75, drafter: "template", settingsVersion: 0,
      },
    }),
  EnrichmentCall: async (prisma, tenantId) =>
    prisma.enrichmentCall.create({ data: { tenantId, dealId: (await makeDeal(prisma, tenantId)).id, provider: "local", month: "2026-12", status: "NOT_FOUND" } }),
  LabExperiment: (prisma, tenantId) => prisma.labExperiment.create({ data: { tenantId, name: `Experiment ${unique()}`, config: {} } }),
  LabRun: async (prisma, tenantId) =>
    prisma.labRun.create({
      data: { tenantId, experimentId: (await prisma.labExperiment.create({ data: { tenantId, name: "E", config: {} } })).id, windowStart: new Date(Date.now() - 86_400_000), windowEnd: new Date() },
    }),
  LabDraft: (prisma, tenantId) => prisma.labDraft.create({ data: { tenantId, runId: unique(), labScore: 80, productionScore: 60, labWouldDraft: true, prodWouldDraft: false } }),
  MarketArea: (prisma, tenantId) =>
    prisma.marketArea.create({
      data: { tenantId, areaCode: `Z${unique()}`, country: "US", latitude: 29.4, longitude: -98.5, metrics: {}, rank: "NORMAL", computedRank: "NORMAL", computedAt: new Date() },
    }),
  MarketIntelSettings: (prisma, tenantId) => prisma.marketIntelSettings.create({ data: { tenantId, thresholds: {} } }),
  StoredFile: (prisma, tenantId) =>
    prisma.storedFile.create({
      data: { tenantId, purpose: "deal_photo", key: `${tenantId}/deal_photo/${unique()}`, backend: "local", fileName: "a.jpg", contentType: "image/jpeg", size: 3, sha256: "00" },
    }),
  CompSale: (prisma, tenantId) =>
    prisma.compSale.create({ data: { tenantId, addressKey: `C-${unique()}`, soldPrice: 200_000, soldAt: new Date(), source: "API" } }),
  LeadList: (prisma, tenantId) => prisma.leadList.create({ data: { tenantId, name: `List ${unique()}` } }),
  LeadListMember: async (prisma, tenantId) =>
    prisma.leadListMember.create({
      data: { tenantId, listId: (await prisma.leadList.create({ data: { tenantId, name: `List ${unique()}` } })).id, dealId: (await makeDeal(prisma, tenantId)).id },
    }),
  // A fresh version each time: the isolation tests copy factory rows into one tenant.
  ScoringModel: (prisma, tenantId) => prisma.scoringModel.create({ data: { tenantId, version: (scoringModelVersions += 1), parameters: {}, metrics: {}, outcomes: 200 } }),
  Conversation: (prisma, tenantId) =>
    prisma.conversation.create({ data: { tenantId, threadKey: `deal:${unique()}`, lastAt: new Date(), lastChannel: "SMS", lastDirection: "INBOUND", lastPreview: "Hi", channels: ["SMS"] } }),
  Campaign: (prisma, tenantId) => prisma.campaign.create({ data: { tenantId, name: `Campaign ${unique()}`, audience: "PROSPECTS_VIEW" } }),
  CampaignVariant: async (prisma, tenantId) =>
    prisma.campaignVariant.create({
      data: { tenantId, campaignId: (await prisma.campaign.create({ data: { tenantId, name: `Campaign ${unique()}`, audience: "PROSPECTS_VIEW" } })).id, label: unique(), body: "Hello" },
    }),
  CampaignRecipient: async (prisma, tenantId) =>
    prisma.campaignRecipient.create({
      data: { tenantId, campaignId: (await prisma.campaign.create({ data: { tenantId, name: `Campaign ${unique()}`, audience: "PROSPECTS_VIEW" } })).id, address: `r-${unique()}@example.test` },
    }),
  SendingIdentity: (prisma, tenantId) => prisma.sendingIdentity.create({ data: { tenantId, channel: "SMS", address: `+1713555${String(parseInt(unique(), 16) % 10_000).padStart(4, "0")}${unique()}` } }),
  ThrottleDecision: (prisma, tenantId) =>
    prisma.throttleDecision.create({ data: { tenantId, identityId: unique(), action: "slow", fromStatus: "ACTIVE", toStatus: "SLOWED", fromRate: 1, toRate: 0.5 } }),
  Call: (prisma, tenantId) => prisma.call.create({ data: { tenantId, toNumber: "+17135550100", provider: "local" } }),
  MailPiece: (prisma, tenantId) =>
    prisma.mailPiece.create({
      data: { tenantId, kind: "POSTCARD", toName: "Pat", addressLine1: "1 Main St", city: "Houston", region: "TX", postalCode: "77002", country: "US", body: "Hello", provider: "local" },
    }),
  GovConProfile: (prisma, tenantId) => prisma.govConProfile.create({ data: { tenantId, naicsCodes: ["2362"] } }),
  Opportunity: (prisma, tenantId) => makeOpportunity(prisma, tenantId),
  OpportunityVersion: async (prisma, tenantId) =>
    prisma.opportunityVersion.create({ data: { tenantId, opportunityId: (await makeOpportunity(prisma, tenantId)).id, version: 2, previous: {} } }),
  OpportunityNote: async (prisma, tenantId) =>
    prisma.opportunityNote.create({ data: { tenantId, opportunityId: (await makeOpportunity(prisma, tenantId)).id, body: "Walk the site first" } }),
  OpportunityAwards: async (prisma, tenantId) =>
    prisma.opportunityAwards.create({ data: { tenantId, opportunityId: (await makeOpportunity(prisma, tenantId)).id, source: "fixture" } }),
  GovConSearch: (prisma, tenantId) => prisma.govConSearch.create({ data: { tenantId, ownerId: unique(), name: `Search ${unique()}` } }),
  GovConAlert: (prisma, tenantId) =>
    prisma.govConAlert.create({ data: { tenantId, userId: unique(), opportunityId: unique(), kind: "deadline-3", dedupeKey: `deadline-3:${unique()}`, summary: "Due in 3 days" } }),
  Pursuit: (prisma, tenantId) => prisma.pursuit.create({ data: { tenantId, title: `Pursuit ${unique()}` } }),
};

function makeBuyer(prisma: PrismaClient, tenantId: string) {
  return prisma.buyer.create({ data: { tenantId, name: `Buyer ${unique()}`, phones: [`+1713555${String(unique()).padStart(4, "0").slice(-4)}`] } });
}

function makeOpportunity(prisma: PrismaClient, tenantId: string) {
  return prisma.opportunity.create({ data: { tenantId, noticeId: unique(), title: "Roof replacement, Building 12", noticeType: "Solicitation", raw: {} } });
}

function makeDeal(prisma: PrismaClient, tenantId: string) {
  return prisma.deal.create({ data: { tenantId, source: "MANUAL", addressKey: `K-${unique()}`, raw: {} } });
}

export async function seedRowFor(prisma: PrismaClient, model: string, tenantId: string) {
  const factory = factories[model];
  if (!factory) throw new Error(`No test factory for tenant-owned model ${model}: add one in tests/helpers/factories.ts`);
  return factory(prisma, tenantId);
}
