-- CreateEnum
CREATE TYPE "DealStatus" AS ENUM ('NEW', 'UNDERWRITTEN', 'CONTACTED', 'NEGOTIATING', 'UNDER_CONTRACT', 'CLOSED', 'DEAD');

-- CreateEnum
CREATE TYPE "Strategy" AS ENUM ('FLIP', 'RENTAL', 'WHOLESALE', 'TRASH');

-- CreateEnum
CREATE TYPE "DealSource" AS ENUM ('EMAIL', 'CSV', 'API', 'MANUAL');

-- CreateEnum
CREATE TYPE "PropertyType" AS ENUM ('SFR', 'MULTI', 'CONDO', 'TOWNHOUSE', 'LAND', 'MOBILE', 'COMMERCIAL');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('PENDING', 'RUNNING', 'DONE', 'FAILED');

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "settings" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "Deal" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "status" "DealStatus" NOT NULL DEFAULT 'NEW',
    "source" "DealSource" NOT NULL,
    "sourceRef" TEXT,
    "street" TEXT,
    "unit" TEXT,
    "city" TEXT,
    "region" TEXT,
    "postalCode" TEXT,
    "country" "Country",
    "addressKey" TEXT NOT NULL,
    "market" TEXT,
    "timeZone" TEXT,
    "askingPrice" INTEGER,
    "arv" INTEGER,
    "repairs" INTEGER,
    "beds" INTEGER,
    "baths" DOUBLE PRECISION,
    "sqft" INTEGER,
    "yearBuilt" INTEGER,
    "propertyType" "PropertyType",
    "score" INTEGER,
    "mao" INTEGER,
    "spread" INTEGER,
    "spreadRatio" DOUBLE PRECISION,
    "strategy" "Strategy",
    "underwrittenAt" TIMESTAMP(3),
    "contactName" TEXT,
    "contactPhone" TEXT,
    "contactEmail" TEXT,
    "ownerId" TEXT,
    "provenance" JSONB,
    "raw" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Deal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferPolicy" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "market" TEXT NOT NULL DEFAULT 'ALL',
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "maxArvMultiplier" DOUBLE PRECISION NOT NULL DEFAULT 0.7,
    "assignmentFee" INTEGER NOT NULL DEFAULT 10000,
    "feesBuffer" INTEGER NOT NULL DEFAULT 2500,
    "version" INTEGER NOT NULL DEFAULT 1,
    "reason" TEXT,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OfferPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferEvidence" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "dealId" TEXT NOT NULL,
    "policyId" TEXT,
    "policyVersion" INTEGER,
    "inputs" JSONB NOT NULL,
    "outputs" JSONB NOT NULL,
    "correlationId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OfferEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MarketPolicy" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "market" TEXT NOT NULL DEFAULT 'ALL',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "rules" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "reason" TEXT,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MarketPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KpiEvent" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "dealId" TEXT,
    "data" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KpiEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "scopes" TEXT[],
    "createdById" TEXT,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "response" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InboundEmail" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "fromAddress" TEXT,
    "subject" TEXT,
    "dealIds" TEXT[],
    "parsed" JSONB NOT NULL,
    "raw" JSONB NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InboundEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportJob" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'PENDING',
    "mapping" JSONB NOT NULL,
    "totalRows" INTEGER NOT NULL DEFAULT 0,
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "message" TEXT,
    "createdById" TEXT,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRowError" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "field" TEXT,
    "message" TEXT NOT NULL,
    "raw" JSONB NOT NULL,

    CONSTRAINT "ImportRowError_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SavedView" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedView_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Deal_tenantId_createdAt_idx" ON "Deal"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "Deal_tenantId_status_createdAt_idx" ON "Deal"("tenantId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Deal_tenantId_spread_idx" ON "Deal"("tenantId", "spread");

-- CreateIndex
CREATE INDEX "Deal_tenantId_spreadRatio_idx" ON "Deal"("tenantId", "spreadRatio");

-- CreateIndex
CREATE INDEX "Deal_tenantId_region_market_idx" ON "Deal"("tenantId", "region", "market");

-- CreateIndex
CREATE INDEX "Deal_tenantId_strategy_idx" ON "Deal"("tenantId", "strategy");

-- CreateIndex
CREATE INDEX "Deal_tenantId_source_createdAt_idx" ON "Deal"("tenantId", "source", "createdAt");

-- CreateIndex
CREATE INDEX "Deal_tenantId_score_idx" ON "Deal"("tenantId", "score");

-- CreateIndex
CREATE INDEX "Deal_tenantId_underwrittenAt_idx" ON "Deal"("tenantId", "underwrittenAt");

-- CreateIndex
CREATE UNIQUE INDEX "Deal_tenantId_addressKey_key" ON "Deal"("tenantId", "addressKey");

-- CreateIndex
CREATE UNIQUE INDEX "OfferPolicy_tenantId_region_market_key" ON "OfferPolicy"("tenantId", "region", "market");

-- CreateIndex
CREATE INDEX "OfferEvidence_tenantId_dealId_createdAt_idx" ON "OfferEvidence"("tenantId", "dealId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MarketPolicy_tenantId_region_market_key" ON "MarketPolicy"("tenantId", "region", "market");

-- CreateIndex
CREATE INDEX "KpiEvent_tenantId_name_createdAt_idx" ON "KpiEvent"("tenantId", "name", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_prefix_key" ON "ApiKey"("prefix");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_keyHash_key" ON "ApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "ApiKey_tenantId_idx" ON "ApiKey"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "IdempotencyRecord_tenantId_scope_key_key" ON "IdempotencyRecord"("tenantId", "scope", "key");

-- CreateIndex
CREATE UNIQUE INDEX "InboundEmail_tenantId_messageId_key" ON "InboundEmail"("tenantId", "messageId");

-- CreateIndex
CREATE INDEX "ImportJob_tenantId_createdAt_idx" ON "ImportJob"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "ImportRowError_tenantId_jobId_rowNumber_idx" ON "ImportRowError"("tenantId", "jobId", "rowNumber");

-- CreateIndex
CREATE UNIQUE INDEX "SavedView_tenantId_userId_name_key" ON "SavedView"("tenantId", "userId", "name");

-- AddForeignKey
ALTER TABLE "Deal" ADD CONSTRAINT "Deal_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferEvidence" ADD CONSTRAINT "OfferEvidence_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportRowError" ADD CONSTRAINT "ImportRowError_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "ImportJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Underwriting evidence is immutable (D3): reject every UPDATE and DELETE.
CREATE FUNCTION "offer_evidence_immutable"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'OfferEvidence is immutable: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "OfferEvidence_immutable"
  BEFORE UPDATE OR DELETE ON "OfferEvidence"
  FOR EACH ROW EXECUTE FUNCTION "offer_evidence_immutable"();

-- The prospects table sorts nullable columns with NULLS LAST both ways; an ascending index
-- read backwards gives NULLS FIRST, so descending sorts get indexes of their own.
CREATE INDEX "Deal_tenantId_spread_desc_idx" ON "Deal" ("tenantId", "spread" DESC NULLS LAST, "id" DESC);
CREATE INDEX "Deal_tenantId_spreadRatio_desc_idx" ON "Deal" ("tenantId", "spreadRatio" DESC NULLS LAST, "id" DESC);
CREATE INDEX "Deal_tenantId_score_desc_idx" ON "Deal" ("tenantId", "score" DESC NULLS LAST, "id" DESC);
CREATE INDEX "Deal_tenantId_askingPrice_idx" ON "Deal" ("tenantId", "askingPrice", "id");
CREATE INDEX "Deal_tenantId_askingPrice_desc_idx" ON "Deal" ("tenantId", "askingPrice" DESC NULLS LAST, "id" DESC);
CREATE INDEX "Deal_tenantId_arv_desc_idx" ON "Deal" ("tenantId", "arv" DESC NULLS LAST, "id" DESC);
CREATE INDEX "Deal_tenantId_mao_desc_idx" ON "Deal" ("tenantId", "mao" DESC NULLS LAST, "id" DESC);
CREATE INDEX "Deal_tenantId_createdAt_id_idx" ON "Deal" ("tenantId", "createdAt" DESC, "id" DESC);
