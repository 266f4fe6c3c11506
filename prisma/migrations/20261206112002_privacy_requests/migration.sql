-- CreateEnum
CREATE TYPE "PrivacyRequestKind" AS ENUM ('ERASURE', 'ACCESS');

-- CreateEnum
CREATE TYPE "PrivacyRequestStatus" AS ENUM ('PENDING', 'COMPLETED', 'FAILED');

-- CreateTable
CREATE TABLE "PrivacyRequest" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "kind" "PrivacyRequestKind" NOT NULL,
    "status" "PrivacyRequestStatus" NOT NULL DEFAULT 'PENDING',
    "identifiers" JSONB NOT NULL,
    "subjectHashes" TEXT[],
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deadline" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "proof" JSONB,
    "requestedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PrivacyRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Suppression" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "requestId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Suppression_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonKey" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "subjectHash" TEXT NOT NULL,
    "wrappedKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PersonKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PrivacyRequest_tenantId_status_deadline_idx" ON "PrivacyRequest"("tenantId", "status", "deadline");

-- CreateIndex
CREATE INDEX "PrivacyRequest_tenantId_requestedAt_idx" ON "PrivacyRequest"("tenantId", "requestedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Suppression_tenantId_hash_key" ON "Suppression"("tenantId", "hash");

-- CreateIndex
CREATE UNIQUE INDEX "PersonKey_tenantId_subjectHash_key" ON "PersonKey"("tenantId", "subjectHash");
