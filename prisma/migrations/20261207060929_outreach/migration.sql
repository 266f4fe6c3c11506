-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('DRAFT', 'SCHEDULED', 'SENDING', 'PAUSED', 'FINISHED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "CampaignAudience" AS ENUM ('PROSPECTS_VIEW', 'BUYER_SEGMENT');

-- CreateEnum
CREATE TYPE "CampaignRecipientState" AS ENUM ('PENDING', 'SENDING', 'SENT', 'DELIVERED', 'OPENED', 'CLICKED', 'BOUNCED', 'SPAM', 'UNSUBSCRIBED', 'ERROR', 'BLOCKED');

-- CreateEnum
CREATE TYPE "SenderStatus" AS ENUM ('ACTIVE', 'SLOWED', 'PAUSED');

-- CreateEnum
CREATE TYPE "CallStatus" AS ENUM ('QUEUED', 'RINGING', 'IN_PROGRESS', 'COMPLETED', 'BUSY', 'NO_ANSWER', 'FAILED', 'CANCELED', 'BLOCKED');

-- CreateEnum
CREATE TYPE "MailPieceKind" AS ENUM ('POSTCARD', 'LETTER');

-- CreateEnum
CREATE TYPE "MailPieceStatus" AS ENUM ('CREATED', 'RENDERED', 'MAILED', 'IN_TRANSIT', 'DELIVERED', 'RETURNED', 'CANCELLED', 'FAILED', 'BLOCKED');

-- AlterEnum
ALTER TYPE "Channel" ADD VALUE 'MAIL';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "CredentialProvider" ADD VALUE 'LOB';

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "phone" TEXT;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "headerMessageId" TEXT,
ADD COLUMN     "replyToMessageId" TEXT,
ADD COLUMN     "variantKey" TEXT;

-- CreateTable
CREATE TABLE "Conversation" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "threadKey" TEXT NOT NULL,
    "dealId" TEXT,
    "buyerId" TEXT,
    "lastAt" TIMESTAMP(3) NOT NULL,
    "lastChannel" "Channel" NOT NULL,
    "lastDirection" "MessageDirection" NOT NULL,
    "lastPreview" TEXT NOT NULL,
    "unreadCount" INTEGER NOT NULL DEFAULT 0,
    "itemCount" INTEGER NOT NULL DEFAULT 0,
    "channels" "Channel"[],
    "readAt" TIMESTAMP(3),
    "readById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Conversation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "channel" "Channel" NOT NULL DEFAULT 'EMAIL',
    "status" "CampaignStatus" NOT NULL DEFAULT 'DRAFT',
    "audience" "CampaignAudience" NOT NULL,
    "savedViewId" TEXT,
    "audienceQuery" TEXT NOT NULL DEFAULT '',
    "buyerSegmentId" TEXT,
    "minScore" INTEGER NOT NULL DEFAULT 60,
    "dailyLimit" INTEGER NOT NULL DEFAULT 100,
    "scheduledAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "pausedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "lastRunAt" TIMESTAMP(3),
    "total" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignVariant" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CampaignVariant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignRecipient" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "variantId" TEXT,
    "dealId" TEXT,
    "buyerId" TEXT,
    "address" TEXT NOT NULL,
    "state" "CampaignRecipientState" NOT NULL DEFAULT 'PENDING',
    "messageId" TEXT,
    "mailPieceId" TEXT,
    "gate" TEXT,
    "reason" TEXT,
    "error" TEXT,
    "opens" INTEGER NOT NULL DEFAULT 0,
    "clicks" INTEGER NOT NULL DEFAULT 0,
    "sentAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "openedAt" TIMESTAMP(3),
    "clickedAt" TIMESTAMP(3),
    "bouncedAt" TIMESTAMP(3),
    "unsubscribedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CampaignRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SendingIdentity" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "address" TEXT NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "status" "SenderStatus" NOT NULL DEFAULT 'ACTIVE',
    "rate" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "statusReason" TEXT,
    "lastUsedAt" TIMESTAMP(3),
    "lastDecisionAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SendingIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ThrottleDecision" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "identityId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "fromStatus" "SenderStatus" NOT NULL,
    "toStatus" "SenderStatus" NOT NULL,
    "fromRate" DOUBLE PRECISION NOT NULL,
    "toRate" DOUBLE PRECISION NOT NULL,
    "reasons" JSONB NOT NULL DEFAULT '[]',
    "stats" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ThrottleDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Call" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "dealId" TEXT,
    "buyerId" TEXT,
    "taskId" TEXT,
    "userId" TEXT,
    "direction" "MessageDirection" NOT NULL DEFAULT 'OUTBOUND',
    "fromNumber" TEXT,
    "toNumber" TEXT NOT NULL,
    "agentNumber" TEXT,
    "status" "CallStatus" NOT NULL DEFAULT 'QUEUED',
    "provider" TEXT NOT NULL,
    "providerCallId" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "durationSeconds" INTEGER,
    "outcome" TEXT,
    "notes" TEXT,
    "recordingUrl" TEXT,
    "gate" TEXT,
    "blockedReason" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Call_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailPiece" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "dealId" TEXT,
    "campaignId" TEXT,
    "ladderId" TEXT,
    "ladderStep" INTEGER,
    "kind" "MailPieceKind" NOT NULL,
    "status" "MailPieceStatus" NOT NULL DEFAULT 'CREATED',
    "toName" TEXT NOT NULL,
    "addressLine1" TEXT NOT NULL,
    "addressLine2" TEXT,
    "city" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "country" "Country" NOT NULL,
    "body" TEXT NOT NULL,
    "variantKey" TEXT,
    "costCents" INTEGER NOT NULL DEFAULT 0,
    "provider" TEXT NOT NULL,
    "providerPieceId" TEXT,
    "proofFileId" TEXT,
    "expectedDeliveryAt" TIMESTAMP(3),
    "nextTransitionAt" TIMESTAMP(3),
    "mailedAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "returnedAt" TIMESTAMP(3),
    "gate" TEXT,
    "blockedReason" TEXT,
    "error" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MailPiece_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Conversation_tenantId_lastAt_idx" ON "Conversation"("tenantId", "lastAt");

-- CreateIndex
CREATE INDEX "Conversation_tenantId_dealId_idx" ON "Conversation"("tenantId", "dealId");

-- CreateIndex
CREATE INDEX "Conversation_tenantId_buyerId_idx" ON "Conversation"("tenantId", "buyerId");

-- CreateIndex
CREATE UNIQUE INDEX "Conversation_tenantId_threadKey_key" ON "Conversation"("tenantId", "threadKey");

-- CreateIndex
CREATE INDEX "Campaign_tenantId_status_scheduledAt_idx" ON "Campaign"("tenantId", "status", "scheduledAt");

-- CreateIndex
CREATE INDEX "Campaign_tenantId_createdAt_idx" ON "Campaign"("tenantId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignVariant_tenantId_campaignId_label_key" ON "CampaignVariant"("tenantId", "campaignId", "label");

-- CreateIndex
CREATE INDEX "CampaignRecipient_tenantId_campaignId_state_idx" ON "CampaignRecipient"("tenantId", "campaignId", "state");

-- CreateIndex
CREATE INDEX "CampaignRecipient_tenantId_address_sentAt_idx" ON "CampaignRecipient"("tenantId", "address", "sentAt");

-- CreateIndex
CREATE INDEX "CampaignRecipient_tenantId_messageId_idx" ON "CampaignRecipient"("tenantId", "messageId");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignRecipient_tenantId_campaignId_address_key" ON "CampaignRecipient"("tenantId", "campaignId", "address");

-- CreateIndex
CREATE UNIQUE INDEX "SendingIdentity_tenantId_channel_address_key" ON "SendingIdentity"("tenantId", "channel", "address");

-- CreateIndex
CREATE INDEX "ThrottleDecision_tenantId_identityId_createdAt_idx" ON "ThrottleDecision"("tenantId", "identityId", "createdAt");

-- CreateIndex
CREATE INDEX "ThrottleDecision_tenantId_createdAt_idx" ON "ThrottleDecision"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "Call_tenantId_dealId_startedAt_idx" ON "Call"("tenantId", "dealId", "startedAt");

-- CreateIndex
CREATE INDEX "Call_tenantId_buyerId_startedAt_idx" ON "Call"("tenantId", "buyerId", "startedAt");

-- CreateIndex
CREATE INDEX "Call_tenantId_userId_startedAt_idx" ON "Call"("tenantId", "userId", "startedAt");

-- CreateIndex
CREATE INDEX "Call_tenantId_startedAt_idx" ON "Call"("tenantId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Call_tenantId_provider_providerCallId_key" ON "Call"("tenantId", "provider", "providerCallId");

-- CreateIndex
CREATE INDEX "MailPiece_tenantId_dealId_createdAt_idx" ON "MailPiece"("tenantId", "dealId", "createdAt");

-- CreateIndex
CREATE INDEX "MailPiece_tenantId_status_nextTransitionAt_idx" ON "MailPiece"("tenantId", "status", "nextTransitionAt");

-- CreateIndex
CREATE INDEX "MailPiece_tenantId_createdAt_idx" ON "MailPiece"("tenantId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MailPiece_tenantId_provider_providerPieceId_key" ON "MailPiece"("tenantId", "provider", "providerPieceId");

-- CreateIndex
CREATE INDEX "Message_tenantId_fromAddress_createdAt_idx" ON "Message"("tenantId", "fromAddress", "createdAt");

-- CreateIndex
CREATE INDEX "Message_tenantId_variantKey_createdAt_idx" ON "Message"("tenantId", "variantKey", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Message_tenantId_headerMessageId_key" ON "Message"("tenantId", "headerMessageId");

-- AddForeignKey
ALTER TABLE "CampaignVariant" ADD CONSTRAINT "CampaignVariant_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignRecipient" ADD CONSTRAINT "CampaignRecipient_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security on every new tenant-owned table (see 20261206120000_row_level_security).
SELECT dealflow_enable_tenant_rls('"Conversation"');
SELECT dealflow_enable_tenant_rls('"Campaign"');
SELECT dealflow_enable_tenant_rls('"CampaignVariant"');
SELECT dealflow_enable_tenant_rls('"CampaignRecipient"');
SELECT dealflow_enable_tenant_rls('"SendingIdentity"');
SELECT dealflow_enable_tenant_rls('"ThrottleDecision"');
SELECT dealflow_enable_tenant_rls('"Call"');
SELECT dealflow_enable_tenant_rls('"MailPiece"');

-- Conversations follow what is written: every message, call and mail piece touches its
-- thread (a buyer's when it names a buyer, else its lead's), in the same transaction.
CREATE OR REPLACE FUNCTION dealflow_touch_conversation(
  p_tenant text, p_deal text, p_buyer text, p_at timestamp(3), p_channel "Channel",
  p_direction "MessageDirection", p_preview text
) RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  v_key text;
  v_inbound int := CASE WHEN p_direction = 'INBOUND' THEN 1 ELSE 0 END;
BEGIN
  IF p_buyer IS NOT NULL THEN
    v_key := 'buyer:' || p_buyer;
  ELSIF p_deal IS NOT NULL THEN
    v_key := 'deal:' || p_deal;
  ELSE
    RETURN;
  END IF;
  INSERT INTO "Conversation" AS c ("id", "tenantId", "threadKey", "dealId", "buyerId", "lastAt", "lastChannel", "lastDirection", "lastPreview", "unreadCount", "itemCount", "channels", "createdAt", "updatedAt")
  VALUES (gen_random_uuid()::text, p_tenant, v_key, CASE WHEN p_buyer IS NULL THEN p_deal END, p_buyer, p_at, p_channel, p_direction, left(coalesce(p_preview, ''), 200), v_inbound, 1, ARRAY[p_channel], now(), now())
  ON CONFLICT ("tenantId", "threadKey") DO UPDATE SET
    "lastAt" = GREATEST(c."lastAt", EXCLUDED."lastAt"),
    "lastChannel" = CASE WHEN EXCLUDED."lastAt" >= c."lastAt" THEN EXCLUDED."lastChannel" ELSE c."lastChannel" END,
    "lastDirection" = CASE WHEN EXCLUDED."lastAt" >= c."lastAt" THEN EXCLUDED."lastDirection" ELSE c."lastDirection" END,
    "lastPreview" = CASE WHEN EXCLUDED."lastAt" >= c."lastAt" THEN EXCLUDED."lastPreview" ELSE c."lastPreview" END,
    "unreadCount" = c."unreadCount" + v_inbound,
    "itemCount" = c."itemCount" + 1,
    "channels" = CASE WHEN p_channel = ANY (c."channels") THEN c."channels" ELSE c."channels" || p_channel END,
    "updatedAt" = now();
END
$fn$;

CREATE OR REPLACE FUNCTION dealflow_conversation_on_message() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM dealflow_touch_conversation(NEW."tenantId", NEW."dealId", NEW."buyerId", NEW."createdAt", NEW."channel", NEW."direction",
    CASE WHEN NEW."status" = 'BLOCKED' THEN 'Not sent: ' || coalesce(NEW."blockedReason", 'refused') ELSE coalesce(NEW."subject" || ' - ', '') || NEW."body" END);
  RETURN NEW;
END
$fn$;
CREATE TRIGGER conversation_on_message AFTER INSERT ON "Message"
  FOR EACH ROW EXECUTE FUNCTION dealflow_conversation_on_message();

CREATE OR REPLACE FUNCTION dealflow_conversation_on_call() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM dealflow_touch_conversation(NEW."tenantId", NEW."dealId", NEW."buyerId", NEW."startedAt", 'CALL', NEW."direction",
    CASE WHEN NEW."status" = 'BLOCKED' THEN 'Call not placed: ' || coalesce(NEW."blockedReason", 'refused') ELSE 'Call to ' || NEW."toNumber" END);
  RETURN NEW;
END
$fn$;
CREATE TRIGGER conversation_on_call AFTER INSERT ON "Call"
  FOR EACH ROW EXECUTE FUNCTION dealflow_conversation_on_call();

CREATE OR REPLACE FUNCTION dealflow_conversation_on_mail() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM dealflow_touch_conversation(NEW."tenantId", NEW."dealId", NULL, NEW."createdAt", 'MAIL', 'OUTBOUND',
    CASE WHEN NEW."status" = 'BLOCKED' THEN 'Mail not sent: ' || coalesce(NEW."blockedReason", 'refused') ELSE initcap(lower(NEW."kind"::text)) || ': ' || NEW."body" END);
  RETURN NEW;
END
$fn$;
CREATE TRIGGER conversation_on_mail AFTER INSERT ON "MailPiece"
  FOR EACH ROW EXECUTE FUNCTION dealflow_conversation_on_mail();

-- Blast text variants (template rotation)
ALTER TABLE "Blast" ADD COLUMN "smsVariants" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- The HTML part of an email as it left (the Outbox shows it)
ALTER TABLE "Message" ADD COLUMN "html" TEXT;
