-- CreateEnum
CREATE TYPE "CompSource" AS ENUM ('IMPORT', 'CLOSED_DEAL', 'PROVIDER', 'API');

-- CreateEnum
CREATE TYPE "ScoringModelStatus" AS ENUM ('PROPOSED', 'ACTIVE', 'RETIRED');

-- AlterEnum
ALTER TYPE "ImportKind" ADD VALUE 'COMPS';

-- AlterEnum
ALTER TYPE "CredentialProvider" ADD VALUE 'COMPS';

-- AlterTable
ALTER TABLE "Deal" ADD COLUMN     "arvSource" TEXT,
ADD COLUMN     "listCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "qualityFlags" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "qualityIssues" JSONB,
ADD COLUMN     "recommendedOffer" INTEGER,
ADD COLUMN     "scoreConfidence" TEXT,
ADD COLUMN     "scoreContributions" JSONB,
ADD COLUMN     "scoreModel" TEXT,
ADD COLUMN     "scoredAt" TIMESTAMP(3),
ADD COLUMN     "sourceScore" INTEGER;

-- AlterTable
ALTER TABLE "OfferPolicy" ADD COLUMN     "negotiationMargin" INTEGER NOT NULL DEFAULT 5000;

-- AlterTable
ALTER TABLE "OfferEvidence" ADD COLUMN     "assumptions" JSONB,
ADD COLUMN     "comps" JSONB,
ADD COLUMN     "recommendedOffer" INTEGER;

-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "leadListId" TEXT,
ADD COLUMN     "stacked" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Blast" ADD COLUMN     "attachmentFileId" TEXT;

-- AlterTable
ALTER TABLE "StoredFile" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "CompSale" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "street" TEXT,
    "city" TEXT,
    "region" TEXT,
    "postalCode" TEXT,
    "country" "Country",
    "addressKey" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "areaCode" TEXT,
    "soldPrice" INTEGER NOT NULL,
    "soldAt" TIMESTAMP(3) NOT NULL,
    "beds" INTEGER,
    "baths" DOUBLE PRECISION,
    "sqft" INTEGER,
    "yearBuilt" INTEGER,
    "propertyType" "PropertyType",
    "source" "CompSource" NOT NULL,
    "sourceRef" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CompSale_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeadList" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "importJobId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeadList_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeadListMember" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "listId" TEXT NOT NULL,
    "dealId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeadListMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoringModel" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "ScoringModelStatus" NOT NULL DEFAULT 'PROPOSED',
    "parameters" JSONB NOT NULL,
    "metrics" JSONB NOT NULL,
    "outcomes" INTEGER NOT NULL,
    "proposedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "promotedAt" TIMESTAMP(3),
    "promotedById" TEXT,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "ScoringModel_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CompSale_tenantId_areaCode_soldAt_idx" ON "CompSale"("tenantId", "areaCode", "soldAt");

-- CreateIndex
CREATE INDEX "CompSale_tenantId_region_soldAt_idx" ON "CompSale"("tenantId", "region", "soldAt");

-- CreateIndex
CREATE UNIQUE INDEX "CompSale_tenantId_addressKey_soldAt_key" ON "CompSale"("tenantId", "addressKey", "soldAt");

-- CreateIndex
CREATE INDEX "LeadList_tenantId_createdAt_idx" ON "LeadList"("tenantId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "LeadList_tenantId_name_key" ON "LeadList"("tenantId", "name");

-- CreateIndex
CREATE INDEX "LeadListMember_tenantId_dealId_idx" ON "LeadListMember"("tenantId", "dealId");

-- CreateIndex
CREATE UNIQUE INDEX "LeadListMember_tenantId_listId_dealId_key" ON "LeadListMember"("tenantId", "listId", "dealId");

-- CreateIndex
CREATE INDEX "ScoringModel_tenantId_status_idx" ON "ScoringModel"("tenantId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ScoringModel_tenantId_version_key" ON "ScoringModel"("tenantId", "version");

-- AddForeignKey
ALTER TABLE "LeadListMember" ADD CONSTRAINT "LeadListMember_listId_fkey" FOREIGN KEY ("listId") REFERENCES "LeadList"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security: each new table is seen by its own workspace only.
SELECT dealflow_enable_tenant_rls('"CompSale"');
SELECT dealflow_enable_tenant_rls('"LeadList"');
SELECT dealflow_enable_tenant_rls('"LeadListMember"');
SELECT dealflow_enable_tenant_rls('"ScoringModel"');
