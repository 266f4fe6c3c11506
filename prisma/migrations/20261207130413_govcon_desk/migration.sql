-- CreateEnum
CREATE TYPE "OpportunityStatus" AS ENUM ('NEW', 'TRACKING', 'PURSUING', 'NO_BID');

-- CreateEnum
CREATE TYPE "GovConAlertDelivery" AS ENUM ('IMMEDIATE', 'DIGEST');

-- CreateEnum
CREATE TYPE "PursuitStage" AS ENUM ('IDENTIFIED', 'QUALIFYING', 'CAPTURE', 'PROPOSAL', 'SUBMITTED', 'WON', 'LOST', 'NO_BID');

-- CreateTable
CREATE TABLE "GovConProfile" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "naicsCodes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "pscCodes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "setAsides" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "keywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "excludedKeywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "states" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "valueMinDollars" INTEGER,
    "valueMaxDollars" INTEGER,
    "capabilityStatement" TEXT NOT NULL DEFAULT '',
    "prepDays" INTEGER NOT NULL DEFAULT 14,
    "fitWeights" JSONB NOT NULL DEFAULT '{}',
    "descriptionMinFit" INTEGER NOT NULL DEFAULT 50,
    "stageProbabilities" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GovConProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Opportunity" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "noticeId" TEXT NOT NULL,
    "solicitationNumber" TEXT,
    "title" TEXT NOT NULL,
    "noticeType" TEXT NOT NULL,
    "baseType" TEXT,
    "agency" TEXT,
    "subTier" TEXT,
    "office" TEXT,
    "agencyPath" TEXT,
    "naicsCode" TEXT,
    "pscCode" TEXT,
    "setAside" TEXT,
    "setAsideDescription" TEXT,
    "placeState" TEXT,
    "placeCity" TEXT,
    "placeZip" TEXT,
    "postedAt" TIMESTAMP(3),
    "postedRaw" TEXT,
    "responseDeadline" TIMESTAMP(3),
    "responseDeadlineRaw" TEXT,
    "archiveAt" TIMESTAMP(3),
    "archiveRaw" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "awardAmountDollars" DOUBLE PRECISION,
    "awardee" TEXT,
    "valueDollars" DOUBLE PRECISION,
    "uiLink" TEXT,
    "descriptionUrl" TEXT,
    "description" TEXT,
    "descriptionFetchedAt" TIMESTAMP(3),
    "pointsOfContact" JSONB NOT NULL DEFAULT '[]',
    "attachments" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "raw" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastAmendedAt" TIMESTAMP(3),
    "fitScore" INTEGER,
    "fitReasons" JSONB NOT NULL DEFAULT '[]',
    "scoredAt" TIMESTAMP(3),
    "status" "OpportunityStatus" NOT NULL DEFAULT 'NEW',
    "ownerId" TEXT,
    "noBidReason" TEXT,
    "noBidById" TEXT,
    "noBidAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Opportunity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpportunityVersion" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "opportunityId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "changes" JSONB NOT NULL DEFAULT '[]',
    "previous" JSONB NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OpportunityVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpportunityNote" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "opportunityId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OpportunityNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpportunityAwards" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "opportunityId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "incumbent" JSONB,
    "similar" JSONB NOT NULL DEFAULT '[]',
    "fetchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "error" TEXT,

    CONSTRAINT "OpportunityAwards_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GovConSearch" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "filters" JSONB NOT NULL DEFAULT '{}',
    "minFit" INTEGER NOT NULL DEFAULT 0,
    "delivery" "GovConAlertDelivery" NOT NULL DEFAULT 'IMMEDIATE',
    "channels" TEXT[] DEFAULT ARRAY['inApp']::TEXT[],
    "lastDigestAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GovConSearch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GovConAlert" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "opportunityId" TEXT NOT NULL,
    "searchId" TEXT,
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GovConAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pursuit" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "opportunityId" TEXT,
    "title" TEXT NOT NULL,
    "stage" "PursuitStage" NOT NULL DEFAULT 'IDENTIFIED',
    "position" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "valueDollars" DOUBLE PRECISION,
    "pWin" DOUBLE PRECISION,
    "pGo" DOUBLE PRECISION,
    "ownerId" TEXT,
    "deadline" TIMESTAMP(3),
    "notes" TEXT,
    "stageChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Pursuit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProviderQuota" (
    "id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "budget" INTEGER NOT NULL,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "exhaustedUntil" TIMESTAMP(3),
    "lastStatus" INTEGER,
    "lastMessage" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProviderQuota_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "GovConProfile_tenantId_key" ON "GovConProfile"("tenantId");

-- CreateIndex
CREATE INDEX "Opportunity_tenantId_fitScore_idx" ON "Opportunity"("tenantId", "fitScore");

-- CreateIndex
CREATE INDEX "Opportunity_tenantId_responseDeadline_idx" ON "Opportunity"("tenantId", "responseDeadline");

-- CreateIndex
CREATE INDEX "Opportunity_tenantId_postedAt_idx" ON "Opportunity"("tenantId", "postedAt");

-- CreateIndex
CREATE INDEX "Opportunity_tenantId_status_idx" ON "Opportunity"("tenantId", "status");

-- CreateIndex
CREATE INDEX "Opportunity_tenantId_naicsCode_idx" ON "Opportunity"("tenantId", "naicsCode");

-- CreateIndex
CREATE INDEX "Opportunity_tenantId_solicitationNumber_idx" ON "Opportunity"("tenantId", "solicitationNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Opportunity_tenantId_noticeId_key" ON "Opportunity"("tenantId", "noticeId");

-- CreateIndex
CREATE INDEX "OpportunityVersion_tenantId_seenAt_idx" ON "OpportunityVersion"("tenantId", "seenAt");

-- CreateIndex
CREATE UNIQUE INDEX "OpportunityVersion_tenantId_opportunityId_version_key" ON "OpportunityVersion"("tenantId", "opportunityId", "version");

-- CreateIndex
CREATE INDEX "OpportunityNote_tenantId_opportunityId_createdAt_idx" ON "OpportunityNote"("tenantId", "opportunityId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OpportunityAwards_tenantId_opportunityId_key" ON "OpportunityAwards"("tenantId", "opportunityId");

-- CreateIndex
CREATE INDEX "GovConSearch_tenantId_ownerId_idx" ON "GovConSearch"("tenantId", "ownerId");

-- CreateIndex
CREATE INDEX "GovConAlert_tenantId_userId_deliveredAt_idx" ON "GovConAlert"("tenantId", "userId", "deliveredAt");

-- CreateIndex
CREATE UNIQUE INDEX "GovConAlert_tenantId_dedupeKey_key" ON "GovConAlert"("tenantId", "dedupeKey");

-- CreateIndex
CREATE INDEX "Pursuit_tenantId_stage_position_idx" ON "Pursuit"("tenantId", "stage", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Pursuit_tenantId_opportunityId_key" ON "Pursuit"("tenantId", "opportunityId");

-- CreateIndex
CREATE UNIQUE INDEX "ProviderQuota_provider_keyHash_day_key" ON "ProviderQuota"("provider", "keyHash", "day");

-- Row-level security for the tenant-owned GovCon tables (ProviderQuota is keyed by API key, not tenant).
SELECT dealflow_enable_tenant_rls('"GovConProfile"');
SELECT dealflow_enable_tenant_rls('"Opportunity"');
SELECT dealflow_enable_tenant_rls('"OpportunityVersion"');
SELECT dealflow_enable_tenant_rls('"OpportunityNote"');
SELECT dealflow_enable_tenant_rls('"OpportunityAwards"');
SELECT dealflow_enable_tenant_rls('"GovConSearch"');
SELECT dealflow_enable_tenant_rls('"GovConAlert"');
SELECT dealflow_enable_tenant_rls('"Pursuit"');
