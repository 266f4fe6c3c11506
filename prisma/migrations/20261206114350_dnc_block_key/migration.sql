-- DropIndex
DROP INDEX "DncRegistryBlock_tenantId_idx";

-- DropIndex
DROP INDEX "DncRegistryBlock_registryId_version_seq_key";

-- CreateIndex
CREATE UNIQUE INDEX "DncRegistryBlock_tenantId_registryId_version_seq_key" ON "DncRegistryBlock"("tenantId", "registryId", "version", "seq");
