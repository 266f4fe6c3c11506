-- CreateEnum
CREATE TYPE "CredentialProvider" AS ENUM ('TWILIO', 'SENDGRID', 'GMAIL', 'DISCORD', 'SAM_GOV', 'LLM', 'STORAGE');

-- CreateTable
CREATE TABLE "ProviderCredential" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "provider" "CredentialProvider" NOT NULL,
    "publicFields" JSONB NOT NULL,
    "secretHints" JSONB NOT NULL,
    "ciphertext" TEXT NOT NULL,
    "iv" TEXT NOT NULL,
    "authTag" TEXT NOT NULL,
    "keyVersion" INTEGER NOT NULL,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProviderCredential_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProviderCredential_keyVersion_idx" ON "ProviderCredential"("keyVersion");

-- CreateIndex
CREATE UNIQUE INDEX "ProviderCredential_tenantId_provider_key" ON "ProviderCredential"("tenantId", "provider");
