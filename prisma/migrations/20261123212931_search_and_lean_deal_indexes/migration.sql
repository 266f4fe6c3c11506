-- DropIndex
DROP INDEX "Deal_tenantId_createdAt_idx";

-- DropIndex
DROP INDEX "Deal_tenantId_spread_idx";

-- DropIndex
DROP INDEX "Deal_tenantId_spreadRatio_idx";

-- DropIndex
DROP INDEX "Deal_tenantId_strategy_idx";

-- DropIndex
DROP INDEX "Deal_tenantId_score_idx";

-- DropIndex
DROP INDEX "Deal_tenantId_underwrittenAt_idx";

-- AlterTable
ALTER TABLE "KpiEvent" ADD COLUMN     "count" INTEGER NOT NULL DEFAULT 1;

-- Every Deal index is paid for on each imported lead, so only the prospects table's common
-- sorts and filters keep one: newest first (its backward scan serves oldest first), spread,
-- spread ratio and score best first, status, source and region. Other sorts read the
-- tenant's matching rows and sort them.
DROP INDEX "Deal_tenantId_askingPrice_idx";
DROP INDEX "Deal_tenantId_askingPrice_desc_idx";
DROP INDEX "Deal_tenantId_arv_desc_idx";
DROP INDEX "Deal_tenantId_mao_desc_idx";

-- The underwriting engine's queue: deals not yet underwritten, oldest first. Deals imported
-- already underwritten never enter it.
CREATE INDEX "Deal_underwriting_pending_idx" ON "Deal" ("tenantId", "createdAt") WHERE "underwrittenAt" IS NULL;

-- Free-text address search (ILIKE '%maple%' on street and city, a prefix on the postal code).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "Deal_address_trgm_idx" ON "Deal" USING gin ("street" gin_trgm_ops, "city" gin_trgm_ops, "postalCode" gin_trgm_ops);

-- A deal's timeline reads its own KPI events; most events (batch counts) name no deal.
CREATE INDEX "KpiEvent_tenantId_dealId_createdAt_idx" ON "KpiEvent" ("tenantId", "dealId", "createdAt") WHERE "dealId" IS NOT NULL;
