-- CreateEnum
CREATE TYPE "RuntimeJobStatus" AS ENUM ('PENDING', 'RUNNING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "RuntimeJob" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "status" "RuntimeJobStatus" NOT NULL DEFAULT 'PENDING',
    "runAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 4,
    "leaseUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RuntimeJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RuntimeJob_status_runAt_idx" ON "RuntimeJob"("status", "runAt");

-- CreateIndex
CREATE INDEX "RuntimeJob_tenantId_status_idx" ON "RuntimeJob"("tenantId", "status");
