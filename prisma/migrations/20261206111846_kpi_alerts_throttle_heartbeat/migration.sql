-- AlterTable
ALTER TABLE "EngineRun" ADD COLUMN     "requestId" TEXT;

-- CreateTable
CREATE TABLE "KpiAlert" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "kpi" TEXT NOT NULL,
    "hourStart" TIMESTAMP(3) NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "baselineMean" DOUBLE PRECISION NOT NULL,
    "baselineSpread" DOUBLE PRECISION NOT NULL,
    "volume" INTEGER NOT NULL,
    "direction" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "discord" TEXT NOT NULL,
    "throttled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KpiAlert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboundThrottle" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "engagedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "liftedAt" TIMESTAMP(3),
    "liftedBy" TEXT,

    CONSTRAINT "OutboundThrottle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SystemHeartbeat" (
    "id" TEXT NOT NULL,
    "executor" TEXT NOT NULL,
    "beatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "staleAlertedAt" TIMESTAMP(3),

    CONSTRAINT "SystemHeartbeat_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "KpiAlert_tenantId_createdAt_idx" ON "KpiAlert"("tenantId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "KpiAlert_tenantId_kpi_hourStart_key" ON "KpiAlert"("tenantId", "kpi", "hourStart");

-- CreateIndex
CREATE INDEX "OutboundThrottle_tenantId_liftedAt_idx" ON "OutboundThrottle"("tenantId", "liftedAt");

-- CreateIndex
CREATE INDEX "SystemHeartbeat_beatAt_idx" ON "SystemHeartbeat"("beatAt");
