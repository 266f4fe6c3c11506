-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('DEALS', 'BUYERS');

-- CreateEnum
CREATE TYPE "BuyerStatus" AS ENUM ('ACTIVE', 'INACTIVE', 'DO_NOT_USE');

-- CreateEnum
CREATE TYPE "RehabAppetite" AS ENUM ('LIGHT', 'MEDIUM', 'HEAVY', 'ANY');

-- CreateEnum
CREATE TYPE "BuyerTier" AS ENUM ('A', 'B', 'C');

-- CreateEnum
CREATE TYPE "DispositionStage" AS ENUM ('MARKETED', 'OFFER_ACCEPTED', 'ASSIGNED', 'CLOSED');

-- CreateEnum
CREATE TYPE "BlastStatus" AS ENUM ('QUEUED', 'SENDING', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "BuyerOfferStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN');

-- AlterTable
ALTER TABLE "Deal" ADD COLUMN     "assignedBuyerId" TEXT,
ADD COLUMN     "dispositionChangedAt" TIMESTAMP(3),
ADD COLUMN     "dispositionStage" "DispositionStage";

-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "kind" "ImportKind" NOT NULL DEFAULT 'DEALS';

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "buyerId" TEXT;

-- CreateTable
CREATE TABLE "Buyer" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "company" TEXT,
    "phones" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "emails" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "status" "BuyerStatus" NOT NULL DEFAULT 'ACTIVE',
    "proofOfFundsAmount" INTEGER,
    "proofOfFundsVerifiedAt" TIMESTAMP(3),
    "closingDays" INTEGER,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "notes" TEXT,
    "ownerId" TEXT,
    "timeZone" TEXT,
    "markets" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "postalCodes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "priceMin" INTEGER,
    "priceMax" INTEGER,
    "propertyTypes" "PropertyType"[] DEFAULT ARRAY[]::"PropertyType"[],
    "strategies" "Strategy"[] DEFAULT ARRAY[]::"Strategy"[],
    "rehabAppetite" "RehabAppetite" NOT NULL DEFAULT 'ANY',
    "minSpread" INTEGER,
    "tier" "BuyerTier" NOT NULL DEFAULT 'C',
    "tierIsNew" BOOLEAN NOT NULL DEFAULT true,
    "tierComputedAt" TIMESTAMP(3),
    "lastActivityAt" TIMESTAMP(3),
    "source" TEXT NOT NULL DEFAULT 'manual',
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Buyer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BuyerFeedbackEvent" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "buyerId" TEXT NOT NULL,
    "dealId" TEXT,
    "region" TEXT,
    "market" TEXT,
    "propertyType" TEXT,
    "kind" TEXT NOT NULL,
    "correlationId" TEXT,
    "dedupeKey" TEXT,
    "data" JSONB,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BuyerFeedbackEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BuyerLiquidityNode" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "market" TEXT NOT NULL,
    "propertyType" TEXT NOT NULL,
    "buyerCount" INTEGER NOT NULL DEFAULT 0,
    "activeBuyerCount" INTEGER NOT NULL DEFAULT 0,
    "sentCount" INTEGER NOT NULL DEFAULT 0,
    "responseCount" INTEGER NOT NULL DEFAULT 0,
    "boughtCount" INTEGER NOT NULL DEFAULT 0,
    "avgResponseRate" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "avgCloseRate" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "score" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BuyerLiquidityNode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BuyerSegment" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BuyerSegment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Blast" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "dealId" TEXT NOT NULL,
    "createdById" TEXT,
    "channels" "Channel"[],
    "smsTemplate" TEXT,
    "emailSubject" TEXT,
    "emailTemplate" TEXT,
    "status" "BlastStatus" NOT NULL DEFAULT 'QUEUED',
    "total" INTEGER NOT NULL DEFAULT 0,
    "liquidityScore" DOUBLE PRECISION,
    "coldReason" TEXT,
    "segmentId" TEXT,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Blast_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BlastRecipient" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "blastId" TEXT NOT NULL,
    "buyerId" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'QUEUED',
    "messageId" TEXT,
    "blockedGate" TEXT,
    "blockedReason" TEXT,
    "linkId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BlastRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BuyerDealLink" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "dealId" TEXT NOT NULL,
    "buyerId" TEXT NOT NULL,
    "blastId" TEXT,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "views" INTEGER NOT NULL DEFAULT 0,
    "lastViewedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BuyerDealLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BuyerOffer" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "dealId" TEXT NOT NULL,
    "buyerId" TEXT NOT NULL,
    "linkId" TEXT,
    "amount" INTEGER NOT NULL,
    "proofOfFunds" TEXT,
    "closingDate" TIMESTAMP(3),
    "note" TEXT,
    "status" "BuyerOfferStatus" NOT NULL DEFAULT 'PENDING',
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BuyerOffer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BuyerSettings" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "tierAResponseRate" DOUBLE PRECISION NOT NULL DEFAULT 0.5,
    "tierACloseRate" DOUBLE PRECISION NOT NULL DEFAULT 0.15,
    "tierAVelocityDays" INTEGER NOT NULL DEFAULT 21,
    "tierBResponseRate" DOUBLE PRECISION NOT NULL DEFAULT 0.25,
    "tierBCloseRate" DOUBLE PRECISION NOT NULL DEFAULT 0.05,
    "tierBVelocityDays" INTEGER NOT NULL DEFAULT 45,
    "tierMinSent" INTEGER NOT NULL DEFAULT 5,
    "autoBlastTierA" BOOLEAN NOT NULL DEFAULT false,
    "showStreetToBuyers" BOOLEAN NOT NULL DEFAULT false,
    "linkTtlDays" INTEGER NOT NULL DEFAULT 14,
    "coldLiquidityScore" DOUBLE PRECISION NOT NULL DEFAULT 50,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BuyerSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Buyer_tenantId_createdAt_idx" ON "Buyer"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "Buyer_tenantId_name_idx" ON "Buyer"("tenantId", "name");

-- CreateIndex
CREATE INDEX "Buyer_tenantId_status_tier_idx" ON "Buyer"("tenantId", "status", "tier");

-- CreateIndex
CREATE INDEX "BuyerFeedbackEvent_tenantId_buyerId_occurredAt_idx" ON "BuyerFeedbackEvent"("tenantId", "buyerId", "occurredAt");

-- CreateIndex
CREATE INDEX "BuyerFeedbackEvent_tenantId_dealId_occurredAt_idx" ON "BuyerFeedbackEvent"("tenantId", "dealId", "occurredAt");

-- CreateIndex
CREATE INDEX "BuyerFeedbackEvent_tenantId_region_market_propertyType_occu_idx" ON "BuyerFeedbackEvent"("tenantId", "region", "market", "propertyType", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "BuyerFeedbackEvent_tenantId_dedupeKey_key" ON "BuyerFeedbackEvent"("tenantId", "dedupeKey");

-- CreateIndex
CREATE INDEX "BuyerLiquidityNode_tenantId_score_idx" ON "BuyerLiquidityNode"("tenantId", "score");

-- CreateIndex
CREATE UNIQUE INDEX "BuyerLiquidityNode_tenantId_region_market_propertyType_key" ON "BuyerLiquidityNode"("tenantId", "region", "market", "propertyType");

-- CreateIndex
CREATE UNIQUE INDEX "BuyerSegment_tenantId_name_key" ON "BuyerSegment"("tenantId", "name");

-- CreateIndex
CREATE INDEX "Blast_tenantId_createdAt_idx" ON "Blast"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "Blast_tenantId_dealId_createdAt_idx" ON "Blast"("tenantId", "dealId", "createdAt");

-- CreateIndex
CREATE INDEX "BlastRecipient_tenantId_blastId_state_idx" ON "BlastRecipient"("tenantId", "blastId", "state");

-- CreateIndex
CREATE INDEX "BlastRecipient_tenantId_buyerId_createdAt_idx" ON "BlastRecipient"("tenantId", "buyerId", "createdAt");

-- CreateIndex
CREATE INDEX "BlastRecipient_tenantId_messageId_idx" ON "BlastRecipient"("tenantId", "messageId");

-- CreateIndex
CREATE UNIQUE INDEX "BlastRecipient_tenantId_blastId_buyerId_channel_key" ON "BlastRecipient"("tenantId", "blastId", "buyerId", "channel");

-- CreateIndex
CREATE UNIQUE INDEX "BuyerDealLink_tokenHash_key" ON "BuyerDealLink"("tokenHash");

-- CreateIndex
CREATE INDEX "BuyerDealLink_tenantId_buyerId_idx" ON "BuyerDealLink"("tenantId", "buyerId");

-- CreateIndex
CREATE UNIQUE INDEX "BuyerDealLink_tenantId_dealId_buyerId_key" ON "BuyerDealLink"("tenantId", "dealId", "buyerId");

-- CreateIndex
CREATE INDEX "BuyerOffer_tenantId_dealId_createdAt_idx" ON "BuyerOffer"("tenantId", "dealId", "createdAt");

-- CreateIndex
CREATE INDEX "BuyerOffer_tenantId_buyerId_createdAt_idx" ON "BuyerOffer"("tenantId", "buyerId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "BuyerSettings_tenantId_key" ON "BuyerSettings"("tenantId");

-- CreateIndex
CREATE INDEX "Message_tenantId_buyerId_createdAt_idx" ON "Message"("tenantId", "buyerId", "createdAt");

-- AddForeignKey
ALTER TABLE "BlastRecipient" ADD CONSTRAINT "BlastRecipient_blastId_fkey" FOREIGN KEY ("blastId") REFERENCES "Blast"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security on every new tenant-owned table (see 20261206120000_row_level_security).
SELECT dealflow_enable_tenant_rls('"Buyer"');
SELECT dealflow_enable_tenant_rls('"BuyerFeedbackEvent"');
SELECT dealflow_enable_tenant_rls('"BuyerLiquidityNode"');
SELECT dealflow_enable_tenant_rls('"BuyerSegment"');
SELECT dealflow_enable_tenant_rls('"Blast"');
SELECT dealflow_enable_tenant_rls('"BlastRecipient"');
SELECT dealflow_enable_tenant_rls('"BuyerDealLink"');
SELECT dealflow_enable_tenant_rls('"BuyerOffer"');
SELECT dealflow_enable_tenant_rls('"BuyerSettings"');

-- Feedback is immutable: the graph and the tiers are read from it.
CREATE OR REPLACE FUNCTION dealflow_buyer_feedback_immutable() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'BuyerFeedbackEvent rows are immutable';
END
$fn$;
CREATE TRIGGER buyer_feedback_immutable BEFORE UPDATE ON "BuyerFeedbackEvent"
  FOR EACH ROW EXECUTE FUNCTION dealflow_buyer_feedback_immutable();
