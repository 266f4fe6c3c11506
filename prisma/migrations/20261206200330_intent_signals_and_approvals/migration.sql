-- CreateEnum
CREATE TYPE "DraftStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'REJECTED');

-- CreateEnum
CREATE TYPE "ExperimentStatus" AS ENUM ('DRAFT', 'RAN', 'PROMOTED', 'ARCHIVED');

-- AlterEnum
ALTER TYPE "CredentialProvider" ADD VALUE 'SKIPTRACE';

-- AlterTable
ALTER TABLE "Deal" ADD COLUMN     "intentScore" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "intentScoredAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "userId" TEXT;

-- AlterTable
ALTER TABLE "Buyer" ADD COLUMN     "intentScore" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "intentScoredAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Signal" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "dealId" TEXT,
    "buyerId" TEXT,
    "type" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "dedupeKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Signal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntentSettingsVersion" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "weights" JSONB NOT NULL,
    "halfLifeHours" JSONB NOT NULL,
    "highIntentThreshold" INTEGER NOT NULL DEFAULT 70,
    "emailDailyLimitPerPerson" INTEGER NOT NULL DEFAULT 1,
    "enrichmentMonthlyCapCents" INTEGER NOT NULL DEFAULT 50,
    "drafting" JSONB NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'settings',
    "experimentId" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntentSettingsVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailDraft" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "dealId" TEXT,
    "buyerId" TEXT,
    "status" "DraftStatus" NOT NULL DEFAULT 'PENDING',
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "proposedSubject" TEXT NOT NULL,
    "proposedBody" TEXT NOT NULL,
    "reasoning" JSONB NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "intentScore" INTEGER NOT NULL,
    "drafter" TEXT NOT NULL,
    "prompt" JSONB,
    "settingsVersion" INTEGER NOT NULL,
    "editedById" TEXT,
    "editedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "rejectReason" TEXT,
    "messageId" TEXT,
    "blockedGate" TEXT,
    "blockedReason" TEXT,
    "blockedDetail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmailDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EnrichmentCall" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "dealId" TEXT,
    "buyerId" TEXT,
    "provider" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "costCents" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL,
    "found" JSONB,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EnrichmentCall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LabExperiment" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "config" JSONB NOT NULL,
    "windowDays" INTEGER NOT NULL DEFAULT 30,
    "status" "ExperimentStatus" NOT NULL DEFAULT 'DRAFT',
    "createdById" TEXT,
    "promotedById" TEXT,
    "promotedAt" TIMESTAMP(3),
    "promotedVersion" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LabExperiment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LabRun" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "experimentId" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "windowEnd" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'RUNNING',
    "summary" JSONB,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "LabRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LabDraft" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "dealId" TEXT,
    "buyerId" TEXT,
    "labScore" INTEGER NOT NULL,
    "productionScore" INTEGER NOT NULL,
    "labWouldDraft" BOOLEAN NOT NULL,
    "prodWouldDraft" BOOLEAN NOT NULL,
    "subject" TEXT,
    "body" TEXT,
    "confidence" DOUBLE PRECISION,
    "reasoning" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LabDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Signal_tenantId_dealId_occurredAt_idx" ON "Signal"("tenantId", "dealId", "occurredAt");

-- CreateIndex
CREATE INDEX "Signal_tenantId_buyerId_occurredAt_idx" ON "Signal"("tenantId", "buyerId", "occurredAt");

-- CreateIndex
CREATE INDEX "Signal_tenantId_occurredAt_idx" ON "Signal"("tenantId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Signal_tenantId_dedupeKey_key" ON "Signal"("tenantId", "dedupeKey");

-- CreateIndex
CREATE UNIQUE INDEX "IntentSettingsVersion_tenantId_version_key" ON "IntentSettingsVersion"("tenantId", "version");

-- CreateIndex
CREATE INDEX "EmailDraft_tenantId_status_intentScore_idx" ON "EmailDraft"("tenantId", "status", "intentScore");

-- CreateIndex
CREATE INDEX "EmailDraft_tenantId_dealId_createdAt_idx" ON "EmailDraft"("tenantId", "dealId", "createdAt");

-- CreateIndex
CREATE INDEX "EmailDraft_tenantId_buyerId_createdAt_idx" ON "EmailDraft"("tenantId", "buyerId", "createdAt");

-- CreateIndex
CREATE INDEX "EnrichmentCall_tenantId_dealId_month_idx" ON "EnrichmentCall"("tenantId", "dealId", "month");

-- CreateIndex
CREATE INDEX "EnrichmentCall_tenantId_buyerId_month_idx" ON "EnrichmentCall"("tenantId", "buyerId", "month");

-- CreateIndex
CREATE INDEX "EnrichmentCall_tenantId_createdAt_idx" ON "EnrichmentCall"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "LabExperiment_tenantId_createdAt_idx" ON "LabExperiment"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "LabRun_tenantId_experimentId_startedAt_idx" ON "LabRun"("tenantId", "experimentId", "startedAt");

-- CreateIndex
CREATE INDEX "LabDraft_tenantId_runId_idx" ON "LabDraft"("tenantId", "runId");

-- Prospects and Buyers sort by intent, highest first.
CREATE INDEX "Deal_tenantId_intentScore_desc_idx" ON "Deal" ("tenantId", "intentScore" DESC, "id" DESC);
CREATE INDEX "Buyer_tenantId_intentScore_desc_idx" ON "Buyer" ("tenantId", "intentScore" DESC, "id" DESC);
-- The approval queue reads pending drafts first.
CREATE INDEX "EmailDraft_pending_idx" ON "EmailDraft" ("tenantId", "intentScore" DESC, "createdAt") WHERE "status" = 'PENDING';

-- Row-level security on every new tenant-owned table (see 20261206120000_row_level_security).
SELECT dealflow_enable_tenant_rls('"Signal"');
SELECT dealflow_enable_tenant_rls('"IntentSettingsVersion"');
SELECT dealflow_enable_tenant_rls('"EmailDraft"');
SELECT dealflow_enable_tenant_rls('"EnrichmentCall"');
SELECT dealflow_enable_tenant_rls('"LabExperiment"');
SELECT dealflow_enable_tenant_rls('"LabRun"');
SELECT dealflow_enable_tenant_rls('"LabDraft"');

-- Signals and settings versions are immutable: scores, drafts and experiments are read from them.
CREATE OR REPLACE FUNCTION dealflow_row_immutable() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION '% rows are immutable', TG_TABLE_NAME;
END
$fn$;
CREATE TRIGGER signal_immutable BEFORE UPDATE ON "Signal"
  FOR EACH ROW EXECUTE FUNCTION dealflow_row_immutable();
CREATE TRIGGER intent_settings_version_immutable BEFORE UPDATE ON "IntentSettingsVersion"
  FOR EACH ROW EXECUTE FUNCTION dealflow_row_immutable();
