-- CreateEnum
CREATE TYPE "MarketRank" AS ENUM ('HOT', 'NORMAL', 'COLD', 'BLACKLIST');

-- AlterEnum
ALTER TYPE "DealSource" ADD VALUE 'DRIVING';

-- AlterTable
ALTER TABLE "Deal" ADD COLUMN     "areaCode" TEXT,
ADD COLUMN     "latitude" DOUBLE PRECISION,
ADD COLUMN     "locationSource" TEXT,
ADD COLUMN     "longitude" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "MarketArea" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "areaCode" TEXT NOT NULL,
    "country" "Country" NOT NULL,
    "region" TEXT,
    "market" TEXT,
    "city" TEXT,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "metrics" JSONB NOT NULL,
    "rank" "MarketRank" NOT NULL,
    "reasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "computedRank" "MarketRank" NOT NULL,
    "rankChangedAt" TIMESTAMP(3),
    "blacklisted" BOOLEAN NOT NULL DEFAULT false,
    "blacklistReason" TEXT,
    "blacklistedAt" TIMESTAMP(3),
    "blacklistedById" TEXT,
    "computedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MarketArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MarketIntelSettings" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "thresholds" JSONB NOT NULL,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MarketIntelSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "dealId" TEXT,
    "key" TEXT NOT NULL,
    "backend" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MarketArea_tenantId_rank_idx" ON "MarketArea"("tenantId", "rank");

-- CreateIndex
CREATE INDEX "MarketArea_tenantId_region_market_idx" ON "MarketArea"("tenantId", "region", "market");

-- CreateIndex
CREATE UNIQUE INDEX "MarketArea_tenantId_areaCode_key" ON "MarketArea"("tenantId", "areaCode");

-- CreateIndex
CREATE UNIQUE INDEX "MarketIntelSettings_tenantId_key" ON "MarketIntelSettings"("tenantId");

-- CreateIndex
CREATE INDEX "StoredFile_tenantId_dealId_idx" ON "StoredFile"("tenantId", "dealId");

-- CreateIndex
CREATE UNIQUE INDEX "StoredFile_tenantId_key_key" ON "StoredFile"("tenantId", "key");

-- CreateIndex
CREATE INDEX "Deal_tenantId_areaCode_idx" ON "Deal"("tenantId", "areaCode");

-- CreateIndex
CREATE INDEX "Deal_tenantId_longitude_latitude_idx" ON "Deal"("tenantId", "longitude", "latitude");

-- Each deal's postal area: the 5-digit ZIP in the US, the forward sortation area in Canada.
-- Coordinates come from lib/geo's centroids, filled by the market-intel engine's pass.
UPDATE "Deal" SET "areaCode" = CASE
    WHEN "country" = 'CA' AND "postalCode" ~ '^[A-Z][0-9][A-Z]' THEN substring("postalCode" from 1 for 3)
    WHEN "postalCode" ~ '^[0-9]{5}' THEN substring("postalCode" from 1 for 5)
  END
  WHERE "postalCode" IS NOT NULL;

SELECT dealflow_enable_tenant_rls('"MarketArea"');
SELECT dealflow_enable_tenant_rls('"MarketIntelSettings"');
SELECT dealflow_enable_tenant_rls('"StoredFile"');
