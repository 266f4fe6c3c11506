-- CreateEnum
CREATE TYPE "DncRegistryKind" AS ENUM ('US_NATIONAL', 'CA_NATIONAL', 'LITIGATOR', 'INTERNAL');

-- CreateEnum
CREATE TYPE "DncUploadState" AS ENUM ('IDLE', 'RUNNING', 'FAILED');

-- CreateTable
CREATE TABLE "DncRegistry" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "kind" "DncRegistryKind" NOT NULL,
    "name" TEXT NOT NULL,
    "activeVersion" INTEGER NOT NULL DEFAULT 0,
    "numberCount" INTEGER NOT NULL DEFAULT 0,
    "invalidLines" INTEGER NOT NULL DEFAULT 0,
    "downloadedAt" TIMESTAMP(3),
    "loadedAt" TIMESTAMP(3),
    "loadedById" TEXT,
    "uploadState" "DncUploadState" NOT NULL DEFAULT 'IDLE',
    "uploadVersion" INTEGER NOT NULL DEFAULT 0,
    "uploadStartedAt" TIMESTAMP(3),
    "uploadBytes" INTEGER NOT NULL DEFAULT 0,
    "uploadTotalBytes" INTEGER NOT NULL DEFAULT 0,
    "uploadNumbers" INTEGER NOT NULL DEFAULT 0,
    "uploadInvalid" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "invalidSamples" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DncRegistry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DncRegistryBlock" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "registryId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "DncRegistryBlock_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DncRegistry_tenantId_kind_name_key" ON "DncRegistry"("tenantId", "kind", "name");

-- CreateIndex
CREATE INDEX "DncRegistryBlock_tenantId_idx" ON "DncRegistryBlock"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "DncRegistryBlock_registryId_version_seq_key" ON "DncRegistryBlock"("registryId", "version", "seq");

-- AddForeignKey
ALTER TABLE "DncRegistryBlock" ADD CONSTRAINT "DncRegistryBlock_registryId_fkey" FOREIGN KEY ("registryId") REFERENCES "DncRegistry"("id") ON DELETE CASCADE ON UPDATE CASCADE;
