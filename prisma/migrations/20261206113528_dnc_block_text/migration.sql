-- AlterTable
ALTER TABLE "DncRegistryBlock" ALTER COLUMN "data" SET DATA TYPE TEXT;
