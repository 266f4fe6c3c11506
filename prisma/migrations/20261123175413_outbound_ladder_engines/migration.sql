-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('SMS', 'EMAIL', 'CALL');

-- CreateEnum
CREATE TYPE "MessageDirection" AS ENUM ('OUTBOUND', 'INBOUND');

-- CreateEnum
CREATE TYPE "MessageStatus" AS ENUM ('QUEUED', 'SENT', 'DELIVERED', 'FAILED', 'UNDELIVERED', 'RECEIVED', 'BLOCKED');

-- CreateEnum
CREATE TYPE "ConsentStatus" AS ENUM ('OPTED_IN', 'OPTED_OUT');

-- CreateEnum
CREATE TYPE "LadderStatus" AS ENUM ('ACTIVE', 'COMPLETED', 'STOPPED');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('OPEN', 'DONE', 'SKIPPED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "EngineOutcome" AS ENUM ('RUNNING', 'OK', 'FAILED', 'SKIPPED');

-- CreateTable
CREATE TABLE "Message" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "dealId" TEXT,
    "channel" "Channel" NOT NULL,
    "direction" "MessageDirection" NOT NULL,
    "status" "MessageStatus" NOT NULL,
    "toAddress" TEXT NOT NULL,
    "fromAddress" TEXT,
    "subject" TEXT,
    "body" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "providerMessageId" TEXT,
    "blockedReason" TEXT,
    "error" TEXT,
    "ladderId" TEXT,
    "ladderStep" INTEGER,
    "sentById" TEXT,
    "sentAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "failedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessageEvent" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "messageId" TEXT,
    "provider" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MessageEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactConsent" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "address" TEXT NOT NULL,
    "status" "ConsentStatus" NOT NULL,
    "source" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContactConsent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DoNotContact" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DoNotContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LadderTemplate" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "steps" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LadderTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUpLadder" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "dealId" TEXT NOT NULL,
    "status" "LadderStatus" NOT NULL DEFAULT 'ACTIVE',
    "steps" JSONB NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "nextStep" INTEGER NOT NULL DEFAULT 0,
    "stoppedAt" TIMESTAMP(3),
    "stopReason" TEXT,
    "correlationId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FollowUpLadder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUpTask" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "dealId" TEXT NOT NULL,
    "ladderId" TEXT,
    "step" INTEGER NOT NULL,
    "channel" "Channel" NOT NULL,
    "ownerId" TEXT,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'OPEN',
    "outcome" TEXT,
    "notes" TEXT,
    "completedAt" TIMESTAMP(3),
    "completedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FollowUpTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EngineState" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "engine" TEXT NOT NULL,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "intervalSeconds" INTEGER NOT NULL,
    "intervalReason" TEXT NOT NULL,
    "nextRunAt" TIMESTAMP(3),
    "lastRunAt" TIMESTAMP(3),
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,
    "escalatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EngineState_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EngineRun" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "engine" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "items" INTEGER NOT NULL DEFAULT 0,
    "outcome" "EngineOutcome" NOT NULL DEFAULT 'RUNNING',
    "error" TEXT,
    "details" JSONB,

    CONSTRAINT "EngineRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventOutbox" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "dispatchedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EventOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Message_tenantId_createdAt_idx" ON "Message"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "Message_tenantId_dealId_createdAt_idx" ON "Message"("tenantId", "dealId", "createdAt");

-- CreateIndex
CREATE INDEX "Message_tenantId_direction_status_createdAt_idx" ON "Message"("tenantId", "direction", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Message_tenantId_provider_providerMessageId_key" ON "Message"("tenantId", "provider", "providerMessageId");

-- CreateIndex
CREATE INDEX "MessageEvent_tenantId_messageId_idx" ON "MessageEvent"("tenantId", "messageId");

-- CreateIndex
CREATE UNIQUE INDEX "MessageEvent_tenantId_provider_eventKey_key" ON "MessageEvent"("tenantId", "provider", "eventKey");

-- CreateIndex
CREATE INDEX "ContactConsent_tenantId_status_idx" ON "ContactConsent"("tenantId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ContactConsent_tenantId_channel_address_key" ON "ContactConsent"("tenantId", "channel", "address");

-- CreateIndex
CREATE UNIQUE INDEX "DoNotContact_tenantId_value_key" ON "DoNotContact"("tenantId", "value");

-- CreateIndex
CREATE UNIQUE INDEX "LadderTemplate_tenantId_key" ON "LadderTemplate"("tenantId");

-- CreateIndex
CREATE INDEX "FollowUpLadder_tenantId_dealId_idx" ON "FollowUpLadder"("tenantId", "dealId");

-- CreateIndex
CREATE INDEX "FollowUpLadder_tenantId_status_idx" ON "FollowUpLadder"("tenantId", "status");

-- CreateIndex
CREATE INDEX "FollowUpTask_tenantId_status_dueAt_idx" ON "FollowUpTask"("tenantId", "status", "dueAt");

-- CreateIndex
CREATE INDEX "FollowUpTask_tenantId_ownerId_status_dueAt_idx" ON "FollowUpTask"("tenantId", "ownerId", "status", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "FollowUpTask_tenantId_ladderId_step_key" ON "FollowUpTask"("tenantId", "ladderId", "step");

-- CreateIndex
CREATE UNIQUE INDEX "EngineState_tenantId_engine_key" ON "EngineState"("tenantId", "engine");

-- CreateIndex
CREATE INDEX "EngineRun_tenantId_engine_startedAt_idx" ON "EngineRun"("tenantId", "engine", "startedAt");

-- CreateIndex
CREATE INDEX "EventOutbox_dispatchedAt_nextAttemptAt_idx" ON "EventOutbox"("dispatchedAt", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "EventOutbox_tenantId_dispatchedAt_idx" ON "EventOutbox"("tenantId", "dispatchedAt");

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpLadder" ADD CONSTRAINT "FollowUpLadder_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpTask" ADD CONSTRAINT "FollowUpTask_dealId_fkey" FOREIGN KEY ("dealId") REFERENCES "Deal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One active ladder per lead: starting it twice (a retried event, a double click) is a no-op.
CREATE UNIQUE INDEX "FollowUpLadder_one_active_per_deal" ON "FollowUpLadder"("tenantId", "dealId") WHERE "status" = 'ACTIVE';

-- Undispatched events, oldest first, for the dispatcher.
CREATE INDEX "EventOutbox_pending" ON "EventOutbox"("nextAttemptAt") WHERE "dispatchedAt" IS NULL;
